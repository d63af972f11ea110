import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../generator/cli.js';
import { bufferIO } from '../../../generator/commands/io.js';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { alignCells, cellKind } from '../../../generator/ingest/reader/cell-kinds.js';
import type { ColumnKey } from '../../../generator/ingest/reader/headers.js';
import type { Field } from '../../../generator/ir/types.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * A row with a missing cell is read with its cells under the columns they fit (cell-kinds.ts),
 * never shifted: tested by removing each cell in turn from a real page's row.
 */

const SIX: ColumnKey[] = ['name', 'type', 'required', 'default', 'description', 'example'];

describe('what a cell can hold', () => {
  it('tells types, flags, defaults, prose and samples apart', () => {
    expect(cellKind('string')).toBe('type');
    expect(cellKind('string[]')).toBe('type');
    expect(cellKind('<a href="#DnefConfig">DnefConfig</a>')).toBe('type');
    expect(cellKind('ValueType')).toBe('type');
    expect(cellKind('是')).toBe('flag');
    expect(cellKind('No')).toBe('flag');
    expect(cellKind('-')).toBe('dash');
    expect(cellKind('`developer`')).toBe('code');
    expect(cellKind('10')).toBe('literal');
    expect(cellKind('userIdType')).toBe('identifier');
    expect(cellKind('权限空间 code')).toBe('prose');
    expect(cellKind('Free-text note about the field')).toBe('prose');
    expect(cellKind('  ')).toBe('empty');
  });

  it('places the cells of the issue row: the note is the description and `hello` the sample', () => {
    const r = alignCells(['note', 'string', 'No', 'Free-text note about the field', '`hello`'], SIX);
    expect(r).toEqual({ ok: true, slots: [0, 1, 2, 4, 5] });
  });

  it('reads a row as rendered when nothing on it contradicts that', () => {
    expect(alignCells(['a', 'string', 'No', '-', 'desc'], SIX)).toEqual({ ok: true, slots: [0, 1, 2, 3, 4] });
  });

  it('cannot place a cell that fits no column left (a type after the required flag)', () => {
    const r = alignCells(['a', 'No', 'string'], SIX);
    expect(r.ok).toBe(false);
  });
});

/** The node page of createPost: | name | string | 是 | - | 分组名称 | `研发` | on line 24. */
const PAGE = 'node/management/管理岗位/create-post.md';
const ROW = '| name | string | 是 | - | 分组名称  | `研发` |';

function readWithRow(row: string): { field: Field | undefined; codes: string[]; messages: string[] } {
  const file = rel(join(CORPUS_ZH, PAGE));
  const text = readFileSync(join(ROOT, file), 'utf8');
  expect(text).toContain(ROW);
  const page = parsePage(file, text.replace(ROW, row));
  const d = page.diagnostics.filter((x) => x.location?.line === 24);
  return { field: page.method!.parameters.find((p) => p.name === 'name'), codes: d.map((x) => x.code), messages: d.map((x) => x.message) };
}

describe.skipIf(!hasCorpus)('a real row with one cell missing, in each column', () => {
  it('the row as published', () => {
    const { field, codes } = readWithRow(ROW);
    expect(field).toMatchObject({ type: { kind: 'string' }, required: true, description: '分组名称', example: '研发' });
    expect(field?.default).toBeUndefined();
    expect(codes).toEqual([]);
  });

  it('no Name cell: the row has no name and is reported, nothing is shifted into the name', () => {
    const file = rel(join(CORPUS_ZH, PAGE));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8').replace(ROW, '| string | 是 | - | 分组名称  | `研发` |'));
    expect(page.method!.parameters.map((p) => p.name)).toEqual(['code', 'description', 'departmentIdList']);
    const codes = page.diagnostics.filter((x) => x.location?.line === 24).map((x) => x.code);
    expect(codes).toContain('md-table-cell-count');
    expect(codes).toContain('md-row-without-name');
  });

  it('no Type cell: the type is unknown and reported, the other cells stay in place', () => {
    const { field, codes, messages } = readWithRow('| name | 是 | - | 分组名称  | `研发` |');
    expect(field).toMatchObject({ type: { kind: 'unknown' }, required: true, description: '分组名称', example: '研发' });
    expect(codes).toContain('md-unknown-type');
    expect(messages.find((m) => m.startsWith('row has 5'))).toMatch(/no cell for 类型/);
  });

  it('no Required cell', () => {
    const { field, messages } = readWithRow('| name | string | - | 分组名称  | `研发` |');
    expect(field).toMatchObject({ type: { kind: 'string' }, required: false, description: '分组名称', example: '研发' });
    expect(field?.default).toBeUndefined();
    expect(messages[0]).toMatch(/no cell for 是否必填/);
  });

  it('no Default cell (the corpus dnef pages): prose is the description, the code span the sample', () => {
    const { field, messages } = readWithRow('| name | string | 是 | 分组名称  | `研发` |');
    expect(field).toMatchObject({ type: { kind: 'string' }, required: true, description: '分组名称', example: '研发' });
    expect(field?.default).toBeUndefined();
    expect(messages[0]).toBe('row has 5 cells, the header 6; read as 名称, 类型, 是否必填, 描述, 示例值; no cell for 默认值');
  });

  it('no Description cell', () => {
    const { field, messages } = readWithRow('| name | string | 是 | - | `研发` |');
    expect(field).toMatchObject({ type: { kind: 'string' }, required: true, example: '研发' });
    expect(field?.description).toBeUndefined();
    expect(field?.default).toBeUndefined();
    expect(messages[0]).toMatch(/no cell for 描述$/);
  });

  it('no Sample cell', () => {
    const { field, messages } = readWithRow('| name | string | 是 | - | 分组名称  |');
    expect(field).toMatchObject({ type: { kind: 'string' }, required: true, description: '分组名称' });
    expect(field?.example).toBeUndefined();
    expect(messages[0]).toMatch(/no cell for 示例值$/);
  });

  it('a cell that could sit under several columns is an error, and that cell is dropped, not shifted', () => {
    // two cells gone; `hello` could be a default or a description, the code span is the sample
    const { field, codes, messages } = readWithRow('| name | string | hello | `研发` |');
    expect(codes).toEqual(['md-table-row-unaligned']);
    expect(messages[0]).toBe('row has 4 cells, the header 6, and the cells do not tell which column is missing: "hello" could go under several columns, so it is dropped; 是否必填, 默认值, 描述 read as empty');
    expect(field).toMatchObject({ type: { kind: 'string' }, required: false, example: '研发' });
    expect(field?.default).toBeUndefined();
    expect(field?.description).toBeUndefined();
  });

  it('a row whose cells fit the columns in no order is an error and is dropped', () => {
    const file = rel(join(CORPUS_ZH, PAGE));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8').replace(ROW, '| name | 是 | string | 分组名称  | `研发` |'));
    expect(page.method!.parameters.map((p) => p.name)).toEqual(['code', 'description', 'departmentIdList']);
    const d = page.diagnostics.filter((x) => x.location?.line === 24);
    expect(d.map((x) => [x.code, x.severity])).toEqual([['md-table-row-unaligned', 'error']]);
    expect(d[0]!.message).toMatch(/fit the header's columns in no order; the row is dropped/);
  });

  it('the corpus rows without a Default cell (create-dnef.md) read their descriptions and samples right', () => {
    const file = rel(join(CORPUS_ZH, 'java/management/管理数据资源与权限/create-dnef.md'));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
    const p = page.method!.parameters.find((x) => x.name === 'namespaceCode')!;
    expect(p).toMatchObject({ description: '权限空间 code', example: 'examplePermissionNamespace', required: true });
    expect(p.default).toBeUndefined();
    const label = page.method!.parameters.find((x) => x.name === 'label')!;
    expect(label).toMatchObject({ description: '扩展字段显示名称', example: 'str_label' });
    expect(page.diagnostics.some((d) => d.code === 'md-table-row-unaligned')).toBe(false);
  });

  it('an English row without its Sample cell (genauth-en create-user.md) keeps its description', () => {
    const file = rel(join(CORPUS_EN, 'node/management/管理用户/create-user.md'));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
    const d = page.diagnostics.find((x) => x.code === 'md-table-cell-count' && x.location?.line === 40)!;
    expect(d.message).toBe('row has 5 cells, the header 6; read as Name, Type, Required, Default value, Description; no cell for Sample value');
  });

  // an error diagnostic is exit 1 in every command (README, "Exit codes"; issue 13): found, not unusable
  it('generate does not pass a row it cannot realign silently: exit 1, the error on its line', async () => {
    const dir = join(ROOT, 'test/.tmp/missing-cell');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'in/node/management/管理岗位'), { recursive: true });
    const text = readFileSync(join(CORPUS_ZH, PAGE), 'utf8').replace(ROW, '| name | string | hello | `研发` |');
    writeFileSync(join(dir, 'in', PAGE), text);
    const io = bufferIO(ROOT);
    const code = await main(['generate', '--input', relative(ROOT, join(dir, 'in')), '--out', relative(ROOT, join(dir, 'out')), '--no-cache'], io);
    expect(code).toBe(1);
    expect(io.err.join('')).toMatch(/create-post\.md:24:3  error  md-table-row-unaligned  row has 4 cells, the header 6/);
  }, 120_000);
});
