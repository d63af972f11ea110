import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../generator/cli.js';
import { bufferIO } from '../../../generator/commands/io.js';
import { ingest } from '../../../generator/ingest/index.js';

/**
 * A hand-written spec of the seed API, as the server team would publish it: real paths and
 * verbs that differ from the docs' rule, one parameter the docs lack, one the spec lacks, a
 * required flag and enum values that disagree.
 */
const SPEC = `openapi: 3.0.3
info: { title: GenAuth, version: 3.0.0 }
paths:
  /api/v3/get-user-mfa-info:
    get:
      operationId: getUserMfaInfo
      tags: [Management]
      parameters:
        - { name: userId, in: query, required: false, schema: { type: string } }
        - { name: userIdType, in: query, schema: { type: string, enum: [user_id, phone, email] } }
        - { name: tenantId, in: query, description: Tenant of the user, schema: { type: string } }
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: '#/components/schemas/GetUserMfaInfoRespDto' } } }
  /api/v3/factors/reset:
    put:
      operationId: resetFactor
      tags: [Authentication]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, required: [factorId], properties: { factorId: { type: string } } } } }
      responses:
        '200': { description: ok }
components:
  schemas:
    GetUserMfaInfoRespDto:
      type: object
      properties:
        statusCode: { type: integer }
`;

let dir = '';
let specFile = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdkforge-merge-'));
  specFile = join(dir, 'genauth.yaml');
  await writeFile(specFile, SPEC);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('docs pages + spec → one IR', () => {
  it('verb and path from the spec, prose and names from the docs, each disagreement named with both places', async () => {
    const r = await ingest([resolve('docs-input'), specFile]);
    expect(r.api.origin).toBe('merged');
    const methods = r.api.clients.flatMap((c) => c.methods);
    const reset = methods.find((m) => m.id === 'reset_factor')!;
    // matched by client + words although the spec path differs from the docs' /api/v3/reset-factor
    expect(reset.client).toBe('AuthenticationClient');
    expect(reset.http).toMatchObject({ verb: 'PUT', path: '/api/v3/factors/reset', verbOrigin: { kind: 'spec' } });
    expect(reset.title).toBe('Unbind MFA authentication factors');
    expect(reset.docs[0]!.file).toContain('reset-factor.md');
    const mfa = methods.find((m) => m.id === 'get_user_mfa_info')!;
    expect(mfa.http.verb).toBe('GET');
    expect(mfa.parameters.find((p) => p.name === 'userId')!.description).toMatch(/unique identifier/);

    const byCode = (code: string) => r.diagnostics.filter((d) => d.code === code);
    const onlyOne = byCode('merge-parameter-only-in-one').map((d) => d.message);
    expect(onlyOne.some((m) => m.includes('tenantId is in the spec but not in the docs'))).toBe(true);
    const differs = byCode('merge-type-differs');
    expect(differs.some((d) => d.message.includes('userId: required in the docs only'))).toBe(true);
    expect(differs.some((d) => d.message.includes('userIdType: enum values differ'))).toBe(true);
    for (const d of [...differs, ...byCode('merge-parameter-only-in-one')]) {
      expect(d.related!.map((x) => x.message)).toEqual(['in the spec', 'in the docs']);
      expect(d.related![0]!.location.file).toMatch(/genauth\.yaml$/);
      expect(d.related![1]!.location.file).toMatch(/\.md$/);
    }
    // the two docs methods the spec does not describe are kept and reported
    expect(byCode('merge-method-only-in-one')).toHaveLength(2);
  });
});

describe('the CLI on a spec', () => {
  it('`ir spec.yaml` prints the IR; `openapi` writes a 3.1 document', async () => {
    const io = bufferIO(dir);
    expect(await main(['ir', 'genauth.yaml'], io)).toBe(0);
    expect(JSON.parse(io.out.join('')).clients.map((c: { name: string }) => c.name)).toEqual(['AuthenticationClient', 'ManagementClient']);
    const io2 = bufferIO(dir);
    expect(await main(['openapi', 'genauth.yaml', '-o', 'out/api.json'], io2)).toBe(0);
    expect(io2.err.join('')).toContain('out/api.json: OpenAPI 3.1, 2 operation(s), 1 schema(s)');
    const io3 = bufferIO(dir);
    expect(await main(['ir', 'out/api.json'], io3)).toBe(0);
  });
});
