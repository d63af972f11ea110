import type { ColumnRole, PageVocabulary } from '../../page/vocabulary.js';
import { anchorLink, remnantTarget } from './inline.js';

/**
 * A table row copied from a rendered page: its cells run together with nothing between them
 * (`userIdstringYes-The unique identifier … user id.6229ffaxxxxxxxxcade3e3d9`). The cells are
 * recovered from what each column can hold (the vocabulary's `canHold`: an identifier, a type
 * word or data structure, a yes/no word, a value of the row's type, prose) and from where the
 * text shows a seam: two cells glued together leave marks that prose does not have (a lower-case
 * letter before a capital, an acronym before a capitalised word, a letter before a digit, a
 * sentence's full stop before a value, a line start). The page's own sample result, which gives
 * the values of the response's fields, confirms a Sample value cell.
 *
 * Every split that fits the columns is scored; the best one is used. When another split scores
 * within MARGIN of it, the row is ambiguous: the caller reports both readings.
 */

export interface RowContext {
  roles: readonly (ColumnRole | undefined)[];
  vocabulary: PageVocabulary;
  knownNames: ReadonlySet<string>;
  /** Values the page's JSON samples give a key, as text. */
  sampleValues: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface RowReading {
  /** The cells, as text (link remnants already turned into links in the Type cell). */
  cells: string[];
  score: number;
}

export interface RowSplit {
  best: RowReading;
  /** Another reading that scores nearly as well: the row is ambiguous. */
  rival?: RowReading;
}

/** Score difference under which two readings are told apart only by a guess. */
export const MARGIN = 2;

const IDENT_START = /[A-Za-z_$]/;
const IDENT_CHAR = /[\w$.\-[\]]/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
const SENTENCE_END = /[.。,，;；:：!?！？)）\]】」"'”]/;

const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => isUpper(c) || isLower(c);
const isWord = (c: string): boolean => isLetter(c) || isDigit(c) || c === '_';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n';

/** An acronym glued to a capitalised word (`IDAuthentication`): the seam is before its last capital. */
function acronymSeam(text: string, q: number): boolean {
  return q >= 2 && isUpper(text[q - 2]!) && isUpper(text[q - 1]!) && isUpper(text[q]!) && isLower(text[q + 1] ?? '');
}

/**
 * How much a cut at `q` (the next cell starts at q) looks like a seam between two cells;
 * undefined when no cell can start or end there (white space at either side).
 */
export function seamScore(text: string, q: number): number | undefined {
  if (q >= text.length) return 0;
  const a = text[q - 1]!;
  const b = text[q]!;
  if (isSpace(b)) return undefined;
  if (a === '\n') return 3;
  if (isSpace(a)) return undefined;
  // a full stop or comma ends the text before it: a cell does not start with one
  if (SENTENCE_END.test(b)) return -2;
  if (CJK.test(a) !== CJK.test(b)) return 2;
  if (isLower(a) && isUpper(b)) return 2;
  if (acronymSeam(text, q)) return 2;
  if (SENTENCE_END.test(a) && (isWord(b) || CJK.test(b))) return 2;
  if ((isLetter(a) && isDigit(b)) || (isDigit(a) && isLetter(b))) return 1;
  if (isWord(a) !== isWord(b)) return 1;
  // inside a word (`Optional p|arameters`, `user|_id`, `IDA|uth`): no mark of a seam at all
  return -2;
}

interface Candidate {
  end: number;
  /** The cell's text when it differs from the span (a link remnant made a link). */
  cell?: string;
  score: number;
}

/** A reading as spans of the row's text, materialised for the best readings only. */
interface Spans {
  cells: { start: number; end: number; cell?: string }[];
  score: number;
}

/** More readings than this (a pathological row) are not looked at. */
const MAX_READINGS = 200_000;
/** How many of the best readings are kept to look for a rival. */
const TOP = 16;
/** The longest the cells after a Description (a sample value) are taken to be. */
const MAX_TAIL = 512;

export function splitFusedRow(text: string, ctx: RowContext): RowSplit | undefined {
  const glue = acronymPrefix(text);
  // the best readings only, best first: the winner and its closest rivals
  const readings: Spans[] = [];
  let seen = 0;
  const keep = (r: Spans): void => {
    seen++;
    if (readings.length === TOP && r.score <= readings[TOP - 1]!.score) return;
    let i = readings.length;
    while (i > 0 && readings[i - 1]!.score < r.score) i--;
    readings.splice(i, 0, r);
    if (readings.length > TOP) readings.pop();
  };
  const n = ctx.roles.length;
  const cellsOf = (spans: Spans['cells']): string[] => spans.map((c) => c.cell ?? text.slice(c.start, c.end).trim());
  const typeIndex = ctx.roles.indexOf('type');
  const nameIndex = ctx.roles.indexOf('name');
  /** The row's name and type, as far as they are read (all a later cell depends on). */
  const known = (spans: Spans['cells']): RowSoFar => {
    const at = (i: number): string | undefined => {
      const c = i >= 0 ? spans[i] : undefined;
      return c ? (c.cell ?? text.slice(c.start, c.end).trim()) : undefined;
    };
    return { name: at(nameIndex), type: at(typeIndex) };
  };
  // the last cell's score depends only on where it starts and on the row's name and type
  const lastScores = new Map<string, number | undefined>();
  const walk = (k: number, p: number, spans: Spans['cells'], score: number): void => {
    if (seen >= MAX_READINGS) return;
    const row = known(spans);
    if (k === n - 1) {
      const key = `${p}\u0000${row.type}\u0000${row.name}`;
      if (!lastScores.has(key)) lastScores.set(key, lastCell(text, p, row, ctx, glue));
      const last = lastScores.get(key);
      if (last !== undefined) keep({ cells: [...spans, { start: p, end: text.length }], score: score + last });
      return;
    }
    for (const c of candidates(text, p, k, row, ctx, glue)) {
      // an empty cell adds no seam of its own
      const seam = c.end === p || c.end >= text.length ? 0 : seamScore(text, c.end);
      if (seam === undefined) continue;
      walk(k + 1, c.end, [...spans, c.cell === undefined ? { start: p, end: c.end } : { start: p, end: c.end, cell: c.cell }], score + c.score + seam);
    }
  };
  walk(0, 0, [], 0);
  if (readings.length === 0) return undefined;
  const best = { cells: cellsOf(readings[0]!.cells), score: readings[0]!.score };
  const key = best.cells.join('\u0000');
  for (const r of readings.slice(1)) {
    if (best.score - r.score >= MARGIN) break;
    const cells = cellsOf(r.cells);
    if (cells.join('\u0000') !== key) return { best, rival: { cells, score: r.score } };
  }
  return { best };
}

/**
 * Whether a line begins a new row (its first two cells read, and the Required word after them
 * when that column comes next), rather than continuing the last row's prose.
 */
export function startsRow(line: string, ctx: RowContext): boolean {
  if (ctx.roles.length < 2) return line.trim() !== '';
  const glue = acronymPrefix(line);
  const nameAt = ctx.roles.indexOf('name');
  const typeAt = ctx.roles.indexOf('type');
  const so = (k: number, cell: string, row: RowSoFar): RowSoFar => (k === nameAt ? { ...row, name: cell } : k === typeAt ? { ...row, type: cell } : row);
  for (const first of candidates(line, 0, 0, {}, ctx, glue)) {
    if (first.end === 0 || seamScore(line, first.end) === undefined) continue;
    const row1 = so(0, first.cell ?? line.slice(0, first.end), {});
    for (const second of candidates(line, first.end, 1, row1, ctx, glue)) {
      if (second.end === first.end || (second.end < line.length && seamScore(line, second.end) === undefined)) continue;
      const row2 = so(1, second.cell ?? line.slice(first.end, second.end), row1);
      if (ctx.roles[2] === 'required' && !candidates(line, second.end, 2, row2, ctx, glue).some((c) => c.end > second.end)) continue;
      return true;
    }
  }
  return false;
}

/** glue[i]: how many acronym seams lie before position i. */
function acronymPrefix(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  for (let q = 0; q < text.length; q++) out[q + 1] = out[q]! + (acronymSeam(text, q) ? 1 : 0);
  return out;
}

/** The cells a later cell's reading depends on: the row's name (for its samples) and type (for its values). */
interface RowSoFar {
  name?: string | undefined;
  type?: string | undefined;
}

function candidates(text: string, p: number, k: number, row: RowSoFar, ctx: RowContext, glue: Int32Array): Candidate[] {
  const role = ctx.roles[k];
  const out: Candidate[] = [];
  const can = (r: ColumnRole, cell: string): boolean => ctx.vocabulary.canHold(r, cell, { typeText: row.type, knownNames: ctx.knownNames });
  switch (role) {
    case 'name': {
      if (!IDENT_START.test(text[p] ?? '')) return [];
      let e = p + 1;
      while (e < text.length && e - p < 128 && IDENT_CHAR.test(text[e]!)) e++;
      for (let end = p + 1; end <= e; end++) if (can('name', text.slice(p, end))) out.push({ end, score: 0 });
      return out;
    }
    case 'type':
      return typeCandidates(text, p, ctx);
    case 'required': {
      const lower = text.slice(p, p + 12).toLowerCase();
      for (const w of ctx.vocabulary.requiredWords) {
        if (w.length === 1 && !CJK.test(w)) continue;
        // a word of the column's vocabulary is evidence of the cell, even glued to the next one
        if (lower.startsWith(w)) out.push({ end: p + w.length, score: 2 });
      }
      out.push({ end: p, score: -2 });
      return out;
    }
    case 'default':
    case 'example': {
      if (text[p] === '-' || text[p] === '—') out.push({ end: p + 1, score: 1 });
      out.push({ end: p, score: 0 });
      for (let end = p + 1; end <= text.length && end - p <= 64 && !isSpace(text[end - 1]!); end++) {
        const cell = text.slice(p, end);
        if (cell === '-' || cell === '—') continue;
        if (can(role, cell)) out.push({ end, score: 0 });
      }
      return out;
    }
    default: {
      // prose (a Description, or a column the vocabulary does not know) ends at any seam; the
      // cells after it are values, so it ends at most MAX_TAIL characters before the row does
      const from = Math.max(p, text.length - MAX_TAIL);
      if (from > p) out.push({ end: p, score: proseScore(text, p, p, glue) });
      for (let end = from; end <= text.length; end++) {
        if (end > p && end < text.length && seamScore(text, end) === undefined) continue;
        out.push({ end, score: proseScore(text, p, end, glue) });
      }
      return out;
    }
  }
}

function typeCandidates(text: string, p: number, ctx: RowContext): Candidate[] {
  const out: Candidate[] = [];
  const arrays = (end: number, cell: string | undefined, score: number): void => {
    let e = end;
    out.push({ end: e, cell, score });
    while (text.startsWith('[]', e)) {
      e += 2;
      out.push({ end: e, cell: cell === undefined ? undefined : `${cell}[]`, score });
    }
  };
  if (text.startsWith('<a ', p)) {
    // a link remnant: the data structure's name runs into the next cell
    const q = p + 3;
    const known = remnantTarget(text.slice(q), ctx.knownNames);
    if (known && ctx.knownNames.has(known)) arrays(q + known.length, anchorLink(known), 2);
    let e = q;
    while (e < text.length && /[A-Za-z0-9_]/.test(text[e]!)) e++;
    for (let end = q + 1; end <= e; end++) {
      const name = text.slice(q, end);
      if (name === known || !/^[A-Za-z_]/.test(name)) continue;
      arrays(end, anchorLink(name), 0);
    }
    return out;
  }
  const lower = text.slice(p, p + 16).toLowerCase();
  const words = ctx.vocabulary.typeWords.filter((w) => lower.startsWith(w));
  const longest = Math.max(0, ...words.map((w) => w.length));
  // `str` is a type word too, but `string…` reads as string: the longest word wins
  for (const w of words) arrays(p + w.length, undefined, w.length === longest ? 0 : -2);
  for (const name of ctx.knownNames) if (text.startsWith(name, p)) arrays(p + name.length, undefined, 2);
  return out;
}

/** Prose ends in a word or a sentence mark; a last token mixing letters and digits ("id.6229ff") is a value glued on. */
function proseScore(text: string, start: number, end: number, glue: Int32Array): number {
  let e = end;
  while (e > start && isSpace(text[e - 1]!)) e--;
  if (e === start) return -1;
  let b = e;
  while (b > start && e - b < 64 && !isSpace(text[b - 1]!)) b--;
  const last = text.slice(b, e);
  // `lark:ou_8bae…ac61.` ends a sentence; `id.6229ffa…3d9` is prose with a value glued on
  const score = /[A-Za-z]/.test(last) && /\d/.test(last) && !SENTENCE_END.test(last[last.length - 1]!) ? -1 : 1;
  // acronyms glued to a word left inside the prose are seams not cut
  return score - (glue[e - 1]! - glue[Math.min(start + 2, e - 1)]!);
}

/** The score of the last cell, which takes the rest of the text (undefined: it cannot hold it). */
function lastCell(text: string, p: number, row: RowSoFar, ctx: RowContext, glue: Int32Array): number | undefined {
  const role = ctx.roles[ctx.roles.length - 1];
  if (role === 'description' || role === undefined) return proseScore(text, p, text.length, glue);
  const cell = text.slice(p).trim();
  if (!ctx.vocabulary.canHold(role, cell, { typeText: row.type, knownNames: ctx.knownNames })) return undefined;
  if (role !== 'example' || cell === '') return 0;
  let score = 0;
  const known = ctx.sampleValues.get(row.name ?? '');
  const typeText = (row.type ?? '').toLowerCase();
  if (known?.has(cell)) score += 5;
  else if (known && [...known].some((v) => similar(v, cell))) score += 2;
  else {
    if (/\s/.test(cell)) score -= 2;
    if (cell.includes('\n')) score -= 3;
  }
  // a value the type constrains is itself evidence: `true` glued to a word (`is ontrue`) is a
  // boolean sample as `No` glued to a default is a required word; a number only where it starts
  // at a seam (`How many10`), never cut out of a longer number (`默认为 10`)
  if (/^(?:boolean|bool)$/.test(typeText)) score += 4;
  else if (/^(?:number|integer|int|long|float|double)$/.test(typeText) && (seamScore(text, p) ?? 0) > -2) score += 2;
  return score;
}

/** Two phrasings of one sample ("Authentication principal type, P stands for…" and "Certification subject type, P represents…"). */
function similar(a: string, b: string): boolean {
  const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared >= 3 && (2 * shared) / (x.size + y.size) >= 0.5;
}
