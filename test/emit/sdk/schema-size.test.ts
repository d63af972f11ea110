import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { emitSdk } from '../../../generator/emit/sdk/index.js';
import { largeSchemas, SCHEMA_NODE_BUDGET } from '../../../generator/emit/sdk/schema-size.js';
import { ingest } from '../../../generator/ingest/index.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { ROOT } from '../../helpers/shared.js';
import { config } from '../docs/round-trip-helpers.js';

/**
 * A data structure too large for tsc to print its schema's inferred type (TS7056 on a
 * 50,000-row table; `npm run bench table` compiles that one) gets an explicit annotation; the
 * structures that use it count it as one name, and ordinary ones are left alone.
 */
const work = mkdtempSync(join(tmpdir(), 'sdkforge-schema-size-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(rows: number): string {
  const lines = ['# Get a big table', '', '## Method name', '', '`ManagementClient.get_big_table`', '', '## Request parameters', '', '| Name | Type | Required | Description |', '| --- | --- | --- | --- |', '| tableId | string | yes | The table. |', '', '## Request Response', '', 'Type: `BigTableRespDto`', '', '| Name | Type | Description |', '| --- | --- | --- |', '| statusCode | number | Status code. |', '| data | <a href="#BigTableDto">BigTableDto</a> | Response data |', '', '## Data Structure', '', '### <a id="BigTableDto"></a> BigTableDto', '', '| Name | Type | Is it required? | Description |', '| --- | --- | --- | --- |'];
  for (let i = 0; i < rows; i++) lines.push(`| column${i} | ${i % 2 ? 'string' : 'number'} | ${i % 3 ? 'no' : 'yes'} | Column ${i}. |`);
  return `${lines.join('\n')}\n`;
}

describe('very large schemas are annotated', () => {
  test('a 6,000-row structure: annotated z.ZodType<T, T>; its envelope and docs-input are not', async () => {
    const dir = join(work, 'node', 'management', 'tables');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'get-big-table.md'), page(6000));
    const { api } = await ingest([join(work, 'node')], { cwd: ROOT });
    expect(api.types.find((t) => t.name === 'BigTableDto')?.type).toMatchObject({ kind: 'object', fields: { length: 6000 } });
    expect([...largeSchemas(api)]).toEqual(['BigTableDto']);
    const files = emitSdk(api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() }).files;
    const model = (name: string): string => files.find((f) => f.path === `sdk/src/models/${name}.ts`)!.contents;
    expect(model('big-table-dto')).toContain('export const BigTableDtoSchema: z.ZodType<BigTableDto, BigTableDto> = /*#__PURE__*/ z.object({');
    expect(model('big-table-resp-dto')).toContain('export const BigTableRespDtoSchema = /*#__PURE__*/ z.object({');

    const seeds = (await ingest(['docs-input'], { cwd: ROOT })).api;
    expect(largeSchemas(seeds).size).toBe(0);
    // the object, and a name and a type per field: 12,001 nodes; the envelope inlines them
    expect([...largeSchemas(api, 12_000)]).toEqual(['BigTableDto']);
    expect([...largeSchemas(api, 12_001)]).toEqual(['BigTableRespDto']);
    expect(largeSchemas(api, 20_000).size).toBe(0);
    expect(SCHEMA_NODE_BUDGET).toBeLessThan(25_000);
  });
});
