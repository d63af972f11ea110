import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatGoals, type BenchRecord } from './goals.js';
import { benchIr } from './ir.js';
import { benchSpec, formatSpecBench } from './openapi.js';
import { benchSdk } from './sdk.js';
import { SPECS, type SpecName } from './specs.js';
import { benchTable, formatTableBench, TABLE_ROWS } from './table.js';

/**
 * `npm run bench [-- <part>...] [--runs n] [--skip tool] [--save-baseline]`, parts:
 * - ir: the markdown corpus → IR, cold and warm, vs the stock remark pipeline; `check` warm;
 * - sdk: generating and type-checking the SDK of the whole corpus;
 * - github, stripe, kubernetes (or openapi = all three): sdkforge vs openapi-typescript,
 *   @hey-api/openapi-ts + zod (and openapi-zod-client on GitHub), run and type-checked;
 * - table: one page with a 5k, 25k and 50k-row data structure.
 * Each part prints its own table, then issue 12's goals: the figures of bench/baseline.json
 * (before) beside this run's. `--save-baseline` writes this run's figures there.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = option('--runs') ? Number(option('--runs')) : undefined;
const skip = args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a] : []));
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const record: BenchRecord = { specs: {} };
try {
  record.commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
record.date = new Date().toISOString().slice(0, 10);

const spec = (name: SpecName) => async (): Promise<string> => {
  const r = await benchSpec(name, { root, runs, skip, log });
  record.specs[name] = r;
  return formatSpecBench(r);
};
const parts: Record<string, () => Promise<string>> = {
  ir: async () => {
    const r = await benchIr(root, runs ?? 5);
    if (r.coldMs !== undefined) record.corpus = { irColdMs: r.coldMs, checkWarmMs: r.checkWarmMs };
    return r.text;
  },
  sdk: () => benchSdk(root, runs ?? 3),
  github: spec('github'),
  stripe: spec('stripe'),
  kubernetes: spec('kubernetes'),
  table: async () => {
    record.table = await benchTable(root, TABLE_ROWS, log);
    return formatTableBench(record.table);
  },
};
const aliases: Record<string, string[]> = { openapi: [...SPECS], corpus: ['ir'] };

const wanted = args.filter((a, i) => !a.startsWith('-') && !['--runs', '--skip'].includes(args[i - 1] ?? ''));
const selected = (wanted.length > 0 ? wanted : Object.keys(parts)).flatMap((w) => aliases[w] ?? [w]);
for (const name of selected) {
  const part = parts[name];
  if (!part) {
    process.stderr.write(`unknown bench part "${name}"; parts: ${[...Object.keys(parts), ...Object.keys(aliases)].join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`${await part()}\n\n`);
}

const baselineFile = join(root, 'bench', 'baseline.json');
const before = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as BenchRecord) : undefined;
process.stdout.write(`${formatGoals(before, record)}\n`);
mkdirSync(join(root, '.sdkforge-cache'), { recursive: true });
writeFileSync(join(root, '.sdkforge-cache', 'bench-last.json'), JSON.stringify(record, null, 2));
if (args.includes('--save-baseline')) {
  // merged part by part, so the baseline can be taken in several commands
  const merged: BenchRecord = { ...before, ...record, specs: { ...before?.specs, ...record.specs } };
  if (!record.table && before?.table) merged.table = before.table;
  if (!record.corpus && before?.corpus) merged.corpus = before.corpus;
  writeFileSync(baselineFile, JSON.stringify(merged, null, 2) + '\n');
  log(`baseline written to ${baselineFile}`);
}
