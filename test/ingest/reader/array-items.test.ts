import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import type { Field, NamedType } from '../../../generator/ir/types.js';
import { CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * `array` without an item type is typed from what the page shows (reader/array-items.ts): a
 * sample list of strings, or the one data structure of the page that nothing refers to and
 * whose fields hold the sample's keys. Each time with an info diagnostic naming the evidence.
 */

const read = (path: string, edit?: (text: string) => string) => {
  const file = rel(join(CORPUS_ZH, path));
  const text = readFileSync(join(ROOT, file), 'utf8');
  return parsePage(file, edit ? edit(text) : text);
};
const fieldOf = (types: NamedType[], type: string, name: string): Field => {
  const t = types.find((x) => x.name === type)!.type;
  if (t.kind !== 'object') throw new Error(`${type} is not an object`);
  return t.fields.find((f) => f.name === name)!;
};

describe.skipIf(!hasCorpus)('array item types from the page', () => {
  const PAGE = 'node/authentication/mfa-要素管理/list-enrolled-factors.md';

  it('listEnrolledFactors: `data | array` is a list of FactorDto, the only structure nothing refers to, whose fields hold the sample keys', () => {
    const page = read(PAGE);
    expect(fieldOf(page.types, 'ListEnrolledFactorsRespDto', 'data').type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'FactorDto' } });
    const d = page.diagnostics.find((x) => x.code === 'md-array-item-type-inferred')!;
    expect(d).toMatchObject({ severity: 'info', location: { line: 67 } });
    expect(d.message).toBe(
      '"data" is an array whose item type is not stated; its items are read as FactorDto: the data structure on the page that nothing refers to whose fields hold the keys of the sample (factorId, factorType, profile)',
    );
    expect(d.related?.[0]?.location).toMatchObject({ line: 92 });
    expect(page.diagnostics.some((x) => x.code === 'md-array-item-type-unknown')).toBe(false);
  });

  it('a second structure nothing refers to: the sample keys still pick the one that fits', () => {
    const page = read(PAGE, (t) => `${t}\n### <a id="OtherDto"></a> OtherDto\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| other | string | 别的 |\n`);
    expect(fieldOf(page.types, 'ListEnrolledFactorsRespDto', 'data').type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'FactorDto' } });
  });

  it('without a sample, two candidate structures leave the items unknown, and that is reported', () => {
    const page = read(PAGE, (t) => t.replace(/示例结果：\s*```json[\s\S]*?```/, '') + '\n### <a id="OtherDto"></a> OtherDto\n\n| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| other | string | 别的 |\n');
    expect(fieldOf(page.types, 'ListEnrolledFactorsRespDto', 'data').type).toEqual({ kind: 'array', items: { kind: 'unknown' } });
    expect(page.diagnostics.filter((x) => x.code === 'md-array-item-type-unknown').map((x) => x.message)).toEqual(['"data" is an array whose item type is not stated']);
  });

  it('without a sample, the one candidate structure is taken when the array is the only untyped one', () => {
    const page = read(PAGE, (t) => t.replace(/示例结果：\s*```json[\s\S]*?```/, ''));
    expect(fieldOf(page.types, 'ListEnrolledFactorsRespDto', 'data').type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'FactorDto' } });
    expect(page.diagnostics.find((x) => x.code === 'md-array-item-type-inferred')!.message).toMatch(/FactorDto: the only data structure on the page that nothing refers to$/);
  });

  it('a sample that does not fit the candidate leaves the items unknown', () => {
    const page = read(PAGE, (t) => t.replace('"factorId": "6229ffaxxxxxxxxcade3e3d9",', '"somethingElse": 1,'));
    expect(fieldOf(page.types, 'ListEnrolledFactorsRespDto', 'data').type).toEqual({ kind: 'array', items: { kind: 'unknown' } });
  });

  it('a DTO field whose sample is a list of strings has string items (UserDto.departmentIds)', () => {
    const page = read('node/management/管理用户/get-user.md');
    const f = fieldOf(page.types, 'UserDto', 'departmentIds');
    expect(f.type).toEqual({ kind: 'array', items: { kind: 'string' } });
    expect(page.diagnostics.find((x) => x.code === 'md-array-item-type-inferred' && x.message.startsWith('"departmentIds"'))!.message).toBe(
      '"departmentIds" is an array whose item type is not stated; its items are read as string: its sample is a list of strings',
    );
  });

  it('request fields too: a parameter written `array` gets the structure its sample fits, or its sample\'s primitive', () => {
    const page = read('node/management/管理公共账号/set-public-account-of-departments.md', (t) =>
      t.replace('| departments | <a href="#SetUserDepartmentDto">SetUserDepartmentDto[]</a> |', '| departments | array |'),
    );
    expect(page.method!.parameters.find((p) => p.name === 'departments')!.type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'SetUserDepartmentDto' } });
    const roles = read('node/management/管理角色/list-role-assignments.md', (t) => t.replace(' | targetType | string[]  |', ' | targetType | array  |'));
    expect(roles.method!.parameters.find((p) => p.name === 'targetType')!.type).toEqual({ kind: 'array', items: { kind: 'string' } });
  });
});
