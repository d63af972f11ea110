import type { Diagnostic } from '../../../diagnostics/types.js';
import { diagnostic } from '../../../diagnostics/collector.js';
import type { JsonValue } from '../../../ir/types.js';
import type { Block, Page, TableBlock } from '../../page/model.js';
import type { PageVocabulary } from '../../page/vocabulary.js';
import { splitFusedHeader, type FusedHeader } from './fused-header.js';
import { splitFusedRow, startsRow, type RowContext } from './fused-row.js';
import { canonicalText } from './inline.js';
import { jsonEnd, sampleValuesByKey } from './json-block.js';
import { rebuildPipeTable } from './pipe-table.js';

/**
 * Text copied from a rendered reference page (three of the five seeds): the markup is gone, so
 * the structure is recognised from the page's words (the vocabulary): section titles on lines of
 * their own (`Method name`, `¶ Request parameters`), a table's header as its header texts run
 * together, each row as its cells run together (split in fused-row.ts), the sample result as a
 * JSON value, a data structure's name on the line above its table. The site's chrome before the
 * title (navigation, "Skip to content") is dropped.
 */
export function parseTextPage(file: string, text: string, vocabulary: PageVocabulary): Page {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).map(withoutChrome);
  const diagnostics: Diagnostic[] = [];
  const knownNames = structureNames(lines, vocabulary);
  const raw = groupLines(lines, vocabulary, knownNames, file, diagnostics);
  const samples = raw.flatMap((b): JsonValue[] => {
    if (b.kind !== 'code') return [];
    try {
      return [JSON.parse(b.text) as JsonValue];
    } catch {
      return [];
    }
  });
  const sampleValues = sampleValuesByKey(samples);
  const blocks: Block[] = [];
  for (const b of shapeIntro(raw, file, diagnostics)) {
    if (b.kind === 'fused-table') {
      const table = readFusedTable(b, { vocabulary, knownNames, sampleValues, roles: b.header.roles }, file, diagnostics);
      blocks.push(table);
    } else if (b.kind === 'paragraph') blocks.push({ kind: 'paragraph', text: canonicalText(b.lines.join('\n'), knownNames, '\n'), line: b.line });
    else if (b.kind === 'heading') blocks.push({ kind: 'heading', depth: b.depth, text: canonicalText(b.text, knownNames, '\n'), line: b.line, column: 1 });
    else blocks.push(b.kind === 'table' ? b.table : b);
  }
  const page: Page = { file, format: 'text', blocks };
  if (diagnostics.length > 0) page.diagnostics = diagnostics;
  return page;
}

/** Texts a site's theme adds to links and pages, which are not the page's own. */
const CHROME_IN_LINE = /\s*\(opens new window\)/g;
const CHROME_LINE = /^(?:skip to (?:main )?content|on this page|table of contents|edit(?: this page)?|last updated:?.*|update time:.*)$/i;
const withoutChrome = (line: string): string => line.replace(CHROME_IN_LINE, '').replace(/\s+$/, '');

/** The label a site shows above a code block (`json`), copied as a line of its own. */
const LANGUAGE_LABEL = /^(?:json5?|jsonc|js|javascript|ts|typescript|sh|bash|shell|text|txt|python|py|java|go|php|csharp|cs)$/i;
const MARKED_HEADING = /^(?:¶|#{1,6})\s+(\S.*)$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

type RawBlock =
  | { kind: 'heading'; text: string; line: number; depth: number; marked: boolean }
  | { kind: 'paragraph'; lines: string[]; line: number }
  | { kind: 'code'; lang: string; text: string; line: number }
  | { kind: 'table'; table: TableBlock; line: number }
  | { kind: 'fused-table'; header: FusedHeader; line: number; rows: { text: string; line: number }[] };

type FusedTable = Extract<RawBlock, { kind: 'fused-table' }>;

function tableHeader(line: string, vocabulary: PageVocabulary): FusedHeader | undefined {
  const h = splitFusedHeader(line, vocabulary);
  return h && h.cells.length >= 2 && h.roles[0] === 'name' && h.roles.includes('type') ? h : undefined;
}

function groupLines(lines: readonly string[], vocabulary: PageVocabulary, knownNames: ReadonlySet<string>, file: string, diagnostics: Diagnostic[]): RawBlock[] {
  const out: RawBlock[] = [];
  let para: { lines: string[]; line: number } | undefined;
  const flush = (): void => {
    if (para) out.push({ kind: 'paragraph', ...para });
    para = undefined;
  };
  const isHeadingLine = (t: string): boolean => MARKED_HEADING.test(t) || vocabulary.isSectionTitle(t);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') {
      flush();
      continue;
    }
    const marked = MARKED_HEADING.exec(t);
    if (marked || vocabulary.isSectionTitle(t)) {
      flush();
      const text = marked ? marked[1]!.trim() : t;
      out.push({ kind: 'heading', text, line: i + 1, depth: vocabulary.isSectionTitle(text) ? 2 : 0, marked: marked !== null });
      continue;
    }
    if (/^[{[]/.test(t)) {
      const end = jsonEnd(lines, i);
      if (end !== undefined) {
        // a language label on the line before belongs to the code block
        let lang = '';
        if (para && para.lines.length === 1 && LANGUAGE_LABEL.test(para.lines[0]!.trim())) {
          lang = para.lines[0]!.trim().toLowerCase();
          para = undefined;
        }
        flush();
        out.push({ kind: 'code', lang, text: lines.slice(i, end + 1).join('\n'), line: i + 1 });
        i = end;
        continue;
      }
    }
    if (t.startsWith('|') && (t.match(/\|/g) ?? []).length >= 4) {
      let j = i;
      while (j < lines.length && lines[j]!.trim() !== '') j++;
      const table = rebuildPipeTable(lines.slice(i, j), i + 1);
      if (table) {
        flush();
        diagnostics.push(diagnostic('text-table-rebuilt', `a markdown table copied with its rows on one line; its ${table.rows.length + (table.fused ? 1 : 0)} row(s) were split again`, { file, line: i + 1, column: 1 }));
        out.push({ kind: 'table', table, line: i + 1 });
        i = j - 1;
        continue;
      }
    }
    const header = tableHeader(t, vocabulary);
    if (header) {
      flush();
      const table: FusedTable = { kind: 'fused-table', header: { cells: [...header.cells], roles: [...header.roles] }, line: i + 1, rows: [] };
      let j = i + 1;
      // a header whose cells the site laid out as blocks continues on the next lines
      for (let more; j < lines.length && (more = splitFusedHeader(lines[j]!, vocabulary)); j++) {
        table.header.cells.push(...more.cells);
        table.header.roles.push(...more.roles);
      }
      const rowContext: RowContext = { roles: table.header.roles, vocabulary, knownNames, sampleValues: new Map() };
      for (; j < lines.length; j++) {
        const line = lines[j]!.trim();
        if (line === '' || isHeadingLine(line)) break;
        // a line right after the header is a row even when it does not read as one: it is then
        // reported as unreadable, rather than left to be taken for prose
        if (startsRow(line, rowContext) || table.rows.length === 0) table.rows.push({ text: line, line: j + 1 });
        else table.rows[table.rows.length - 1]!.text += `\n${line}`;
      }
      out.push(table);
      i = j - 1;
      continue;
    }
    if (!para) para = { lines: [], line: i + 1 };
    para.lines.push(lines[i]!.trim());
  }
  flush();
  return out;
}

/** The page's data structures: a name on the line above a table's header, a `¶ Name` heading, the response's `Type: Name`. */
function structureNames(lines: readonly string[], vocabulary: PageVocabulary): Set<string> {
  const names = new Set<string>();
  lines.forEach((l, i) => {
    const t = l.trim();
    const marked = MARKED_HEADING.exec(t)?.[1]?.trim();
    if (marked && IDENTIFIER.test(marked) && !vocabulary.isSectionTitle(marked)) names.add(marked);
    const type = /^(?:type|类型)\s*[:：]\s*([A-Za-z_][A-Za-z0-9_]*)$/i.exec(t);
    if (type) names.add(type[1]!);
    if (!IDENTIFIER.test(t)) return;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (j < lines.length && tableHeader(lines[j]!.trim(), vocabulary)) names.add(t);
  });
  return names;
}

/**
 * The part before the first section: the title, the notes and the description. The title is
 * the last marked heading (`¶ Title`), else the first line that is not chrome; what comes before
 * it is the site's. Copied text loses the quote marks of notes, so of the paragraphs after the
 * title the last is the description and the others are read as notes (`> `), as the published
 * pages quote their generated-by note. Later, a name on the line above a table heads a data
 * structure.
 */
function shapeIntro(raw: RawBlock[], file: string, diagnostics: Diagnostic[]): RawBlock[] {
  const firstSection = raw.findIndex((b) => b.kind === 'heading' && b.depth === 2);
  if (firstSection < 0) return raw;
  const intro = raw.slice(0, firstSection);
  const rest = raw.slice(firstSection).map((b, i, all): RawBlock => {
    if (b.kind === 'heading' && b.depth === 0) return { ...b, depth: 3 };
    const next = all[i + 1];
    if (b.kind === 'paragraph' && b.lines.length === 1 && IDENTIFIER.test(b.lines[0]!) && (next?.kind === 'fused-table' || next?.kind === 'table')) {
      return { kind: 'heading', text: b.lines[0]!, line: b.line, depth: 3, marked: false };
    }
    return b;
  });

  const lastMarked = intro.map((b) => b.kind === 'heading' && b.marked).lastIndexOf(true);
  let body: RawBlock[];
  let title: RawBlock | undefined;
  if (lastMarked >= 0) {
    const h = intro[lastMarked]!;
    title = { ...(h as Extract<RawBlock, { kind: 'heading' }>), depth: 1 };
    body = intro.slice(lastMarked + 1);
  } else {
    body = [];
    for (const b of intro) {
      if (title || b.kind !== 'paragraph') {
        body.push(b);
        continue;
      }
      const lines = b.lines.filter((l) => !CHROME_LINE.test(l));
      if (lines.length === 0) continue;
      title = { kind: 'heading', text: lines[0]!, line: b.line + b.lines.indexOf(lines[0]!), depth: 1, marked: false };
      if (lines.length > 1) body.push({ kind: 'paragraph', lines: lines.slice(1), line: b.line + b.lines.indexOf(lines[1]!) });
    }
  }
  const paragraphs = body.filter((b): b is Extract<RawBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const notes = new Set<RawBlock>(paragraphs.slice(0, -1));
  if (notes.size > 0) {
    diagnostics.push(diagnostic('text-intro-notes', `${notes.size} paragraph(s) between the title and the description read as notes, not as the description`, { file, line: paragraphs[0]!.line, column: 1 }));
  }
  const shaped = body.map((b) => (notes.has(b) && b.kind === 'paragraph' ? { ...b, lines: b.lines.map((l) => `> ${l}`) } : b));
  return [...(title ? [title] : []), ...shaped, ...rest];
}

function readFusedTable(t: FusedTable, ctx: RowContext, file: string, diagnostics: Diagnostic[]): TableBlock {
  const columns = t.header.cells.map(() => 1);
  const table: TableBlock = { kind: 'table', header: { cells: t.header.cells, columns, line: t.line, leadingPipe: true }, rows: [], line: t.line };
  for (const row of t.rows) {
    const split = splitFusedRow(row.text, ctx);
    const shown = row.text.length > 60 ? `${row.text.slice(0, 57)}…` : row.text;
    if (!split) {
      diagnostics.push(diagnostic('text-row-unreadable', `"${shown.replace(/\n/g, ' ')}" cannot be split into the columns ${t.header.cells.join(', ')}; the row is dropped`, { file, line: row.line, column: 1 }));
      continue;
    }
    if (split.rival) {
      const differ = t.header.cells
        .map((h, i) => (split.best.cells[i] === split.rival!.cells[i] ? undefined : `${h} "${brief(split.best.cells[i]!)}" (or "${brief(split.rival!.cells[i]!)}")`))
        .filter((x) => x !== undefined);
      diagnostics.push(diagnostic('text-row-ambiguous', `row "${brief(row.text)}": read with ${differ.join(', ')}`, { file, line: row.line, column: 1 }));
    }
    table.rows.push({ cells: split.best.cells.map((c) => canonicalText(c, ctx.knownNames, '<br>')), columns, line: row.line, leadingPipe: true });
  }
  return table;
}

const brief = (s: string): string => {
  const one = s.replace(/\n/g, ' ');
  return one.length > 40 ? `${one.slice(0, 18)}…${one.slice(-18)}` : one;
};
