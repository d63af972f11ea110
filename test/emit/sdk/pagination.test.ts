import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ZH, hasCorpus } from '../../helpers/shared.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

type Paged = AsyncIterable<Record<string, unknown>> & PromiseLike<unknown> & { pages(): AsyncIterable<unknown> };
type Client = Record<string, (params?: object, options?: object) => Paged>;
type Sdk = { ManagementClient: new (o: object) => Client; AbortError: new () => Error; ApiError: new () => Error };

/**
 * Paging through the corpus's list methods with the generated SDK, against a real server that
 * holds the data in pages: `listRoles` (GET, `page`/`limit` in the query) and `listUsers` (POST,
 * `options.pagination.page` in the body). Both pages read `data.totalCount` and `data.list`.
 */
describe.skipIf(!hasCorpus)('pagination of the corpus list methods, on the wire', { timeout: 180_000 }, () => {
  const dir = tempDir('sdk-pagination');
  const sdkDir = join(dir, 'sdk');
  let server: TestServer;
  let sdk: Sdk;

  beforeAll(async () => {
    const pages = join(dir, 'pages');
    for (const page of ['管理角色/list-roles.md', '管理用户/list-users.md']) {
      mkdirSync(join(pages, 'node/management', page, '..'), { recursive: true });
      cpSync(join(CORPUS_ZH, 'node/management', page), join(pages, 'node/management', page));
    }
    const built = await buildFrom([pages], ['sdk']);
    const listRoles = built.ingest.api.clients.flatMap((c) => c.methods).find((m) => m.id === 'list_roles')!;
    expect(listRoles.pagination).toMatchObject({ kind: 'page', rule: 'page-total-list', page: ['page'], size: ['limit'], items: ['data', 'list'], total: ['data', 'totalCount'] });
    writeFiles(dir, sdkFiles(built.files));
    // typed by item: a role has a string code, a user a string userId
    writeFileSync(
      join(sdkDir, 'usage.ts'),
      `import { ManagementClient, type RoleDto } from './src/index.js';
const client = new ManagementClient({ accessKeyId: 'a', accessKeySecret: 's' });
export async function codes(): Promise<string[]> {
  const out: string[] = [];
  for await (const role of client.listRoles({ limit: 3 })) { const r: RoleDto = role; out.push(r.code); }
  for await (const user of client.listUsers({ options: { pagination: { limit: 2 } } })) out.push(user.userId);
  const first = await client.listRoles({ limit: 3 });
  out.push(String(first.data?.totalCount));
  // @ts-expect-error an item is not the page
  for await (const role of client.listRoles()) role.data;
  return out;
}
`,
    );
    expect(typeCheck(sdkDir, [join(sdkDir, 'usage.ts')])).toEqual([]);
    expect(compile(sdkDir)).toEqual([]);
    sdk = (await import(pathToFileURL(join(sdkDir, 'dist/index.js')).href)) as Sdk;
    server = await startServer();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  const ROLES = Array.from({ length: 7 }, (_, i) => ({ code: `role${i + 1}`, name: `Role ${i + 1}`, namespace: 'default' }));
  /** The server's side of listRoles: `page` (from 1) and `limit` from the query, the slice of ROLES. */
  const rolesPage = (url: string) => {
    const q = new URL(url, 'http://x').searchParams;
    const page = Number(q.get('page') ?? 1);
    const limit = Number(q.get('limit') ?? 10);
    return { statusCode: 200, message: 'ok', data: { totalCount: ROLES.length, list: ROLES.slice((page - 1) * limit, page * limit) } };
  };
  const client = () => new sdk.ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk', host: server.host, retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } });

  it('listRoles: for await yields every role of 3 pages, then stops (the total is reached)', async () => {
    server.handle((req, res) => sendJson(res, 200, rolesPage(req.url)));
    const codes: string[] = [];
    for await (const role of client().listRoles!({ limit: 3 })) codes.push(role.code as string);
    expect(codes).toEqual(ROLES.map((r) => r.code));
    expect(server.requests.map((r) => new URL(r.url, 'http://x').search)).toEqual(['?limit=3', '?page=2&limit=3', '?page=3&limit=3']);
  });

  it('awaited, it is the first page; .pages() gives the pages', async () => {
    server.handle((req, res) => sendJson(res, 200, rolesPage(req.url)));
    const first = (await client().listRoles!({ limit: 3 })) as { data: { list: unknown[] } };
    expect(first.data.list).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
    const sizes: number[] = [];
    for await (const page of client().listRoles!({ limit: 3, page: 2 }).pages()) sizes.push((page as { data: { list: unknown[] } }).data.list.length);
    expect(sizes).toEqual([3, 1]);
  });

  it('stops at an empty page or a short one even without a total', async () => {
    server.handle((req, res) => {
      const body = rolesPage(req.url);
      sendJson(res, 200, { ...body, data: { list: body.data.list } });
    });
    const codes: string[] = [];
    for await (const role of client().listRoles!({ limit: 3 })) codes.push(role.code as string);
    expect(codes).toHaveLength(7);
    expect(server.requests).toHaveLength(3);
  });

  it('a failed page is retried by the retry policy; the iteration goes on', async () => {
    server.handle((req, res, index) => (index === 1 ? sendJson(res, 503, { message: 'busy' }) : sendJson(res, 200, rolesPage(req.url))));
    const codes: string[] = [];
    for await (const role of client().listRoles!({ limit: 3 })) codes.push(role.code as string);
    expect(codes).toHaveLength(7);
    expect(server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual([null, '2', '2', '3']);
  });

  it('the abort signal ends the iteration: no request after it fired', async () => {
    server.handle((req, res) => sendJson(res, 200, rolesPage(req.url)));
    const controller = new AbortController();
    const codes: string[] = [];
    const run = async () => {
      for await (const role of client().listRoles!({ limit: 3 }, { signal: controller.signal })) {
        codes.push(role.code as string);
        if (codes.length === 3) controller.abort(new Error('enough'));
      }
    };
    await expect(run()).rejects.toBeInstanceOf(sdk.AbortError);
    expect(codes).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
  });

  it('listUsers: the page number travels in the JSON body (options.pagination.page), the caller\'s params untouched', async () => {
    const USERS = Array.from({ length: 5 }, (_, i) => ({ userId: `u${i + 1}`, status: 'Activated' }));
    server.handle((req, res) => {
      const body = JSON.parse(req.body.toString('utf8')) as { options?: { pagination?: { page?: number; limit?: number } } };
      const page = body.options?.pagination?.page ?? 1;
      const limit = body.options?.pagination?.limit ?? 10;
      sendJson(res, 200, { statusCode: 200, message: 'ok', data: { totalCount: USERS.length, list: USERS.slice((page - 1) * limit, page * limit) } });
    });
    const params = { options: { pagination: { limit: 2 } } };
    const ids: string[] = [];
    for await (const user of client().listUsers!(params)) ids.push(user.userId as string);
    expect(ids).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(server.requests.map((r) => JSON.parse(r.body.toString('utf8')))).toEqual([
      { options: { pagination: { limit: 2 } } },
      { options: { pagination: { limit: 2, page: 2 } } },
      { options: { pagination: { limit: 2, page: 3 } } },
    ]);
    expect(params).toEqual({ options: { pagination: { limit: 2 } } });
  });
});
