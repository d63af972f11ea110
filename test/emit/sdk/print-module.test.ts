import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IndentationText, Project, QuoteKind, StructureKind } from 'ts-morph';
import { describe, expect, test } from 'vitest';
import { config } from '../docs/round-trip-helpers.js';
import { emitSdk } from '../../../generator/emit/sdk/index.js';
import type { ModulePrinter } from '../../../generator/emit/sdk/print-module.js';
import { ingest } from '../../../generator/ingest/index.js';
import { packageAssets } from '../../../generator/package-assets.js';
import type { Api } from '../../../generator/ir/types.js';
import { methodTypes, reachableTypes } from '../../../generator/ir/walk.js';
import { CORPUS_ZH, hasCorpus, rel, ROOT } from '../../helpers/shared.js';

/** The API cut down to its paginated methods (at most `most`) and the types they reach. */
function paginatedOnly(api: Api, most: number): Api {
  let left = most;
  const clients = api.clients
    .map((c) => ({ ...c, methods: c.methods.filter((m) => m.pagination && left-- > 0) }))
    .filter((c) => c.methods.length > 0);
  const reached = new Set(reachableTypes(api, clients.flatMap((c) => c.methods.flatMap(methodTypes))));
  return { ...api, clients, types: api.types.filter((t) => reached.has(t.name)) };
}

/**
 * print-module.ts writes each SDK module as ts-morph did (a source file from the structures,
 * then a formatting pass): compared file by file on the seeds and every OpenAPI example, with
 * ts-morph as the reference (the corpus's, GitHub's and Stripe's SDKs were compared too when it
 * was written: identical; ts-morph takes minutes on those, too long for every run).
 */
const project = new Project({
  useInMemoryFileSystem: true,
  manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, useTrailingCommas: true },
});
let n = 0;
const viaTsMorph: ModulePrinter = (comment, imports, statements) => {
  // a new path each time: the formatter's language service caches a file's text by its path
  const sf = project.createSourceFile(`m${n++}.ts`, { leadingTrivia: `// ${comment}\n`, statements: [...imports.map((i) => ({ kind: StructureKind.ImportDeclaration as const, ...i })), ...statements] }, { overwrite: true });
  // the entry module (only re-exports) was never formatted; every other module was
  if (statements.some((s) => s.kind !== StructureKind.ExportDeclaration)) sf.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const text = sf.getFullText();
  project.removeSourceFile(sf);
  return text;
};

async function expectSameAsTsMorph(inputs: string[] | Api, seen?: string[]): Promise<number> {
  const api = Array.isArray(inputs) ? (await ingest(inputs, { cwd: ROOT, cache: true })).api : inputs;
  const assets = packageAssets();
  const ctx = { config: config(), templatesDir: join(ROOT, 'templates'), assets };
  const ours = emitSdk(api, ctx).files;
  const reference = new Map(emitSdk(api, ctx, undefined, viaTsMorph).files.map((f) => [f.path, f.contents]));
  expect(ours.map((f) => f.path)).toEqual([...reference.keys()]);
  const differing = ours.filter((f) => f.contents !== reference.get(f.path)).map((f) => f.path);
  expect(differing).toEqual([]);
  seen?.push(...ours.map((f) => f.contents));
  return ours.filter((f) => f.path.endsWith('.ts')).length;
}

describe('SDK modules are written as ts-morph wrote them', () => {
  test.skipIf(!hasCorpus)('the corpus\'s paginated methods (PagedPromise)', async () => {
    const { api } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT, cache: true });
    const texts: string[] = [];
    await expectSameAsTsMorph(paginatedOnly(api, 40), texts);
    expect(texts.join('\n')).toContain('PagedPromise<');
    expect(texts.join('\n')).toContain('pagination: {');
  }, 120_000);

  test('GitHub\'s paginated methods (Link headers)', async () => {
    const { api } = await ingest([rel(join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'))], { cwd: ROOT });
    const texts: string[] = [];
    await expectSameAsTsMorph(paginatedOnly(api, 30), texts);
    expect(texts.join('\n')).toContain("kind: 'link'");
  }, 120_000);

  test('docs-input', async () => {
    expect(await expectSameAsTsMorph(['docs-input'])).toBeGreaterThan(10);
  }, 60_000);

  test('every OpenAPI example of @readme/oas-examples (3.0 and 3.1)', async () => {
    let modules = 0;
    for (const version of ['3.0', '3.1']) {
      const dir = join(ROOT, 'node_modules/@readme/oas-examples', version, 'json');
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) modules += await expectSameAsTsMorph([rel(join(dir, f))]);
    }
    expect(modules).toBeGreaterThan(500);
  }, 300_000);

  test('the real vendor operations (servers, security, parameter styles, form and multipart encodings, bytes)', async () => {
    const real = join(ROOT, 'test/fixtures/openapi/real');
    const specs = [
      ...readdirSync(real, { withFileTypes: true }).flatMap((d) =>
        d.isFile() && d.name.endsWith('.json') ? [join(real, d.name)] : d.isDirectory() && d.name !== 'digitalocean' ? readdirSync(join(real, d.name)).map((n) => join(real, d.name, n)) : [],
      ),
      join(real, 'digitalocean/DigitalOcean-public.v2.yaml'),
    ].sort();
    const texts: string[] = [];
    for (const spec of specs) await expectSameAsTsMorph([rel(spec)], texts);
    // the structures the emitter builds for these features were really printed
    const all = texts.join('\n');
    for (const marker of ['servers: [', 'security: [', "style: 'deepObject'", "style: 'pipeDelimited'", 'explode: false', "encoding: 'multipart'", "encoding: 'form'", 'order: [', 'binaryResponse: true']) {
      expect(all, marker).toContain(marker);
    }
  }, 300_000);
});
