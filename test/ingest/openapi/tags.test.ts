import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';

describe('OpenAPI tags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-tags-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const spec = join(dir, 'api.yaml');
  writeFileSync(
    spec,
    [
      'openapi: 3.1.0',
      'info: { title: Pets API, version: "1" }',
      'paths:',
      '  /pets:',
      '    get:',
      '      operationId: listPets',
      '      tags: [pets, store]',
      '      responses: { "200": { description: ok } }',
      '',
    ].join('\n'),
  );

  it('a method goes to its first tag, and the others are reported', async () => {
    const r = await ingest([spec], { cwd: dir });
    expect(r.api.clients.map((c) => c.name)).toEqual(['PetsClient']);
    const d = r.diagnostics.find((x) => x.code === 'openapi-extra-tags');
    expect(d?.message).toContain('"pets", "store"');
    expect(d?.location).toMatchObject({ file: 'api.yaml', line: 7 });
  });

  it('with tags as categories, one client named after the title and the first tag as category', async () => {
    const r = await ingest([spec], { cwd: dir, openapi: { tagsAs: 'categories' } });
    expect(r.api.clients).toHaveLength(1);
    expect(r.api.clients[0]!.methods[0]!.category).toBe('pets');
  });
});
