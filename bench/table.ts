/**
 * One docs page whose data structure has N rows (5k, 25k, 50k): `generate` on it (time, peak
 * memory; it should grow linearly with N) and `tsc` on the SDK it writes (it should compile).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMeasured, typecheck, type TypecheckResult } from './measure.js';

export const TABLE_ROWS = [5_000, 25_000, 50_000] as const;

export interface TableResult {
  rows: number;
  ms: number;
  peakRssMb: number;
  exit: number;
  typecheck?: TypecheckResult;
}

const TYPES = ['string', 'number', 'boolean', 'string[]', 'integer'];

/** A page in the published layout: one method whose response data is a structure of `rows` fields. */
export function bigTablePage(rows: number): string {
  const lines = [
    '# Get a big table',
    '',
    '## Method name',
    '',
    '`ManagementClient.get_big_table`',
    '',
    '## Request parameters',
    '',
    '| Name | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    '| tableId | string | yes | The table. |',
    '',
    '## Request Response',
    '',
    'Type: `BigTableRespDto`',
    '',
    '| Name | Type | Description |',
    '| --- | --- | --- |',
    '| statusCode | number | Status code. |',
    '| data | <a href="#BigTableDto">BigTableDto</a> | Response data |',
    '',
    '## Data Structure',
    '',
    '### <a id="BigTableDto"></a> BigTableDto',
    '',
    '| Name | Type | Is it required? | Description | Sample value |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (let i = 0; i < rows; i++) lines.push(`| column${i} | ${TYPES[i % TYPES.length]} | ${i % 3 === 0 ? 'yes' : 'no'} | Column number ${i} of the table. | |`);
  return lines.join('\n') + '\n';
}

export async function benchTable(root: string, rowsList: readonly number[] = TABLE_ROWS, log: (line: string) => void = () => {}): Promise<TableResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'sdkforge-bench-table-'));
  const results: TableResult[] = [];
  try {
    for (const rows of rowsList) {
      const input = join(work, `in-${rows}`, 'node', 'management', 'tables');
      await mkdir(input, { recursive: true });
      await writeFile(join(input, 'get-big-table.md'), bigTablePage(rows));
      const out = join(work, `out-${rows}`);
      const r = await runMeasured(process.execPath, [join(root, 'dist/generator/cli.js'), 'generate', '--input', join(work, `in-${rows}`), '--out', out, '--no-cache', '--max-diagnostics', '0'], root);
      const res: TableResult = { rows, ms: r.ms, peakRssMb: r.maxRssKb / 1024, exit: r.code };
      log(`  table ${rows} rows: generate ${(r.ms / 1000).toFixed(2)} s, ${res.peakRssMb.toFixed(0)} MiB, exit ${r.code}`);
      if (r.code === 0) {
        res.typecheck = await typecheck(root, join(out, 'sdk'));
        log(`  table ${rows} rows: tsc ${(res.typecheck.ms / 1000).toFixed(2)} s, ${res.typecheck.errors} error(s) ${res.typecheck.codes.join(',')}`);
      }
      results.push(res);
      await rm(join(work, `in-${rows}`), { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return results;
}

export function formatTableBench(results: readonly TableResult[]): string {
  const lines = ['Big table: one page, one data structure of N rows (`generate --no-cache`, then tsc on the SDK)'];
  lines.push('     rows  generate s  peak MiB  µs/row  tsc s  tsc errors');
  for (const r of results) {
    const tc = r.typecheck;
    lines.push(
      [
        String(r.rows).padStart(9),
        (r.ms / 1000).toFixed(2).padStart(11),
        r.peakRssMb.toFixed(0).padStart(9),
        ((r.ms * 1000) / r.rows).toFixed(0).padStart(7),
        (tc ? (tc.ms / 1000).toFixed(2) : '-').padStart(6),
        tc ? ` ${tc.errors}${tc.codes.length ? ` (${tc.codes.join(', ')})` : ''}` : ` generate exited ${r.exit}`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}
