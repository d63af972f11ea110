import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { glob } from 'tinyglobby';
import { CACHE_DIR } from '../generator/package-assets.js';
import { fmtMs, fmtSample, summarize, timeIt } from './stats.js';

/**
 * `ir` over the whole corpus, as a user runs it (a fresh `node` process each time, output to
 * /dev/null): cold (no cache; in one thread, and with 2 worker threads) and warm (nothing
 * changed, cache hit).
 * Baseline in the same run: the stock remark-parse + remark-gfm pipeline, single-threaded,
 * parsing the same pages in this process. Figures are ratios against that baseline.
 */
export interface IrBench {
  text: string;
  coldMs?: number;
  warmMs?: number;
  /** `check` with the caches warm and nothing changed (the output is the corpus's own). */
  checkWarmMs?: number;
}

export async function benchIr(root: string, runs = 5): Promise<IrBench> {
  const corpus = join(root, '..', 'shared', 'corpus', 'authing-docs-v3');
  if (!existsSync(corpus)) return { text: 'ir: ../shared/corpus is absent, skipped' };
  const files = (await glob('**/*.md', { cwd: corpus, absolute: true })).sort();
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const mb = bytes / 1e6;
  const cli = join(root, 'dist', 'generator', 'cli.js');
  const rel = '../shared/corpus/authing-docs-v3';
  const runCli = (extra: string[]): void => {
    const r = spawnSync(process.execPath, [cli, 'ir', rel, ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
    // 1: the corpus has an error diagnostic (a whole run all the same); 2 would be unusable input
    if (r.status !== 0 && r.status !== 1) throw new Error(`sdkforge ir exited ${r.status}`);
  };

  const cold: number[] = [];
  for (let i = 0; i < runs; i++) cold.push(await timeIt(() => runCli(['--no-cache'])));
  const coldWorkers: number[] = [];
  for (let i = 0; i < Math.max(2, Math.floor(runs / 2)); i++) coldWorkers.push(await timeIt(() => runCli(['--no-cache', '--workers', '2'])));
  // only the page and IR caches: the cache folder also holds the bench's downloaded specs
  for (const f of existsSync(join(root, CACHE_DIR)) ? readdirSync(join(root, CACHE_DIR)) : []) if (/^(pages|ir)[-.]/.test(f)) rmSync(join(root, CACHE_DIR, f), { force: true });
  runCli([]); // prime the cache
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timeIt(() => runCli([])));

  // check, warm: in its own folder (its caches are its own), after a generate and a first check
  const work = join(root, CACHE_DIR, 'bench-corpus');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'sdkforge.config.json'), JSON.stringify({ inputs: [corpus], out: 'out' }));
  const inWork = (args: string[]): void => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, stdio: ['ignore', 'ignore', 'ignore'] });
    // generate exits 1 when the corpus has error diagnostics, with the output written
    if (r.status !== 0 && !(args[0] === 'generate' && r.status === 1)) throw new Error(`sdkforge ${args[0]} exited ${r.status}`);
  };
  inWork(['generate']);
  inWork(['check']);
  const checkWarm: number[] = [];
  for (let i = 0; i < runs; i++) checkWarm.push(await timeIt(() => inWork(['check'])));
  rmSync(work, { recursive: true, force: true });

  // baseline: remark-parse + remark-gfm, parse only, one thread
  const processor = unified().use(remarkParse).use(remarkGfm);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const baseline: number[] = [];
  for (let i = 0; i < 2; i++) baseline.push(await timeIt(() => texts.forEach((t) => processor.parse(t))));

  const b = summarize(baseline);
  const rows = [
    ['cold (default: one thread, no cache)', summarize(cold)],
    ['cold (--workers 2, no cache)', summarize(coldWorkers)],
    ['warm (cache, nothing changed)', summarize(warm)],
    ['check, warm (caches, nothing changed)', summarize(checkWarm)],
    ['baseline: remark-parse + remark-gfm, parse only, one thread', b],
  ] as const;
  const lines = [`ir over the corpus: ${files.length} pages, ${mb.toFixed(1)} MB (whole command, fresh process each run)`];
  for (const [name, s] of rows) {
    lines.push(
      `  ${name.padEnd(60)} ${fmtSample(s).padEnd(40)} ${(files.length / (s.median / 1000)).toFixed(0).padStart(6)} pages/s ${(mb / (s.median / 1000)).toFixed(1).padStart(6)} MB/s  ratio to baseline ${(s.median / b.median).toFixed(3)}`,
    );
  }
  lines.push(`  goals: ir cold ≤ 2 s (${fmtMs(summarize(cold).median)}), check warm ≤ 1 s (${fmtMs(summarize(checkWarm).median)})`);
  return { text: lines.join('\n'), coldMs: summarize(cold).median, warmMs: summarize(warm).median, checkWarmMs: summarize(checkWarm).median };
}
