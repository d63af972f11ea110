import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import { allMethods } from '../../../generator/ir/walk.js';
import { ROOT } from '../../helpers/shared.js';

const DO = 'test/fixtures/openapi/real/digitalocean';

describe("operation-level $ref (DigitalOcean's multi-file layout)", () => {
  it('paths./v2/droplets.{get,post}: $ref resources/droplets/*.yml → full methods, read in their own files', async () => {
    const r = await ingest([`${DO}/DigitalOcean-public.v2.yaml`], { cwd: ROOT });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const byId = new Map(allMethods(r.api).map((m) => [m.id, m]));
    const list = byId.get('droplets_list')!;
    const create = byId.get('droplets_create')!;
    // parameters come through a second hop: ../../shared/parameters.yml, relative to the operation's file
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:per_page', 'query:page', 'query:tag_name', 'query:name']);
    expect(list.parameters[0]!.source.file).toBe(`${DO}/shared/parameters.yml`);
    expect(list.title).toBe('List All Droplets');
    expect(list.response.type.kind).toBe('object');
    expect(list.source).toMatchObject({ file: `${DO}/resources/droplets/droplets_list.yml`, line: 1 });
    // the body and the 202 response, with a `#/…` ref local to the operation file
    expect(create.http).toMatchObject({ verb: 'POST', path: '/v2/droplets' });
    expect(create.requestBody?.type.kind).toBe('union');
    expect(create.response.type.kind).toBe('union');
    expect(create.source.file).toBe(`${DO}/resources/droplets/droplets_create.yml`);
    // models/droplet.yml is a named type, defined where the file is
    expect(r.api.types.find((t) => t.name === 'Droplet')?.source.file).toBe(`${DO}/resources/droplets/models/droplet.yml`);
  });

  describe('an operation $ref that does not resolve', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-opref-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, 'api.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: T, version: "1" }',
        'paths:',
        '  /a:',
        '    get: { $ref: "ops/missing.yml" }',
        '    post: { $ref: "#/paths/~1b/put" }',
        '  /b:',
        '    $ref: "items/missing.yml"',
        '  /c:',
        '    get: { operationId: getC, responses: { "200": { description: ok } } }',
        '',
      ].join('\n'),
    );

    it('is reported and skipped, never an empty method', async () => {
      const r = await ingest(['api.yaml'], { cwd: dir });
      expect(allMethods(r.api).map((m) => m.id)).toEqual(['get_c']);
      const skipped = r.diagnostics.filter((d) => d.code === 'openapi-operation-skipped');
      expect(skipped.map((d) => d.message.replace(/ \(at .*$/, ''))).toEqual([
        'GET /a is skipped: its $ref ops/missing.yml does not resolve to an Operation object',
        'POST /a is skipped: its $ref #/paths/~1b/put does not resolve to an Operation object',
        'path /b is skipped: its $ref does not resolve',
      ]);
      expect(skipped[0]!.location).toMatchObject({ file: 'api.yaml', line: 5 });
      expect(r.diagnostics.filter((d) => d.code === 'openapi-ref-unresolved').length).toBeGreaterThanOrEqual(3);
    });
  });
});
