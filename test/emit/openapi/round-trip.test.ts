import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, serializeOpenApi } from '../../../generator/emit/openapi/index.js';
import { loadConfig } from '../../../generator/config.js';
import { ingest, ingestOptionsOf } from '../../../generator/ingest/index.js';
import { ROOT } from '../../helpers/shared.js';
import type { Api } from '../../../generator/ir/types.js';

/** The IR without places: a document written and read back cannot keep the docs' line numbers. */
function withoutSources(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSources);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'source').map(([k, v]) => [k, withoutSources(v)]));
  }
  return value;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdkforge-openapi-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** IR → OpenAPI 3.1 (validated) → IR again, as YAML or JSON. */
async function roundTrip(api: Api, name: string, knownErrors: readonly string[] = []): Promise<Api> {
  const { document, diagnostics } = openApiDocument(api);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = await validate(structuredClone(document) as never);
  expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  const file = join(dir, name);
  await writeFile(file, serializeOpenApi(document, name));
  const back = await ingest([file], { cwd: dir });
  // the only errors reading back may give are the IR's own (a type the docs never define)
  for (const d of back.diagnostics.filter((x) => x.severity === 'error')) expect(knownErrors).toContain(`${d.code} ${d.message}`);
  return back.api;
}

describe('OpenAPI out and back in', () => {
  it('docs-input: the four seed methods survive YAML and JSON', async () => {
    const docs = await ingest(['docs-input']);
    expect(docs.api.clients.flatMap((c) => c.methods)).toHaveLength(4);
    for (const name of ['docs.yaml', 'docs.json']) {
      const back = await roundTrip(docs.api, name);
      expect(withoutSources(back)).toEqual(withoutSources(docs.api));
    }
  });

  it("docs-input with the GenAuth profile: servers, schemes, per-client security and the envelope survive", async () => {
    const { config } = await loadConfig(ROOT);
    const docs = await ingest(['docs-input'], { cwd: ROOT, ...ingestOptionsOf(config) });
    expect(docs.api.envelope).toBeDefined();
    const back = await roundTrip(docs.api, 'profiled.yaml');
    expect(withoutSources(back)).toEqual(withoutSources(docs.api));
  });

  it('real specs with servers (per path and operation), every kind of scheme and error responses: same IR', async () => {
    for (const file of ['box.json', 'zapier-nla.json', 'jira.json', 'twilio-api.json', 'aws-apigatewaymanagementapi.json']) {
      const spec = await ingest([`test/fixtures/openapi/real/${file}`], { cwd: ROOT });
      const back = await roundTrip(spec.api, file);
      expect(withoutSources(back), file).toEqual(withoutSources(spec.api));
    }
  });

  it('real specs with constraints, serialisation styles, form and multipart encodings and bytes: same IR', async () => {
    const files = ['stripe/customers-files-quotes.json', 'twilio/messages.json', 'box/files.json', 'apideck/vault-authorize.json', 'jira/project-avatar.json'];
    for (const file of files) {
      const spec = await ingest([`test/fixtures/openapi/real/${file}`], { cwd: ROOT });
      const back = await roundTrip(spec.api, file.replace('/', '-'));
      expect(withoutSources(back), file).toEqual(withoutSources(spec.api));
    }
    // and the styles table of @readme/oas-examples, where every style and explode is written
    const styles = await ingest(['node_modules/@readme/oas-examples/3.0/json/parameters-style.json']);
    expect(withoutSources(await roundTrip(styles.api, 'styles.json'))).toEqual(withoutSources(styles.api));
  }, 120_000);

  it('a real spec (petstore 3.1): spec IR → OpenAPI → same IR', async () => {
    const spec = await ingest(['node_modules/@readme/oas-examples/3.1/json/petstore.json']);
    const back = await roundTrip(spec.api, 'petstore.json');
    expect(withoutSources(back)).toEqual(withoutSources(spec.api));
  });

  const corpus = '../shared/corpus/authing-docs-v3';
  const hasCorpus = existsSync(corpus);
  if (!hasCorpus) console.log(`skipping the corpus round trip: ${corpus} is absent`);
  describe.skipIf(!hasCorpus)('corpus', () => {
    it('authing-docs-v3: every method and type survives', async () => {
      const docs = await ingest([corpus]);
      const known = docs.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
      const back = await roundTrip(docs.api, 'corpus.yaml', known);
      expect(back.clients.flatMap((c) => c.methods).length).toBe(docs.api.clients.flatMap((c) => c.methods).length);
      expect(withoutSources(back)).toEqual(withoutSources(docs.api));
    }, 180_000);
  });
});
