import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../generator/config.js';
import { selectEmitters } from '../../../generator/emit/index.js';
import { build } from '../../../generator/pipeline.js';
import { sendJson, startServer } from '../../emit/sdk/runtime/test-server.js';

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
  // the SDK alone: the docs of these specs are tested elsewhere (GitHub's took a quarter of this file)
  const r = await build({ config: ConfigSchema.parse({}), inputs: [spec], cwd: process.cwd(), emitters: selectEmitters(['sdk'])! });
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

  // the same build, run: pagination by GitHub's Link header, against a local server with 3 pages
  it.skipIf(!existsSync(GITHUB))("GitHub's issues.listForRepo pages through the Link header, item by item", async () => {
    const src = join(TMP, 'github/sdk/src');
    expect(existsSync(src), 'the GitHub SDK of the test above').toBe(true);
    const entry = await transpileReachable(src, 'clients/issues-client.ts', join(TMP, 'github/sdk/paging'));
    const { IssuesClient } = (await import(pathToFileURL(entry).href)) as {
      IssuesClient: new (o: object) => { listForRepo(p: object, o?: object): AsyncIterable<{ number: number }> & PromiseLike<unknown> };
    };
    const server = await startServer();
    try {
      const ISSUES = Array.from({ length: 5 }, (_, i) => ({ number: i + 1, title: `issue ${i + 1}` }));
      // GitHub's next links name the repository by id, not by owner/name: the client follows them as given
      server.handle((req, res) => {
        const url = new URL(req.url, server.host);
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('per_page') ?? 30);
        const link = (p: number, rel: string) => `<${server.host}/repositories/42/issues?per_page=${size}&page=${p}>; rel="${rel}"`;
        const last = Math.ceil(ISSUES.length / size);
        const links = [...(page < last ? [link(page + 1, 'next')] : []), link(last, 'last')];
        sendJson(res, 200, ISSUES.slice((page - 1) * size, page * size), { link: links.join(', ') });
      });
      const client = new IssuesClient({ host: server.host, auth: (ctx: { headers: Headers }) => ctx.headers.set('authorization', 'Bearer t') });
      const numbers: number[] = [];
      for await (const issue of client.listForRepo({ owner: 'o', repo: 'r', per_page: 2 })) numbers.push(issue.number);
      expect(numbers).toEqual([1, 2, 3, 4, 5]);
      expect(server.requests.map((r) => r.url)).toEqual(['/repos/o/r/issues?per_page=2', '/repositories/42/issues?per_page=2&page=2', '/repositories/42/issues?per_page=2&page=3']);
      expect(server.requests.every((r) => r.headers['authorization'] === 'Bearer t')).toBe(true);
      // awaited, the first page as the method's response type
      expect(await client.listForRepo({ owner: 'o', repo: 'r', per_page: 2 })).toEqual(ISSUES.slice(0, 2));
    } finally {
      await server.close();
    }
  }, 120_000);
});

/**
 * Transpiles `entry` and every module it reaches by relative imports (not the whole SDK: a
 * client needs a few hundred of GitHub's modules) into `out`; returns the entry's JS path.
 */
async function transpileReachable(src: string, entry: string, out: string): Promise<string> {
  const queue = [entry];
  const done = new Set<string>();
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (done.has(rel)) continue;
    done.add(rel);
    const text = readFileSync(join(src, rel), 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, js);
    for (const m of text.matchAll(/from '(\.[^']+)\.js'/g)) queue.push(join(dirname(rel), `${m[1]}.ts`));
  }
  return join(out, entry.replace(/\.ts$/, '.js'));
}
