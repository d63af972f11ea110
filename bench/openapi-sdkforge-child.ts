/**
 * One sdkforge run for bench/openapi.ts, in its own process so its peak memory is its own:
 * ingest (parse + IR) → emit (every registered emitter) → write, as `generate` does it. Prints
 * phase times as JSON. Usage: node dist/bench/openapi-sdkforge-child.js <spec> <outDir>
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigSchema } from '../generator/config.js';
import { ownedFolder, selectEmitters } from '../generator/emit/index.js';
import type { GeneratedFile } from '../generator/output/files.js';
import { writeOutput } from '../generator/output/write.js';
import { ingest } from '../generator/ingest/index.js';
import { loadSpec } from '../generator/ingest/openapi/spec-refs.js';
import { packageAssets } from '../generator/package-assets.js';

async function main(): Promise<void> {
  const [spec, outDir] = process.argv.slice(2);
  if (!spec || !outDir) throw new Error('usage: openapi-sdkforge-child <spec> <outDir>');
  const start = performance.now();
  // parse alone (read + JSON/YAML + position index), then ingest again from the start: the
  // difference is the IR's share
  await loadSpec(resolve(spec), process.cwd());
  const parse = performance.now() - start;
  const t0 = performance.now();
  const result = await ingest([spec], { cwd: process.cwd() });
  const ingestMs = performance.now() - t0;
  const assets = packageAssets();
  const ctx = { config: ConfigSchema.parse({}), templatesDir: assets.templatesDir, assets };
  const perEmitterMs: Record<string, number> = {};
  const files: GeneratedFile[] = [];
  const emitters = selectEmitters()!;
  for (const e of emitters) {
    const t = performance.now();
    files.push(...(await e.emit(result.api, ctx)).files);
    perEmitterMs[e.name] = performance.now() - t;
  }
  const t1 = performance.now();
  await writeOutput(outDir, files, { owned: emitters.map(ownedFolder), cwd: process.cwd() });
  const writeMs = performance.now() - t1;
  const bytesByFolder: Record<string, number> = {};
  for (const f of files) {
    const top = f.path.split('/')[0]!;
    bytesByFolder[top] = (bytesByFolder[top] ?? 0) + Buffer.byteLength(f.contents);
  }
  const emitMs = Object.values(perEmitterMs).reduce((a, b) => a + b, 0);
  process.stdout.write(
    JSON.stringify({
      // the separate parse above is not counted: the ingest re-parses
      totalMs: performance.now() - start - parse,
      phases: { parseMs: parse, irMs: Math.max(0, ingestMs - parse), emitMs, writeMs },
      perEmitterMs,
      bytesByFolder,
      files: files.length,
      methods: result.api.clients.reduce((n, c) => n + c.methods.length, 0),
      types: result.api.types.length,
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
