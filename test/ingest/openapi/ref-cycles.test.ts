import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFrom, cleanup, sdkFiles, tempDir, typeCheck, writeFiles } from '../../emit/sdk/sdk-harness.js';

/**
 * Issue 10, item 8: schemas that are nothing but each other (`X: {$ref: Y}`, `Y: {$ref: X}`, the
 * same through allOf or a union, a schema that is its own $ref) are reported, and the SDK still
 * compiles; recursion through a field, an array item or a map's values is not reported (a map
 * of itself was reported, and typed unknown, while it printed as Record<string, Dict>).
 * Fixture: test/fixtures/hostile/specs/ref-cycles.yaml.
 */
describe('pure $ref cycles', async () => {
  const result = await buildFrom(['test/fixtures/hostile/specs/ref-cycles.yaml']);
  const dir = tempDir('ref-cycles');
  writeFiles(dir, sdkFiles(result.files));
  afterAll(() => cleanup(dir));

  it('each cycle is one ir-type-cycle error at its first member, naming every member', () => {
    const cycles = result.diagnostics.filter((d) => d.code === 'ir-type-cycle');
    expect(cycles.map((d) => d.message.split(' (')[0])).toEqual([
      'A, B are defined only through each other',
      'Self is defined through itself',
      'U, V are defined only through each other',
      'X, Y are defined only through each other',
    ]);
    for (const d of cycles) expect(d.severity).toBe('error');
    expect(cycles.find((d) => d.message.startsWith('X, Y'))!.location).toMatchObject({ file: 'test/fixtures/hostile/specs/ref-cycles.yaml', line: 31 });
    expect(result.diagnostics.some((d) => d.message.includes('Tree') || d.message.includes('Dict'))).toBe(false);
  });

  it('the SDK compiles under strict (it failed with TS2456); a map of itself keeps its type', () => {
    expect(typeCheck(join(dir, 'sdk'))).toEqual([]);
    expect(result.files.find((f) => f.path === 'sdk/src/models/dict.ts')!.contents).toContain('export type Dict = {\n  [key: string]: Dict;\n};');
  }, 60_000);
});
