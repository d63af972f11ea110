import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { loadConfig } from '../generator/config.js';
import { emitSdk } from '../generator/emit/sdk/index.js';
import { SDK_COMPILER_OPTIONS } from '../generator/emit/sdk/package.js';
import { packageAssets } from '../generator/package-assets.js';
import { readRuntime } from '../generator/emit/sdk/runtime-files.js';
import { ingest } from '../generator/ingest/index.js';
import { allMethods } from '../generator/ir/walk.js';
import { fmtSample, summarize, timeIt } from './stats.js';

/**
 * The SDK of the whole corpus: generating it (IR → files in memory, the SDK emitter only) and
 * type-checking it (TypeScript compiler API, the SDK's strict options, no emit), each the
 * median of `runs` runs with min/max. The IR is built once beforehand (its cost is `ir`'s bench).
 */
export async function benchSdk(root: string, runs = 3): Promise<string> {
  const rel = '../shared/corpus/authing-docs-v3';
  if (!existsSync(join(root, rel))) return 'sdk: ../shared/corpus is absent, skipped';
  const { config } = await loadConfig(root);
  const { api } = await ingest([rel], { cwd: root, cache: true });
  const assets = packageAssets();
  const runtime = readRuntime(assets.runtimeDir);
  if (!runtime) return 'sdk: generator/emit/sdk/runtime is missing, skipped';
  const ctx = { config, templatesDir: join(root, 'templates'), assets };

  let files = emitSdk(api, ctx, runtime).files; // warm-up (module loading, JIT)
  const emitTimes: number[] = [];
  for (let i = 0; i < runs; i++) emitTimes.push(await timeIt(() => (files = emitSdk(api, ctx, runtime).files)));

  // inside the package, so `zod` resolves from its node_modules
  const dir = join(root, '.sdkforge-cache', 'bench-sdk');
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.contents);
  }
  const sdkDir = join(dir, 'sdk');
  const roots = readdirSync(join(sdkDir, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const { options } = ts.convertCompilerOptionsFromJson({ ...SDK_COMPILER_OPTIONS, noEmit: true }, sdkDir);
  let errors = 0;
  const checkTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    checkTimes.push(await timeIt(() => (errors = ts.getPreEmitDiagnostics(ts.createProgram(roots, options)).length)));
  }
  rmSync(dir, { recursive: true, force: true });

  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.contents), 0);
  return [
    `sdk: corpus SDK, ${allMethods(api).length} methods, ${api.types.length} types → ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`,
    `  generate (IR → SDK files in memory): ${fmtSample(summarize(emitTimes))}`,
    `  type-check (tsc strict, no emit):     ${fmtSample(summarize(checkTimes))}, ${errors} error(s)`,
  ].join('\n');
}
