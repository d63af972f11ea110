import type { TableBlock } from '../../page/model.js';
import { scanBlocks } from '../markdown.js';

/**
 * A markdown table shown as its source and copied (seed 003): the site did not render it (its
 * first row is fused into the delimiter row), so the page showed `| Name | Type | … |` as text,
 * and the copy joined its rows into one line, `| a | b | | --- | --- | | c | d |`, keeping only
 * the line breaks that were `<br>` in a cell. The rows are cut again at the header's width
 * (the header ends where the delimiter row starts) and read by the markdown table scanner, so
 * its repairs (the fused first row) apply. `lines` are the paragraph's lines, from `firstLine`.
 */
export function rebuildPipeTable(lines: readonly string[], firstLine: number): TableBlock | undefined {
  // cells of the joined text, each with the line it starts on; `\|` is not a separator
  const cells: { text: string; line: number }[] = [];
  let cur = '';
  let curLine = firstLine;
  lines.forEach((l, li) => {
    const line = li === 0 ? l.trimStart() : l;
    if (li > 0) cur += '<br>';
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\' && line[i + 1] === '|') {
        cur += '\\|';
        i++;
      } else if (line[i] === '|') {
        cells.push({ text: cur, line: curLine });
        cur = '';
        curLine = firstLine + li;
      } else cur += line[i];
    }
  });
  cells.push({ text: cur, line: curLine });
  // cells[0] is before the first pipe; between two rows the copy leaves one empty cell
  const isDelimiter = (t: string): boolean => /^\s*:?-{3,}/.test(t);
  let width = 0;
  for (let i = 1; i + 1 < cells.length; i++) {
    if (cells[i]!.text.trim() === '' && isDelimiter(cells[i + 1]!.text)) {
      width = i - 1;
      break;
    }
  }
  if (width < 2) return undefined;
  const rows: { text: string; line: number }[] = [];
  for (let i = 1; i + width <= cells.length; i += width + 1) {
    const row = cells.slice(i, i + width);
    rows.push({ text: `|${row.map((c) => c.text.replace(/^(<br>)+|(<br>)+$/g, '')).join('|')}|`, line: row[0]!.line });
    // the separator between rows must be empty; otherwise the cut went wrong
    if (i + width < cells.length && cells[i + width]!.text.replace(/<br>/g, '').trim() !== '' && i + width !== cells.length - 1) return undefined;
  }
  const table = scanBlocks(rows.map((r) => r.text).join('\n')).find((b): b is TableBlock => b.kind === 'table');
  if (!table) return undefined;
  // back to the copied text's lines (columns in the joined line say nothing: column 1)
  const lineOf = (n: number): number => rows[n - 1]?.line ?? firstLine;
  const place = (r: { line: number; columns: number[] }): void => {
    r.line = lineOf(r.line);
    r.columns = r.columns.map(() => 1);
  };
  table.line = lineOf(table.line);
  place(table.header);
  table.rows.forEach(place);
  if (table.fused) place(table.fused);
  return table;
}
