import { anchorTargets, cellPlain, stripInvisible } from '../page/inline.js';
import type { ColumnKey } from './headers.js';
import { TYPE_WORDS } from './type-column.js';
import { readRequired } from './values.js';

/**
 * What a field-table cell can hold, judged from its text alone: used to put the cells of a row
 * that lost (or fused) a cell back under the right columns.
 *
 * API (small on purpose, shared with other readers of damaged tables):
 * - `cellKind(raw, knownTypes?)`: the kind of one cell's inline markdown;
 * - `columnFit(kind, column)`: how well that kind fits a column (0 never, 1 possible, 2 typical);
 * - `alignCells(cells, columns, knownTypes?)`: places fewer cells than columns, in order, where
 *   they fit best, or says which cells it cannot place.
 */
export type CellKind =
  /** nothing in the cell */
  | 'empty'
  /** a type of the known vocabulary (`string`, `number[]`, `array`, `enum`) or a DTO name or link */
  | 'type'
  /** a required flag: Yes/No, 是/否, required/optional */
  | 'flag'
  /** `-`: no default */
  | 'dash'
  /** a sample in backticks (the cell starts with a code span) */
  | 'code'
  /** a bare number or boolean (`10`, `true`) */
  | 'literal'
  /** one bare token without spaces (`userId`, `user_id`, `zh-CN`) */
  | 'identifier'
  /** anything else: words, sentences, CJK text */
  | 'prose';

/** Type words a Type cell holds (type-column.ts reads them; `[]` suffixes allowed). */
const TYPES = new Set(TYPE_WORDS);

/** PascalCase with at least two humps (`ValueType`, `CreateUserReqDto`): a DTO's name, not a word. */
const DTO_NAME = /^[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+$|^[A-Z][A-Za-z0-9]*Dto$/;

export function cellKind(raw: string, knownTypes: ReadonlySet<string> = new Set()): CellKind {
  const trimmed = stripInvisible(raw).trim();
  if (trimmed === '') return 'empty';
  if (anchorTargets(trimmed).length > 0 && /^<a\s/i.test(trimmed)) return 'type';
  if (trimmed.startsWith('`')) return 'code';
  const text = cellPlain(trimmed);
  if (text === '') return 'empty';
  if (text === '-' || text === '—') return 'dash';
  const bare = text.replace(/(\[\])+$/, '');
  if (TYPES.has(bare.toLowerCase()) || knownTypes.has(bare) || DTO_NAME.test(bare)) return 'type';
  if (readRequired(text) !== undefined) return 'flag';
  if (/^-?\d+(\.\d+)?$/.test(text) || text === 'true' || text === 'false') return 'literal';
  if (/^[\p{L}\p{N}_.:/@-]+$/u.test(text) && !/[\u3000-\u9fff\uff00-\uffef]/.test(text)) return 'identifier';
  return 'prose';
}

type Fit = 0 | 1 | 2;

/** Rows: kinds; columns: what each column typically holds (2), may hold (1), never holds (0). */
const FIT: Record<CellKind, Record<ColumnKey, Fit>> = {
  empty: { name: 0, type: 0, required: 1, default: 1, description: 1, example: 1 },
  type: { name: 1, type: 2, required: 0, default: 0, description: 1, example: 1 },
  flag: { name: 0, type: 0, required: 2, default: 1, description: 1, example: 1 },
  dash: { name: 0, type: 0, required: 1, default: 2, description: 1, example: 1 },
  code: { name: 1, type: 0, required: 0, default: 1, description: 1, example: 2 },
  literal: { name: 0, type: 0, required: 0, default: 2, description: 1, example: 2 },
  identifier: { name: 2, type: 1, required: 0, default: 1, description: 1, example: 1 },
  prose: { name: 0, type: 0, required: 0, default: 1, description: 2, example: 1 },
};

/** How well a cell of `kind` fits `column`; a column of unknown meaning takes anything (1). */
export function columnFit(kind: CellKind, column: ColumnKey | undefined): Fit {
  return column === undefined ? 1 : FIT[kind][column];
}

export type Alignment =
  /** `slots[i]`: the column index cell i goes to. */
  | { ok: true; slots: number[] }
  /**
   * No single best placement: `slots[i]` is the column every best placement agrees on, or
   * undefined for a cell that cannot be placed with confidence.
   */
  | { ok: false; slots: (number | undefined)[] };

/**
 * Places `cells` (fewer than `columns`, in order) under the columns where they fit best: every
 * order-keeping choice of the missing columns is scored by the sum of `columnFit`, and a
 * placement with a cell in a column it can never hold (fit 0) is ruled out. The best placement
 * wins when it is the only one, or when the tied ones differ only in where empty cells go. Among
 * tied placements, the one a markdown renderer shows (cells in order, the missing ones last)
 * wins, since nothing on the row contradicts what the reader of the page sees.
 */
export function alignCells(cells: readonly string[], columns: readonly (ColumnKey | undefined)[], knownTypes?: ReadonlySet<string>): Alignment {
  const kinds = cells.map((c) => cellKind(c, knownTypes));
  const best: number[][] = [];
  let bestScore = -1;
  const slots: number[] = [];
  // depth-first over increasing column indexes; tables have a handful of columns
  const walk = (cell: number, from: number, score: number): void => {
    if (cell === kinds.length) {
      if (score > bestScore) {
        bestScore = score;
        best.length = 0;
      }
      if (score === bestScore) best.push([...slots]);
      return;
    }
    const last = columns.length - (kinds.length - cell);
    for (let col = from; col <= last; col++) {
      const fit = columnFit(kinds[cell]!, columns[col]);
      if (fit === 0) continue;
      slots[cell] = col;
      walk(cell + 1, col + 1, score + fit);
    }
  };
  walk(0, 0, 0);
  if (best.length === 0) return { ok: false, slots: kinds.map(() => undefined) };
  const asRendered = best.find((b) => b.every((col, i) => col === i));
  if (asRendered) return { ok: true, slots: asRendered };
  const agreed = kinds.map((_, i) => (best.every((b) => b[i] === best[0]![i]) ? best[0]![i] : undefined));
  const settled = kinds.every((k, i) => k === 'empty' || agreed[i] !== undefined);
  return settled ? { ok: true, slots: best[0]! } : { ok: false, slots: agreed };
}
