import type { ColumnRole, PageVocabulary } from '../../page/vocabulary.js';

export interface FusedHeader {
  cells: string[];
  roles: ColumnRole[];
}

/**
 * A table's header row as copied text: its cells run together (`NameTypeRequiredDefault value…`)
 * or separated by white space. Split into the header texts the vocabulary knows, covering the
 * whole line; undefined when the line is not made of header texts only. Longer texts are tried
 * first ("Default value" before "Default"), with backtracking.
 */
export function splitFusedHeader(line: string, vocabulary: PageVocabulary): FusedHeader | undefined {
  const text = line.trim();
  const lower = text.toLowerCase();
  const texts = [...vocabulary.headerTexts].sort((a, b) => b.length - a.length);
  const memo = new Map<number, FusedHeader | null>();
  const from = (p: number): FusedHeader | null => {
    if (p === text.length) return { cells: [], roles: [] };
    const known = memo.get(p);
    if (known !== undefined) return known;
    let found: FusedHeader | null = null;
    for (const h of texts) {
      if (!lower.startsWith(h, p)) continue;
      let end = p + h.length;
      while (end < text.length && /[?？:：]/.test(text[end]!)) end++;
      const cell = text.slice(p, end);
      while (end < text.length && /\s/.test(text[end]!)) end++;
      const rest = from(end);
      const role = vocabulary.columnRole(cell);
      if (rest && role) {
        found = { cells: [cell, ...rest.cells], roles: [role, ...rest.roles] };
        break;
      }
    }
    memo.set(p, found);
    return found;
  };
  const result = from(0);
  return result && result.cells.length > 0 ? result : undefined;
}
