import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import { QUERY_VERBS, isQueryable, verbRule } from '../../../generator/ingest/docs/http-rule.js';
import { fileStemOfPath } from '../../../generator/formats/page-file-path.js';
import type { Field, Method } from '../../../generator/ir/types.js';
import { splitWords } from '../../../generator/naming/words.js';
import { CORPUS_ZH, DOCS_INPUT, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * The HTTP rule (generator/ingest/docs/http-rule.ts) measured against the real Authing V3 API:
 * verbs and paths as the published Go SDK sends them (test/fixtures/real-api). A method is compared
 * when the corpus and the SDK both have it (same client, same canonical snake-case id).
 */
interface Endpoint {
  client: string;
  method: string;
  id: string;
  verb: string;
  path: string;
}
const REAL: Endpoint[] = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real-api/authing-v3-endpoints.json'), 'utf8')).endpoints;
const realOf = (m: Method): Endpoint | undefined => REAL.find((e) => e.client === m.client && e.id === m.id);

/** The simple rule the issue quotes (query name + scalar parameters → GET), as the "before". */
const simpleRuleGets = (m: Method): boolean => QUERY_VERBS.has(m.words[0] ?? '') && m.parameters.every((p) => isQueryable(p.type));

const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)} %`;

describe('the real endpoint table', () => {
  it('has one canonical id per SDK method; the API uses GET and POST, and DELETE once', () => {
    expect(REAL.length).toBeGreaterThan(600);
    for (const e of REAL) {
      expect(e.id).toBe(splitWords(e.method).join('_'));
      expect(e.path.startsWith('/api/v3/')).toBe(true);
    }
    const verbs = new Set(REAL.map((e) => e.verb));
    expect([...verbs].sort()).toEqual(['DELETE', 'GET', 'POST', 'PUT']);
    // the docs corpus has one DELETE, whose pages cannot tell it from a GET (its overrides entry)
    expect(REAL.filter((e) => e.verb === 'DELETE' && e.path === '/api/v3/batch-applications-auth').map((e) => e.id)).toEqual(['delete_auth']);
  });
});

describe('the verb rule on names and parameters', () => {
  const f = (name: string, kind: 'string' | 'array', required = true): Field => ({
    name,
    required,
    type: kind === 'string' ? { kind: 'string' } : { kind: 'array', items: { kind: 'string' } },
    source: { file: 'x.md', line: 1, column: 1 },
  });
  it('a query name with scalar parameters is a GET; with an object parameter a POST', () => {
    expect(verbRule(['get', 'user', 'mfa', 'info'], [f('userId', 'string')])).toBe('query-name-scalar-params');
    expect(verbRule(['list', 'roles'], [])).toBe('query-name-scalar-params');
    expect(verbRule(['get', 'user'], [{ ...f('options', 'string'), type: { kind: 'ref', name: 'Options' } }])).toBe('default-post');
    expect(verbRule(['reset', 'factor'], [f('factorId', 'string')])).toBe('default-post');
    expect(verbRule(['delete', 'users', 'batch'], [f('userIds', 'array')])).toBe('default-post');
  });
  it('a required list goes in the body unless the name is a batch lookup', () => {
    expect(verbRule(['get', 'user', 'permission', 'list'], [f('userIds', 'array'), f('namespaceCodes', 'array', false)])).toBe('required-list-in-body');
    expect(verbRule(['get', 'user', 'batch'], [f('userIds', 'array')])).toBe('query-name-scalar-params');
    expect(verbRule(['list', 'data', 'resources'], [f('namespaceCodes', 'array', false)])).toBe('query-name-scalar-params');
  });
});

describe('docs-input against the real API', async () => {
  const { api } = await ingest([rel(DOCS_INPUT)], { cwd: ROOT });
  it('the four seed methods get the real verb and path', () => {
    const methods = api.clients.flatMap((c) => c.methods);
    expect(methods).toHaveLength(4);
    for (const m of methods) {
      const real = realOf(m);
      expect(real, `${m.client}.${m.id} in the real table`).toBeDefined();
      expect(`${m.http.verb} ${m.http.path}`).toBe(`${real!.verb} ${real!.path}`);
    }
  });
});

describe.skipIf(!hasCorpus)('verbs over the corpus, against the real API', async () => {
  const { api, diagnostics } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const methods = api.clients.flatMap((c) => c.methods);
  const pairs = methods.flatMap((m) => {
    const real = realOf(m);
    return real ? [{ m, real }] : [];
  });
  const n = pairs.length;
  const label = (m: Method): string => (m.http.verbOrigin.kind === 'rule' ? m.http.verbOrigin.rule : m.http.verbOrigin.kind === 'evidence' ? m.http.verbOrigin.evidence : m.http.verbOrigin.kind);

  it('compares enough methods to mean something', () => {
    console.log(`verbs: ${n} of ${methods.length} corpus methods are in the real table`);
    expect(n).toBeGreaterThan(400);
  });

  it('reads 99 % of the verbs right from what the pages show, before any override', () => {
    const verbs = pairs.filter(({ m, real }) => m.http.verb === real.verb).length;
    const nameRule = pairs.filter(({ m, real }) => (verbRule(m.words, m.parameters) === 'query-name-scalar-params' ? 'GET' : 'POST') === real.verb).length;
    const simple = pairs.filter(({ m, real }) => (simpleRuleGets(m) ? 'GET' : 'POST') === real.verb).length;
    console.log(`verbs: ${verbs}/${n} (${pct(verbs, n)}) right; the name rule alone ${nameRule}/${n} (${pct(nameRule, n)}), the simple rule ${simple}/${n} (${pct(simple, n)})`);
    const misses = pairs.filter(({ m, real }) => m.http.verb !== real.verb);
    for (const { m, real } of misses) console.log(`  miss ${m.client}.${m.id}: ${m.http.verb} (${label(m)}), real ${real.verb}`);
    expect(verbs / n).toBeGreaterThanOrEqual(0.99);
    // what is left: a DELETE (its rows are query-string rows, as a GET's) and three methods whose
    // pages have no parameter and so show nothing; the overrides file settles them (below)
    expect(misses.map(({ m }) => m.id).sort()).toEqual(['delete_auth', 'init_authentication_options', 'init_register_options', 'userpoll_tenant_config']);
  });

  it('records the evidence that decided each verb; the row layout decides most', () => {
    const byOrigin = new Map<string, number>();
    for (const m of methods) byOrigin.set(label(m), (byOrigin.get(label(m)) ?? 0) + 1);
    console.log(`verbs by evidence: ${[...byOrigin].map(([r, c]) => `${r} ${c}`).join(', ')}`);
    for (const m of methods) {
      expect(['GET', 'POST']).toContain(m.http.verb);
      const o = m.http.verbOrigin;
      if (o.kind === 'evidence') expect(['row-layout', 'request-type-line', 'sample-request-body', 'parameter-shape', 'convenience-call']).toContain(o.evidence);
      else expect(o).toMatchObject({ kind: 'rule', rule: expect.stringMatching(/^(query-name-scalar-params|required-list-in-body|default-post)$/) });
      if (m.http.pathOrigin.kind === 'rule') expect(['api-v3-file-name', 'file-name-outside-base']).toContain(m.http.pathOrigin.rule);
    }
    expect(byOrigin.get('row-layout')).toBeGreaterThan(400);
    // the row layout is right wherever the real table has the method
    const byRows = pairs.filter(({ m }) => label(m) === 'row-layout');
    expect(byRows.filter(({ m, real }) => m.http.verb !== real.verb).map(({ m }) => m.id)).toEqual(['delete_auth']);
    // a GET's query-string rows and a POST's body rows, as the pages show them
    const get = methods.find((m) => m.id === 'get_post' && m.client === 'ManagementClient')!;
    expect(get.http).toMatchObject({ verb: 'GET', verbOrigin: { kind: 'evidence', evidence: 'row-layout' } });
    expect(get.parameters.every((p) => p.in === 'query')).toBe(true);
    const post = methods.find((m) => m.id === 'get_post_by_id')!;
    expect(post.http).toMatchObject({ verb: 'POST', verbOrigin: { kind: 'evidence', evidence: 'row-layout' } });
    expect(post.parameters.every((p) => p.in === 'body')).toBe(true);
    // the name rule would have said GET for getPostById and POST for postList
    expect(verbRule(post.words, post.parameters)).toBe('query-name-scalar-params');
  });

  it('reads the paths from the pages: their file names, and the paths their text writes out', () => {
    const right = pairs.filter(({ m, real }) => m.http.path === real.path);
    const misses = pairs.filter(({ m, real }) => m.http.path !== real.path);
    console.log(`paths: ${right.length}/${n} (${pct(right.length, n)}) right from the pages alone`);
    // why each miss is a miss: the file name cannot tell a `-` of the path from a `/`
    // (metadata-create-field.md is /api/v3/metadata/create-field) ...
    const slash = misses.filter(({ m, real }) => fileStemOfPath(real.path) === fileStemOfPath(m.http.path));
    // ... the real SDKs give the name two pages share to the other page's endpoint
    // (delete-device.md and delete-device-by-user.md both say deleteDevice) ...
    const written = (m: Method): string | undefined => m.docs.find((d) => d.writtenName)?.writtenName;
    const sharedName = misses.filter(({ m, real }) => methods.some((o) => o !== m && o.client === m.client && o.http.path === real.path && written(o) === written(m)));
    for (const { m, real } of misses) console.log(`  path ${m.client}.${m.id}: ${m.http.path}, real ${real.path}`);
    expect(slash.length).toBe(34);
    expect(sharedName.map(({ m }) => m.id).sort()).toEqual(['delete_device', 'disable_device', 'enable_device', 'suspend_device']);
    expect(misses.length).toBe(slash.length + sharedName.length);
    // the floor: a change that loses a path the pages give fails here
    expect(right.length / n).toBeGreaterThanOrEqual(0.913);
  });

  it('records where each path came from: a path written in the text, else the file name', () => {
    const origin = (m: Method): string => (m.http.pathOrigin.kind === 'evidence' ? m.http.pathOrigin.evidence : m.http.pathOrigin.kind === 'rule' ? m.http.pathOrigin.rule : m.http.pathOrigin.kind);
    const byOrigin = new Map<string, Method[]>();
    for (const m of methods) byOrigin.set(origin(m), [...(byOrigin.get(origin(m)) ?? []), m]);
    console.log(`paths by evidence: ${[...byOrigin].map(([r, ms]) => `${r} ${ms.length}`).join(', ')}`);
    // `此接口只会返回一个岗位，已废弃，请使用 /api/v3/get-user-posts 接口` and three more, each
    // located where the pages write it; all four agree with the real API
    const mentioned = byOrigin.get('path-mention')!.map((m) => `${m.id} ${m.http.path}`).sort();
    expect(mentioned).toEqual(['get_user_posts /api/v3/get-user-posts', 'get_wechat_mp_access_token_info /api/v3/get-wechat-access-token-info', 'send_email /api/v3/send-email', 'send_sms /api/v3/send-sms']);
    for (const m of byOrigin.get('path-mention')!) expect(realOf(m)?.path).toBe(m.http.path);
    const posts = methods.find((m) => m.id === 'get_user_posts')!;
    expect(posts.http.pathOrigin).toEqual({ kind: 'evidence', evidence: 'path-mention', source: { file: `${rel(CORPUS_ZH)}/go/management/管理岗位/get-user-post.md`, line: 14, column: 21 } });
    // `-get-row-batch.md`: the docs generator writes a path outside /api/v3/ with its leading slash as a dash
    expect(methods.find((m) => m.id === 'get_row_batch1')!.http).toMatchObject({ path: '/get-row-batch', pathOrigin: { kind: 'rule', rule: 'file-name-outside-base' } });
    expect(byOrigin.get('api-v3-file-name')!.length).toBe(methods.length - 17);
    expect(diagnostics.filter((d) => d.code === 'md-path-mention-conflict')).toEqual([]);
  });

  it('reports the pages whose traces disagree, with themselves or with the method\'s other pages', () => {
    const where = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.location!.file.split('/').slice(-4).join('/')).sort();
    // csharp and php pages of listRoleAssignments still show body rows; four pages show query rows
    expect(where('md-verb-evidence-disagreement')).toEqual(['csharp/management/管理角色/list-role-assignments.md', 'php/management/管理角色/list-role-assignments.md']);
    const lra = methods.find((m) => m.id === 'list_role_assignments')!;
    expect(lra.http.verb).toBe('GET');
    // hand-edited copies: rows without the query indent but with the query type spacing
    expect(where('md-verb-evidence-conflict')).toContain('node/management/管理用户/get-user-mfa-status.md');
    const conflict = diagnostics.find((d) => d.code === 'md-verb-evidence-conflict' && d.location!.file.endsWith('node/management/管理用户/get-user-mfa-status.md'))!;
    expect(conflict).toMatchObject({ severity: 'warning', location: { line: 22 } });
  });
});

describe.skipIf(!hasCorpus)('the overrides file settles what the pages cannot show', async () => {
  const OVERRIDES = 'test/fixtures/real-api/http-overrides.json';
  const { api, diagnostics } = await ingest([rel(CORPUS_ZH), OVERRIDES], { cwd: ROOT });
  const methods = api.clients.flatMap((c) => c.methods);
  it('gives every corpus method in the real table its real verb, each override recorded as such', () => {
    const pairs = methods.flatMap((m) => {
      const real = realOf(m);
      return real ? [{ m, real }] : [];
    });
    expect(pairs.filter(({ m, real }) => m.http.verb !== real.verb)).toEqual([]);
    // paths: what the file names cannot tell (34 slash paths and metadata-export, whose page
    // names the method exportMeatdata) are overrides; what is left are the shared names the test
    // above explains
    const pathOverrides = methods.filter((m) => m.http.pathOrigin.kind === 'override');
    expect(pathOverrides).toHaveLength(35);
    for (const m of pathOverrides) expect(fileStemOfPath(m.http.path), `${m.id}: the override is the file name with slashes`).toBe(fileStemOfPath(`/api/v3/${m.docs[0]!.file.split('/').pop()!.replace(/\.md$/, '')}`));
    const pathMisses = pairs.filter(({ m, real }) => m.http.path !== real.path).map(({ m }) => m.id);
    console.log(`paths with the overrides: ${pairs.length - pathMisses.length}/${pairs.length} right`);
    expect(pathMisses.sort()).toEqual(['delete_device', 'disable_device', 'enable_device', 'suspend_device']);
    const overridden = methods.filter((m) => m.http.verbOrigin.kind === 'override').map((m) => `${m.client}.${m.id} ${m.http.verb} ${m.http.path}`);
    expect(overridden.sort()).toEqual([
      'AuthenticationClient.init_authentication_options GET /api/v3/webauthn/authentication',
      'AuthenticationClient.init_register_options GET /api/v3/webauthn/registration',
      'ManagementClient.delete_auth DELETE /api/v3/batch-applications-auth',
      'ManagementClient.userpoll_tenant_config GET /api/v3/userpool-tenant-config',
    ]);
    expect(diagnostics.filter((d) => d.code === 'md-override-invalid')).toEqual([]);
    // a DELETE sends its parameters in the query string
    expect(methods.find((m) => m.id === 'delete_auth')!.parameters.every((p) => p.in === 'query')).toBe(true);
  });
});
