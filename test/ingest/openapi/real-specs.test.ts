import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestOpenApiFile, type OpenApiIngestResult } from '../../../generator/ingest/openapi/index.js';
import { validateApi } from '../../../generator/ir/validate.js';
import type { Method } from '../../../generator/ir/types.js';

const EXAMPLES = 'node_modules/@readme/oas-examples';
const GITHUB = 'node_modules/@octokit/openapi/generated/api.github.com.json';

function examples(version: string): string[] {
  const out: string[] = [];
  for (const fmt of ['json', 'yaml']) {
    const dir = join(EXAMPLES, version, fmt);
    for (const f of readdirSync(dir).sort()) if (statSync(join(dir, f)).isFile()) out.push(join(dir, f));
  }
  return out;
}

/** Counts of what was skipped or not mapped, by diagnostic code: printed so the report can cite them. */
function skipped(r: OpenApiIngestResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of r.diagnostics) if (d.code !== 'openapi-schema-untyped' || d.severity !== 'info') out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}

const methods = (r: OpenApiIngestResult): Method[] => r.api!.clients.flatMap((c) => c.methods);

describe('every OpenAPI 3.0 / 3.1 document of @readme/oas-examples', () => {
  const files = [...examples('3.0'), ...examples('3.1')];
  it.each(files)('%s → a valid IR', async (file) => {
    const r = await ingestOpenApiFile(file);
    expect(r.api).toBeDefined();
    const errors = [...r.diagnostics, ...validateApi(r.api!)].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const operations = Object.values(JSON.parse(JSON.stringify(r.api!.clients))).length;
    expect(operations).toBeGreaterThanOrEqual(0);
    // every operation of the document is a method or is reported as skipped
    const doc = file.endsWith('.json') ? (JSON.parse(readFileSync(file, 'utf8')) as { paths?: Record<string, Record<string, unknown>> }) : undefined;
    if (doc) {
      const verbs = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
      const items = Object.values(doc.paths ?? {}).map((item) => (typeof item.$ref === 'string' ? (doc.paths ?? {})[decodeURIComponent(item.$ref.replace('#/paths/', '')).replace(/~1/g, '/')] ?? {} : item));
      const count = items.reduce((n, item) => n + verbs.filter((v) => v in item).length, 0);
      expect(methods(r).length + r.diagnostics.filter((d) => d.code === 'openapi-operation-skipped' && !/webhook|callback/.test(d.message)).length).toBe(count);
    }
    console.log(`${file}: ${r.stats.operations} operations, ${r.stats.namedTypes} schemas, ${r.stats.operationsSkipped} skipped; ${JSON.stringify(skipped(r))}`);
    // ReadMe's own spec has patterns that take the pattern analysis (ingest/openapi/patterns.ts) seconds on a loaded machine
  }, 30_000);
});

describe('Swagger 2.0 documents', () => {
  it.each(examples('2.0'))('%s → one clear "convert it" diagnostic, no IR', async (file) => {
    const r = await ingestOpenApiFile(file);
    expect(r.api).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['openapi-version-unsupported']);
    expect(r.diagnostics[0]!.message).toMatch(/Swagger 2\.0 .*swagger2openapi/);
  });
});

describe('mapping, on real documents', () => {
  it('petstore (3.0 YAML): tags are clients, operationIds are words, params and body typed, sources point at the YAML', async () => {
    const file = `${EXAMPLES}/3.0/yaml/petstore.yaml`;
    const r = await ingestOpenApiFile(file);
    expect(r.api!.clients.map((c) => c.name)).toEqual(['PetClient', 'StoreClient', 'UserClient']);
    const pet = r.api!.clients.find((c) => c.name === 'PetClient')!;
    expect(pet.description).toBe('Everything about your Pets');
    const add = pet.methods.find((m) => m.id === 'add_pet')!;
    expect(add.http).toMatchObject({ verb: 'POST', path: '/pet', verbOrigin: { kind: 'spec' } });
    expect(add.requestBody).toMatchObject({ type: { kind: 'ref', name: 'Pet' }, encoding: 'json', required: true });
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[add.source.line - 1]!.trim()).toBe('post:');
    const byId = pet.methods.find((m) => m.id === 'get_pet_by_id')!;
    expect(byId.parameters[0]).toMatchObject({ name: 'petId', in: 'path', required: true, type: { kind: 'integer', format: 'int64' } });
    expect(byId.response.type).toEqual({ kind: 'ref', name: 'Pet' });
    const petType = r.api!.types.find((t) => t.name === 'Pet')!;
    expect(petType.type.kind === 'object' && petType.type.fields.find((f) => f.name === 'status')!.type).toMatchObject({ kind: 'enum', base: 'string' });
    expect(lines[petType.source.line - 1]!.trim()).toBe('Pet:');
  });

  it('JSON and YAML of one document give the same IR (apart from places)', async () => {
    const strip = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'source').map(([k, x]) => [k, strip(x)])) : v;
    for (const name of ['petstore', 'discriminators', 'schema-types']) {
      const a = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/${name}.json`);
      const b = await ingestOpenApiFile(`${EXAMPLES}/3.0/yaml/${name}.yaml`);
      expect(strip(a.api)).toEqual(strip(b.api));
    }
  });

  it('tagsAs categories: one client named after the title, tags as categories', async () => {
    const r = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/petstore.json`, { tagsAs: 'categories' });
    expect(r.api!.clients.map((c) => c.name)).toEqual(['SwaggerPetstoreClient']);
    expect(new Set(methods(r).map((m) => m.category))).toEqual(new Set(['pet', 'store', 'user']));
  });

  it('recursive schemas are refs to themselves (no loop, no inlining)', async () => {
    const r = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/circular.json`);
    const refsToSelf = r.api!.types.filter((t) => JSON.stringify(t.type).includes(`"name":"${t.name}"`));
    expect(refsToSelf.length).toBeGreaterThan(0);
  });

  it('discriminators: oneOf with a mapping becomes a discriminated union of named types', async () => {
    const r = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/discriminators.json`);
    const unions = JSON.stringify(r.api);
    expect(unions).toMatch(/"discriminator":\{"property":"[a-z_A-Z]+","mapping":\[\{"value":"[^"]+","type":"[A-Z]/);
  });

  it('nullable (3.0) and type arrays (3.1) both become unions with null; formats stay on the primitive', async () => {
    const v30 = JSON.stringify((await ingestOpenApiFile(`${EXAMPLES}/3.0/json/schema-types.json`)).api);
    const v31 = JSON.stringify((await ingestOpenApiFile(`${EXAMPLES}/3.1/json/schema-types.json`)).api);
    for (const s of [v30, v31]) expect(s).toContain('{"kind":"null"}');
    expect(v30).toContain('"format":"date-time"');
    expect(v30).toContain('"format":"int64"');
  });

  it('form and multipart bodies are marked by their encoding; format: binary is bytes', async () => {
    const form = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/form-data.json`);
    expect(methods(form).map((m) => m.requestBody?.encoding)).toContain('form');
    const uploads = await ingestOpenApiFile(`${EXAMPLES}/3.0/json/file-uploads.json`);
    expect(methods(uploads).map((m) => m.requestBody?.encoding)).toContain('multipart');
    expect(JSON.stringify(uploads.api)).toContain('"name":"documentFile","type":{"kind":"binary"}');
  });

  it('webhooks (3.1) are reported as skipped, not dropped silently', async () => {
    const r = await ingestOpenApiFile(`${EXAMPLES}/3.1/json/webhooks.json`);
    expect(r.stats.operationsSkipped).toBeGreaterThan(0);
    expect(r.diagnostics.some((d) => d.code === 'openapi-operation-skipped' && d.message.includes('webhook'))).toBe(true);
  });

  it('cross-file $refs (parameters, schemas, a whole file) and a cycle across files', async () => {
    const r = await ingestOpenApiFile('test/fixtures/openapi/split/api.yaml');
    expect(r.diagnostics).toEqual([]);
    const m = methods(r)[0]!;
    expect(m.parameters[0]).toMatchObject({ name: 'id', in: 'path', type: { kind: 'integer', format: 'int64' }, source: { file: 'test/fixtures/openapi/split/parameters.yaml', line: 1 } });
    expect(m.response.type).toEqual({ kind: 'ref', name: 'Animal' });
    expect(r.api!.types.map((t) => t.name)).toEqual(['Animal', 'Keeper']);
    expect(JSON.stringify(r.api!.types.find((t) => t.name === 'Keeper'))).toContain('"name":"Animal"');
    expect(validateApi(r.api!)).toEqual([]);
  });

  it('broken YAML and a dangling $ref are diagnostics with a line, not exceptions', async () => {
    const broken = await ingestOpenApiFile('test/fixtures/openapi/broken.yaml');
    expect(broken.api).toBeUndefined();
    expect(broken.diagnostics[0]).toMatchObject({ code: 'openapi-unparsable', location: { line: 6 } });
    const dangling = await ingestOpenApiFile('test/fixtures/openapi/dangling-ref.yaml');
    expect(dangling.diagnostics.find((d) => d.code === 'openapi-ref-unresolved')).toMatchObject({ location: { line: 14 } });
    expect(dangling.diagnostics.find((d) => d.code === 'openapi-ref-unresolved')!.message).toContain('#/paths/~1things/get/responses/200/content/application~1json/schema');
  });
});

describe.skipIf(!existsSync(GITHUB))("GitHub's REST API (@octokit/openapi)", () => {
  it('every operation becomes a method; schemas become named types; what is not mapped is counted', async () => {
    const r = await ingestOpenApiFile(GITHUB);
    const doc = JSON.parse(readFileSync(GITHUB, 'utf8')) as { paths: Record<string, Record<string, unknown>>; components: { schemas: object } };
    const verbs = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
    const count = Object.values(doc.paths).reduce((n, item) => n + verbs.filter((v) => v in item).length, 0);
    expect(count).toBeGreaterThan(1000);
    expect(methods(r)).toHaveLength(count);
    expect(r.api!.types.length).toBe(Object.keys(doc.components.schemas).length);
    expect([...r.diagnostics, ...validateApi(r.api!)].filter((d) => d.severity === 'error')).toEqual([]);
    const repos = r.api!.clients.find((c) => c.name === 'ReposClient')!;
    const getContent = repos.methods.find((m) => m.id === 'get_content')!;
    expect(getContent.http).toMatchObject({ verb: 'GET', path: '/repos/{owner}/{repo}/contents/{path}' });
    const lines = readFileSync(GITHUB, 'utf8').split('\n');
    expect(lines[getContent.source.line - 1]!.trim()).toBe('"get": {');
    console.log(`GitHub: ${r.stats.operations} operations, ${r.stats.namedTypes} schemas, ${r.stats.operationsSkipped} skipped; ${JSON.stringify(skipped(r))}`);
  }, 60_000);
});
