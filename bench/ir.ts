import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
export async function benchIr(root: string, runs = 5): Promise<string> {
  const corpus = join(root, '..', 'shared', 'corpus', 'authing-docs-v3');
  if (!existsSync(corpus)) return 'ir: ../shared/corpus is absent, skipped';
  const files = (await glob('**/*.md', { cwd: corpus, absolute: true })).sort();
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const mb = bytes / 1e6;
  const cli = join(root, 'dist', 'generator', 'cli.js');
  const rel = '../shared/corpus/authing-docs-v3';
  const runCli = (extra: string[]): void => {
    const r = spawnSync(process.execPath, [cli, 'ir', rel, ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.status !== 0) throw new Error(`sdkforge ir exited ${r.status}`);
  };

  const cold: number[] = [];
  for (let i = 0; i < runs; i++) cold.push(await timeIt(() => runCli(['--no-cache'])));
  const coldWorkers: number[] = [];
  for (let i = 0; i < Math.max(2, Math.floor(runs / 2)); i++) coldWorkers.push(await timeIt(() => runCli(['--no-cache', '--workers', '2'])));
  rmSync(join(root, CACHE_DIR), { recursive: true, force: true });
  runCli([]); // prime the cache
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timeIt(() => runCli([])));

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
    ['baseline: remark-parse + remark-gfm, parse only, one thread', b],
  ] as const;
  const lines = [`ir over the corpus: ${files.length} pages, ${mb.toFixed(1)} MB (whole command, fresh process each run)`];
  for (const [name, s] of rows) {
    lines.push(
      `  ${name.padEnd(60)} ${fmtSample(s).padEnd(40)} ${(files.length / (s.median / 1000)).toFixed(0).padStart(6)} pages/s ${(mb / (s.median / 1000)).toFixed(1).padStart(6)} MB/s  ratio to baseline ${(s.median / b.median).toFixed(3)}`,
    );
  }
  lines.push(`  targets: cold < 3 s (${fmtMs(summarize(cold).median)}), warm < 0.5 s (${fmtMs(summarize(warm).median)})`);
  return lines.join('\n');
}
