import { describeType } from '../../ir/describe.js';
import type { EnumValue, Field, SourceLocation, TypeRef } from '../../ir/types.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import { diagnostic } from '../../diagnostics/collector.js';
import type { TableBlock, TableRow } from '../page/model.js';
import { cellMarkdown, cellPlain } from '../page/inline.js';
import { alignCells } from './cell-kinds.js';
import { columnKey, mapColumns, type ColumnKey } from './headers.js';
import { readProseEnum } from './prose-enum.js';
import { readTypeCell } from './type-column.js';
import { readRequired, readTypedValue } from './values.js';
import { MAX_NESTING } from '../../ir/values.js';

export interface TableContext {
  file: string;
  /** Names of data structures known on this page (bare names in the Type column resolve to them). */
  knownNames: ReadonlySet<string>;
  /** Resolves a named type for typing default and sample values (page-local). */
  resolve: (name: string) => TypeRef | undefined;
  /** Sample code of the page: used to recover a parameter name lost in a fused row. */
  sampleCode?: string;
  diagnostics: Diagnostic[];
  /**
   * Collects the array fields whose item type is not stated, for the page to type them
   * (array-items.ts); without it they are reported here.
   */
  untypedArrays?: UntypedArray[];
}

/** An array field without an item type, as read: `field.type` is an array of unknown. */
export interface UntypedArray {
  field: Field;
  location: SourceLocation;
}

export interface FieldTable {
  fields: Field[];
  /** Names of fields rebuilt from a damaged row: some of their facts are guesses. */
  partial: string[];
  /** Rows whose Type cell says `enum`: the table describes an enum's values. */
  enumRows: number;
  /** Rows lost with their name (a fused first row whose name survived nowhere). */
  lost: number;
}

function report(ctx: TableContext, code: DiagnosticCode, message: string, location: SourceLocation): void {
  ctx.diagnostics.push(diagnostic(code, message, location));
}

/** Reads a parameter or field table (Name | Type | Required | Default | Description | Sample). */
export function readFieldTable(table: TableBlock, pageCtx: TableContext): FieldTable {
  // a table pulled in by an include is located in its own file (page/model.ts, FromFile)
  const ctx: TableContext = table.file ? { ...pageCtx, file: table.file } : pageCtx;
  const { index, unknown } = mapColumns(table.header.cells);
  const width = table.header.cells.length;
  const at = (line: number, column: number, file = ctx.file): SourceLocation => ({ file, line, column });
  for (const u of unknown) {
    report(ctx, 'md-table-unknown-column', `unknown column "${cellPlain(table.header.cells[u]!)}" is ignored`, at(table.line, table.header.columns[u] ?? 1));
  }
  const result: FieldTable = { fields: [], partial: [], enumRows: 0, lost: 0 };
  if (index.name === undefined || index.type === undefined) {
    report(ctx, 'md-table-missing-column', `table has no ${index.name === undefined ? 'Name' : 'Type'} column; its rows are skipped`, at(table.line, 1));
    return result;
  }

  const rows: { row: TableRow; partial: boolean }[] = [];
  if (table.fused) {
    const recovered = recoverFusedRow(table, index, ctx);
    if (recovered) rows.push({ row: recovered, partial: true });
    else result.lost++;
  }
  for (const row of joinContinuedRows([...table.rows, ...(table.continuation ?? [])], ctx)) rows.push({ row: fitRow(row, table.header, index, ctx), partial: false });

  const seen = new Set<string>();
  /** Arrays whose item type is not stated, unless their description lists the item values. */
  const unknownItems = new Map<string, SourceLocation>();
  for (const { row, partial } of rows) {
    const cell = (key: ColumnKey): string => {
      const i = index[key];
      return i === undefined ? '' : (row.cells[i] ?? '');
    };
    const column = (key: ColumnKey): number => {
      const i = index[key];
      return (i === undefined ? undefined : row.columns[i]) ?? 1;
    };
    const name = cellPlain(cell('name'));
    if (name === '') {
      if (row.cells.some((c) => c.trim() !== '')) report(ctx, 'md-row-without-name', 'row has no name and is skipped', at(row.line, 1));
      continue;
    }
    if (seen.has(name)) {
      report(ctx, 'md-duplicate-field', `"${name}" is listed twice; the first row is kept`, at(row.line, column('name')));
      continue;
    }
    seen.add(name);
    const source = at(row.line, column('name'), row.file ?? ctx.file);
    const descriptionRaw = cell('description');
    const description = cellMarkdown(descriptionRaw);

    let type: TypeRef;
    const reading = readTypeCell(cell('type'), descriptionRaw, ctx.knownNames);
    if (reading.ok) {
      type = reading.type;
      if (reading.declaredEnum) result.enumRows++;
      if (reading.arrayWithoutItems) unknownItems.set(name, at(row.line, column('type')));
    } else {
      if (!partial) report(ctx, 'md-unknown-type', `type "${reading.text}" of "${name}" is not understood; read as unknown`, at(row.line, column('type')));
      type = { kind: 'unknown' };
    }

    const listed = enumFromProse(type, description, name, at(row.line, column('description')), ctx);
    if (listed) {
      type = listed;
      if (reading.ok && reading.arrayWithoutItems) unknownItems.delete(name);
    }

    const field: Field = { name, type, required: false, source };
    const req = index.required === undefined ? false : readRequired(cell('required'));
    if (req === undefined) {
      report(ctx, 'md-bad-required', `required flag "${cellPlain(cell('required'))}" of "${name}" is not yes/no; read as no`, at(row.line, column('required')));
    } else field.required = req;
    if (description) field.description = description;

    if (index.default !== undefined) {
      const d = readTypedValue(cell('default'), type, ctx.resolve);
      if (d.ok === 'too-deep') report(ctx, 'input-too-deep', `the default of "${name}" nests arrays or objects more than ${MAX_NESTING} levels deep; it is left out`, at(row.line, column('default')));
      else if (d.ok === true) field.default = d.value;
      else if (d.ok === false) {
        report(ctx, 'md-bad-default', `default "${d.text}" of "${name}" does not fit its type ${describeType(type)}; kept as text`, at(row.line, column('default')));
        field.default = d.text;
      }
    }
    if (index.example !== undefined) {
      const e = readTypedValue(cell('example'), type, ctx.resolve);
      if (e.ok === 'too-deep') report(ctx, 'input-too-deep', `the sample of "${name}" nests arrays or objects more than ${MAX_NESTING} levels deep; it is left out`, at(row.line, column('example')));
      else if (e.ok === true) field.example = e.value;
      else if (e.ok === false) {
        report(ctx, 'md-bad-sample', `sample "${e.text}" of "${name}" does not fit its type ${describeType(type)}; kept as text`, at(row.line, column('example')));
        field.example = e.text;
      }
    }
    result.fields.push(field);
    if (partial) result.partial.push(name);
  }
  for (const [name, location] of unknownItems) {
    const field = result.fields.find((f) => f.name === name);
    if (field && ctx.untypedArrays) ctx.untypedArrays.push({ field, location });
    else report(ctx, 'md-array-item-type-unknown', `"${name}" is an array whose item type is not stated`, location);
  }
  return result;
}

/**
 * The enum a description lists (prose-enum.ts) for a string or number field, or for the items
 * of a list field: `- `CONFIRM`: …` lines are the value set unless they are examples, a
 * combination or a single value, which are reported (md-prose-enum-unsure) and left as text.
 */
function enumFromProse(type: TypeRef, description: string, name: string, location: SourceLocation, ctx: TableContext): TypeRef | undefined {
  const scalar = (t: TypeRef): boolean => t.kind === 'string' || t.kind === 'number' || t.kind === 'integer';
  const list = type.kind === 'array' && (scalar(type.items) || type.items.kind === 'unknown');
  if (!scalar(type) && !list) return undefined;
  const read = readProseEnum(description, { multiple: list });
  if (!read) return undefined;
  const shown = read.values.map((v) => v.value).join(', ');
  if (!read.whole) {
    report(ctx, 'md-prose-enum-unsure', `"${name}" lists ${shown} in its description, not read as its value set: ${read.why}`, location);
    return undefined;
  }
  const target = type.kind === 'array' ? type.items : type;
  const numeric = read.values.every((v) => v.value.trim() !== '' && Number.isFinite(Number(v.value)));
  const base = target.kind === 'number' || target.kind === 'integer' ? target.kind : target.kind === 'unknown' && numeric ? 'number' : 'string';
  const values: EnumValue[] = [];
  for (const v of read.values) {
    const value = base === 'string' ? v.value : Number(v.value);
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    const ev: EnumValue = { value, source: location };
    if (v.description) ev.description = v.description;
    values.push(ev);
  }
  if (values.length < (read.via === 'list' ? 1 : 2)) return undefined;
  const enumType: TypeRef = { kind: 'enum', base, values };
  return type.kind === 'array' ? { kind: 'array', items: enumType } : enumType;
}

/**
 * Lines without a leading `|` that follow a row are the rest of that row's last cell, broken
 * over lines (a multi-line code sample in a Sample value cell). GFM shows each line as a row of
 * its own; the data is one row, so the lines are joined back with line breaks.
 */
function joinContinuedRows(rows: readonly TableRow[], ctx: TableContext): TableRow[] {
  const out: TableRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let j = i + 1;
    while (j < rows.length && !rows[j]!.leadingPipe) j++;
    if (j === i + 1 || !row.leadingPipe) {
      out.push(row);
      continue;
    }
    const cells = [...row.cells];
    const tail = rows.slice(i + 1, j).map((r) => r.cells.join(' | ')).join('\n');
    const last = cells.length - 1;
    cells[last] = `${cells[last] ?? ''}\n${tail}`;
    report(ctx, 'md-table-row-continued', `row continues over ${j - i - 1} more line(s) without a leading "|"; joined into one row`, { file: ctx.file, line: row.line, column: 1 });
    // the closing `... |` line leaves an empty trailing cell; drop it so the count fits again
    out.push({ ...row, cells });
    i = j - 1;
  }
  return out;
}

/**
 * A row whose cell count differs from the header's.
 * Too few (a cell was left out): the cells are put back under the columns where they fit best
 * (cell-kinds.ts: a type, a yes/no flag, a `-` default, prose, a sample in backticks), and the
 * diagnostic says which columns were found empty. When the cells cannot be placed with
 * confidence, the row is an error and only the cells whose column is certain are kept.
 * Too many (an unescaped `|` in the description): the surplus cells are joined back into the
 * description, keeping the cells after it aligned to the right.
 */
function fitRow(row: TableRow, header: TableRow, index: Partial<Record<ColumnKey, number>>, ctx: TableContext): TableRow {
  const width = header.cells.length;
  const n = row.cells.length;
  if (n === width || n === 0) return row;
  const loc = { file: ctx.file, line: row.line, column: row.columns[0] ?? 1 };
  if (n < width) return realignRow(row, header, ctx, loc);
  const d = index.description;
  if (d === undefined) {
    report(ctx, 'md-table-cell-count', `row has ${n} cells, the header ${width}; the surplus cells are ignored`, loc);
    return { ...row, cells: row.cells.slice(0, width), columns: row.columns.slice(0, width) };
  }
  const after = width - d - 1;
  const joined = row.cells.slice(d, n - after).join(' | ');
  report(
    ctx,
    'md-table-cell-count',
    `row has ${n} cells, the header ${width}; recovered by reading cells ${d + 1}-${n - after} as one Description (an unescaped "|")`,
    loc,
  );
  return {
    ...row,
    cells: [...row.cells.slice(0, d), joined, ...row.cells.slice(n - after)],
    columns: [...row.columns.slice(0, d), row.columns[d]!, ...row.columns.slice(n - after)],
  };
}

function realignRow(row: TableRow, header: TableRow, ctx: TableContext, loc: SourceLocation): TableRow {
  const width = header.cells.length;
  const n = row.cells.length;
  const keys = header.cells.map(columnKey);
  const title = (col: number): string => cellPlain(header.cells[col]!) || `column ${col + 1}`;
  const aligned = alignCells(row.cells, keys, ctx.knownNames);
  const cells = Array<string>(width).fill('');
  const columns = Array<number>(width).fill(row.columns[n - 1] ?? 1);
  aligned.slots.forEach((col, i) => {
    if (col === undefined) return;
    cells[col] = row.cells[i]!;
    columns[col] = row.columns[i] ?? 1;
  });
  const filled = new Set(aligned.slots.filter((c): c is number => c !== undefined));
  const empty = header.cells.map((_, col) => col).filter((col) => !filled.has(col)).map(title);
  if (aligned.ok) {
    const read = aligned.slots.map((col, i) => (row.cells[i]!.trim() === '' ? undefined : title(col!))).filter((t) => t !== undefined);
    report(ctx, 'md-table-cell-count', `row has ${n} cells, the header ${width}; read as ${read.join(', ')}; no cell for ${empty.join(', ')}`, loc);
  } else if (aligned.slots.every((c) => c === undefined)) {
    report(ctx, 'md-table-row-unaligned', `row has ${n} cells, the header ${width}, and its cells fit the header's columns in no order; the row is dropped`, loc);
    return { ...row, cells: Array<string>(width).fill(''), columns };
  } else {
    const lost = row.cells.filter((c, i) => aligned.slots[i] === undefined && c.trim() !== '').map((c) => `"${cellPlain(c)}"`);
    report(
      ctx,
      'md-table-row-unaligned',
      `row has ${n} cells, the header ${width}, and the cells do not tell which column is missing: ${lost.join(', ') || 'the row'} could go under several columns, so ${lost.length === 1 ? 'it is' : 'they are'} dropped; ${empty.join(', ')} read as empty`,
      loc,
    );
  }
  return { ...row, cells, columns };
}

/**
 * The first body row fused into the delimiter row (seed 002). The cells after the delimiters
 * are the row's last cells; when the Name cell was lost with the truncation, the name is looked
 * up in the page's sample code by the recovered sample value.
 */
function recoverFusedRow(table: TableBlock, index: Partial<Record<ColumnKey, number>>, ctx: TableContext): TableRow | undefined {
  const fused = table.fused!;
  const width = table.header.cells.length;
  const first = Math.max(0, width - fused.cells.length);
  const cells = Array<string>(width).fill('');
  const columns = Array<number>(width).fill(fused.columns[0] ?? 1);
  fused.cells.slice(-width).forEach((c, j) => {
    cells[first + j] = c;
    columns[first + j] = fused.columns[fused.cells.length - Math.min(width, fused.cells.length) + j] ?? 1;
  });
  const recoveredHeaders = table.header.cells.slice(first).map(cellPlain);
  const loc = { file: ctx.file, line: fused.line, column: fused.columns[0] ?? 1 };
  const lostWhat = fused.truncated ? ' (the text was truncated with "...")' : '';

  const nameIdx = index.name!;
  if (nameIdx >= first && cells[nameIdx] !== '') {
    report(ctx, 'md-table-fused-row', `the first row is fused into the delimiter row${lostWhat}; recovered its cells ${recoveredHeaders.join(', ')}`, loc);
    return { cells, columns, line: fused.line, leadingPipe: true };
  }
  const sampleIdx = index.example;
  const sample = sampleIdx !== undefined && sampleIdx >= first ? cellPlain(cells[sampleIdx]!) : '';
  const name = sample && ctx.sampleCode ? nameBySampleValue(ctx.sampleCode, sample) : undefined;
  if (!name) {
    report(
      ctx,
      'md-table-fused-row',
      `the first row is fused into the delimiter row${lostWhat}; only ${recoveredHeaders.join(', ') || 'nothing'} survived and the row's name is lost, so the row is dropped`,
      loc,
    );
    return undefined;
  }
  cells[nameIdx] = name;
  if (index.type !== undefined && cells[index.type] === '') cells[index.type] = guessType(ctx.sampleCode!, name);
  report(
    ctx,
    'md-table-fused-row',
    `the first row is fused into the delimiter row${lostWhat}; recovered ${recoveredHeaders.join(', ')} and the name "${name}" from the sample code; its type is inferred from the sample and its required flag, default and description are lost`,
    loc,
  );
  return { cells, columns, line: fused.line, leadingPipe: true };
}

/** `userId: "6229..."` / `user_id="6229..."` / `.setUserId("6229...")` in sample code → userId. */
function nameBySampleValue(code: string, value: string): string | undefined {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`([A-Za-z_][A-Za-z0-9_]*)["']?\\s*[:=]\\s*["']${escaped}["']`).exec(code);
  return m?.[1];
}

function guessType(code: string, name: string): string {
  const m = new RegExp(`${name}["']?\\s*[:=]\\s*(["'0-9tf\\[{])`).exec(code);
  const c = m?.[1];
  if (c === '"' || c === "'") return 'string';
  if (c === 't' || c === 'f') return 'boolean';
  if (c === '[') return 'array';
  if (c === '{') return 'object';
  if (c !== undefined) return 'number';
  return 'string';
}
