import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { stableStringify } from '../../../generator/ir/json.js';
import type { Api, Method, NamedType } from '../../../generator/ir/types.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, SEEDS, hasCorpus, hasSeeds, rel } from '../../helpers/shared.js';

const method = (api: Api, client: string, id: string): Method => {
  const m = api.clients.find((c) => c.name === client)?.methods.find((x) => x.id === id);
  if (!m) throw new Error(`no ${client}.${id}`);
  return m;
};
const type = (api: Api, name: string): NamedType => {
  const t = api.types.find((x) => x.name === name);
  if (!t) throw new Error(`no type ${name}`);
  return t;
};

describe.skipIf(!hasSeeds)('seed 002: the published English page, with its fused first row', () => {
  const file = rel(join(SEEDS, '002_1b209372de4a296b.txt'));
  // describe bodies run even when skipped: parse the seed only when it is there
  const page = parsePage(file, hasSeeds ? readFileSync(join(ROOT, file), 'utf8') : '');

  it('reads the method, its parameters, response and nested DTOs', () => {
    expect(page.kind).toBe('method');
    const m = page.method!;
    expect(m.client).toBe('ManagementClient');
    expect(m.words).toEqual(['get', 'user', 'principal', 'authentication', 'info']);
    expect(m.title).toBe('Get user real-name authentication information');
    expect(m.docLanguage).toBe('en');
    expect(m.responseType).toBe('PrincipalAuthenticationInfoPaginatedRespDto');
    expect(m.sample).toMatchObject({ statusCode: 200, data: { list: { principalCode: '6229c4deb3e4d8a20b6021ff' } } });
    const paging = page.types.find((t) => t.name === 'PrincipalAuthenticationInfoPagingDto')!;
    expect(paging.type).toMatchObject({
      kind: 'object',
      fields: [
        { name: 'totalCount', type: { kind: 'number' }, required: true },
        { name: 'list', type: { kind: 'array', items: { kind: 'ref', name: 'PrincipalAuthenticationInfoDto' } }, required: true },
      ],
    });
    const info = page.types.find((t) => t.name === 'PrincipalAuthenticationInfoDto')!;
    expect(info.type.kind === 'object' && info.type.fields[0]).toMatchObject({ name: 'authenticated', type: { kind: 'boolean' }, example: true });
  });

  it('recovers the fused row: the name from the sample code, the sample from the surviving cell', () => {
    const m = page.method!;
    expect(m.parameters.map((p) => p.name)).toEqual(['userId', 'userIdType']);
    expect(m.parameters[0]).toMatchObject({ name: 'userId', type: { kind: 'string' }, example: '6229ffaxxxxxxxxcade3e3d9', source: { line: 23 } });
    expect(m.partialParameters).toEqual(['userId']);
    const d = page.diagnostics.find((x) => x.code === 'md-table-fused-row')!;
    expect(d.location).toMatchObject({ file, line: 23 });
    expect(d.message).toContain('recovered Sample value and the name "userId" from the sample code');
  });

  it('reads the prose enum and the typed default of userIdType', () => {
    const p = page.method!.parameters[1]!;
    expect(p.default).toBe('user_id');
    expect(p.required).toBe(false);
    expect(p.type.kind === 'enum' && p.type.values.map((v) => v.value)).toEqual([
      'user_id', 'phone', 'email', 'username', 'external_id', 'identity', 'sync_relation',
    ]);
  });
});

describe.skipIf(!hasCorpus)('corpus pages', () => {
  it('skips a non-method page with an info diagnostic, not an error', () => {
    for (const f of ['node/management/events.md', 'node/install.md', 'python/authentication/oidc.md']) {
      const file = rel(join(CORPUS_ZH, f));
      const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
      expect(page.kind).toBe('skipped');
      expect(page.diagnostics).toEqual([expect.objectContaining({ code: 'md-not-a-method-page', severity: 'info' })]);
    }
  });

  it('reports a row whose cell count does not match the header, and keeps the row', () => {
    const file = rel(join(CORPUS_EN, 'node/management/管理用户/create-user.md'));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
    const d = page.diagnostics.filter((x) => x.code === 'md-table-cell-count');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.location).toMatchObject({ file, line: 40 });
    expect(d[0]!.message).toMatch(/row has 5 cells, the header 6/);
  });

  it('joins a row broken over lines back into one row', () => {
    const file = rel(join(CORPUS_ZH, 'node/management/管理数据对象/metadata-create-field.md'));
    const page = parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
    const names = page.method!.parameters.map((p) => p.name);
    expect(names).toContain('format');
    expect(names).toContain('regexp');
    expect(names.some((n) => n.startsWith('- '))).toBe(false);
    const lines = page.diagnostics.filter((d) => d.code === 'md-table-row-continued').map((d) => d.location?.line);
    expect(lines).toContain(32);
  });

  it('merges the six language pages of one method into one, and names every page', async () => {
    const files = ['node', 'python', 'java', 'go', 'php', 'csharp'].map((l) => rel(join(CORPUS_ZH, l, 'management/管理用户/get-user-mfa-info.md')));
    const r = await ingest(files, { cwd: ROOT });
    expect(r.api.clients).toHaveLength(1);
    const m = method(r.api, 'ManagementClient', 'get_user_mfa_info');
    expect(r.api.clients[0]!.methods).toHaveLength(1);
    expect(m.docs.map((d) => d.writtenName).sort()).toEqual([
      'ManagementClient.GetUserMfaInfo', 'ManagementClient.GetUserMfaInfo', 'ManagementClient.getUserMfaInfo',
      'ManagementClient.getUserMfaInfo', 'ManagementClient.getUserMfaInfo', 'ManagementClient.get_user_mfa_info',
    ]);
    expect(m.parameters.map((p) => p.name)).toEqual(['userId', 'userIdType']);
    expect(m.response.type).toEqual({ kind: 'ref', name: 'UserMfaSingleRespDto' });
    // the tables agree but for one real difference: csharp's and php's pages lack `sync_relation`
    const d = r.diagnostics.filter((x) => x.code === 'md-merge-disagreement');
    expect(d.map((x) => x.location?.file.split('/')[4]).sort()).toEqual(['csharp', 'php']);
    for (const x of d) expect(x.message).toMatch(/userIdType.*sync_relation\) on the node page/);
  });

  it('reports disagreeing language pages, naming both places', async () => {
    // csharp's page of build-authorize-url lists fewer parameters than node's
    const files = ['node', 'csharp'].map((l) => rel(join(CORPUS_ZH, l, 'authentication/登录/build-authorize-url.md')));
    const r = await ingest(files, { cwd: ROOT });
    const d = r.diagnostics.filter((x) => x.code === 'md-merge-disagreement');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.location?.file).toContain('/csharp/');
    expect(d[0]!.related?.[0]?.location.file).toContain('/node/');
  });

  it('reports a DTO defined differently on two pages, with both places', async () => {
    // genauth-en's get-user-groups.md defines UserDto with fewer fields than create-user.md and get-user.md
    const dir = join(CORPUS_EN, 'node/management/管理用户');
    const files = ['create-user.md', 'get-user.md', 'get-user-groups.md'].map((f) => rel(join(dir, f)));
    const r = await ingest(files, { cwd: ROOT });
    const d = r.diagnostics.find((x) => x.code === 'ir-conflicting-type' && x.message.startsWith('UserDto'))!;
    expect(d.location?.file).toContain('get-user-groups.md');
    expect(d.related?.[0]?.location.file).toMatch(/create-user\.md|get-user\.md/);
    expect(type(r.api, 'UserDto').source.file).not.toContain('get-user-groups.md');
  });

  it('reports the management copy of an authentication page (ManagementClient.getProfile) and drops it', async () => {
    const files = [
      rel(join(CORPUS_ZH, 'node/management/用户资料/get-profile.md')),
      ...['node', 'python', 'java'].map((l) => rel(join(CORPUS_ZH, l, 'authentication/用户资料/get-profile.md'))),
      ...['update-profile.md', 'bind-email.md'].map((f) => rel(join(CORPUS_ZH, 'node/authentication/用户资料', f))),
    ];
    const r = await ingest(files, { cwd: ROOT });
    const d = r.diagnostics.find((x) => x.code === 'md-client-conflict')!;
    expect(d.message).toContain('ManagementClient.getProfile');
    expect(d.location?.file).toContain('node/management/用户资料/get-profile.md');
    expect(r.api.clients.map((c) => c.name)).toEqual(['AuthenticationClient']);
  });

  it('reports a sample JSON that does not parse, at its line', () => {
    const text = readFileSync(join(CORPUS_ZH, 'node/management/管理用户/get-user-mfa-info.md'), 'utf8').replace('"statusCode": 200,', '"statusCode": 200,,');
    const page = parsePage('x/get-user-mfa-info.md', text);
    const d = page.diagnostics.find((x) => x.code === 'md-sample-json-invalid')!;
    const line = text.split('\n').findIndex((l) => l.includes('"statusCode": 200,,')) + 1;
    expect(d.location).toMatchObject({ line });
    expect(page.method!.sample).toBeUndefined();
  });
});

describe('determinism', () => {
  it('two runs over docs-input give byte-identical JSON', async () => {
    const a = stableStringify((await ingest(['docs-input'], { cwd: ROOT })).api);
    const b = stableStringify((await ingest(['docs-input'], { cwd: ROOT })).api);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(1000);
  });
});
