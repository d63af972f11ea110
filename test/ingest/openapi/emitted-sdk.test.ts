import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../generator/config.js';
import { build } from '../../../generator/pipeline.js';

/**
 * Specs → SDK (client + zod) → `tsc --noEmit`, the way a user would compile the package.
 * All the oas-examples SDKs are checked in one tsc program (one folder each); GitHub's alone.
 */
const run = promisify(execFile);
const EXAMPLES = 'node_modules/@readme/oas-examples';
const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const TMP = resolve('test/.tmp/openapi-sdk');

afterAll(() => rm(TMP, { recursive: true, force: true }));

/** Builds the SDK of `spec` into `<TMP>/<name>/sdk`; returns the emitted tsconfig's options. */
async function emitSdk(spec: string, name: string): Promise<Record<string, unknown> | undefined> {
  const r = await build({ config: ConfigSchema.parse({}), inputs: [spec], cwd: process.cwd() });
  // a document with webhooks only has no method: nothing to compile
  if (r.ingest.api.clients.every((c) => c.methods.length === 0)) return undefined;
  const sdk = r.files.filter((f) => f.path.startsWith('sdk/'));
  expect(sdk.some((f) => f.path.startsWith('sdk/src/clients/')), `${spec}: no client emitted`).toBe(true);
  for (const f of sdk) {
    const target = join(TMP, name, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.contents);
  }
  return (JSON.parse(await readFile(join(TMP, name, 'sdk/tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }).compilerOptions;
}

async function tsc(names: string[], options: Record<string, unknown>, project: string): Promise<string[]> {
  const config = { compilerOptions: { ...options, noEmit: true, declaration: false, outDir: undefined, rootDir: undefined }, include: names.map((n) => `${n}/sdk/src/**/*.ts`) };
  const file = join(TMP, project);
  await writeFile(file, JSON.stringify(config));
  try {
    await run(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', file], { maxBuffer: 64 * 1024 * 1024 });
    return [];
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e).split('\n').filter((l) => l.includes('error TS'));
  }
}

describe('SDKs emitted from real specs type-check', () => {
  it('every OpenAPI 3.x example of @readme/oas-examples (one tsc program)', async () => {
    const specs = ['3.0', '3.1'].flatMap((v) => readdirSync(join(EXAMPLES, v, 'json')).filter((f) => f.endsWith('.json')).map((f) => join(EXAMPLES, v, 'json', f)));
    const names: string[] = [];
    let options: Record<string, unknown> = {};
    for (const spec of specs) {
      const name = spec.replace(/^.*oas-examples\//, '').replace(/[^a-z0-9]+/gi, '-');
      const got = await emitSdk(spec, name);
      if (!got) continue;
      options = got;
      names.push(name);
    }
    const errors = await tsc(names, options, 'tsconfig.examples.json');
    expect(errors.slice(0, 30)).toEqual([]);
  }, 300_000);

  it.skipIf(!existsSync(GITHUB))("GitHub's REST API (one run)", async () => {
    const options = (await emitSdk(GITHUB, 'github'))!;
    const errors = await tsc(['github'], options, 'tsconfig.github.json');
    expect(errors.slice(0, 30)).toEqual([]);
  }, 300_000);
});
