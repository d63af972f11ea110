/**
 * One sdkforge run for bench/openapi.ts, in its own process so its peak memory is its own:
 * ingest (parse + IR) → emit (every registered emitter) → write. Prints phase times as JSON.
 * Usage: node dist/bench/openapi-sdkforge-child.js <spec> <outDir>
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigSchema } from '../generator/config.js';
import { emitters } from '../generator/emit/index.js';
import type { GeneratedFile } from '../generator/output/files.js';
import { ingest } from '../generator/ingest/index.js';
import { loadSpec } from '../generator/ingest/openapi/spec-refs.js';
import { packageAssets } from '../generator/package-assets.js';

async function main(): Promise<void> {
  const [spec, outDir] = process.argv.slice(2);
  if (!spec || !outDir) throw new Error('usage: openapi-sdkforge-child <spec> <outDir>');
  // parse alone (read + JSON/YAML + position index), measured apart and not counted in the total
  let t = performance.now();
  await loadSpec(resolve(spec), process.cwd());
  const parse = performance.now() - t;

  const start = performance.now();
  const result = await ingest([spec], { cwd: process.cwd() });
  const ingested = performance.now();
  // the emitters one by one (what emitAll does), to see which one the time goes to
  const assets = packageAssets();
  const ctx = { config: ConfigSchema.parse({}), templatesDir: assets.templatesDir, assets };
  const perEmitterMs: Record<string, number> = {};
  const emitted: { files: GeneratedFile[] } = { files: [] };
  for (const e of emitters) {
    const t0 = performance.now();
    emitted.files.push(...(await e.emit(result.api, ctx)).files);
    perEmitterMs[e.name] = performance.now() - t0;
  }
  const emittedAt = performance.now();
  for (const f of emitted.files) {
    const target = join(outDir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.contents);
  }
  const end = performance.now();
  t = ingested - start;
  process.stdout.write(
    JSON.stringify({
      totalMs: end - start,
      phases: { parseMs: parse, irMs: Math.max(0, t - parse), emitMs: emittedAt - ingested, writeMs: end - emittedAt },
      emitters: emitters.map((e) => e.name),
      perEmitterMs,
      files: emitted.files.length,
      bytes: emitted.files.reduce((n, f) => n + f.contents.length, 0),
      methods: result.api.clients.reduce((n, c) => n + c.methods.length, 0),
      types: result.api.types.length,
      maxRssKb: process.resourceUsage().maxRSS,
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
