import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../generator/ingest/index.js';
import type { Api, Method } from '../../generator/ir/types.js';
import { CORPUS_ZH, DOCS_INPUT, ROOT, hasCorpus } from '../helpers/shared.js';

/** Pagination as the IR records it, with the evidence that decided it, on real inputs. */
const methods = (api: Api): Method[] => api.clients.flatMap((c) => c.methods);
const GITHUB = join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');

describe('pagination detection', { timeout: 120_000 }, () => {
  it('docs-input: a list with its total but no page parameter is not paginated', async () => {
    const api = (await ingest([DOCS_INPUT], { cwd: ROOT })).api;
    const m = methods(api).find((x) => x.id === 'get_user_principal_authentication_info')!;
    expect(m.response.type).toEqual({ kind: 'ref', name: 'PrincipalAuthenticationInfoPaginatedRespDto' });
    expect(methods(api).filter((x) => x.pagination)).toEqual([]);
  });

  it.skipIf(!hasCorpus)('corpus: page/limit parameters (top level or nested) and data.list beside data.totalCount', async () => {
    const api = (await ingest([CORPUS_ZH], { cwd: ROOT, cache: true })).api;
    const paged = methods(api).filter((m) => m.pagination);
    expect(paged.length).toBeGreaterThanOrEqual(50);
    expect(paged.every((m) => m.pagination!.rule === 'page-total-list')).toBe(true);
    const roles = paged.find((m) => m.id === 'list_roles')!;
    expect(roles.pagination).toMatchObject({ kind: 'page', page: ['page'], firstPage: 1, size: ['limit'], items: ['data', 'list'], total: ['data', 'totalCount'], item: { kind: 'ref', name: 'RoleDto' } });
    // each fact with the line that states it
    expect(roles.pagination!.evidence.map((e) => e.fact)).toEqual(['page number parameter page (number)', 'page size parameter limit (number)', 'response list data.list', 'response total data.totalCount']);
    const page = roles.parameters.find((p) => p.name === 'page')!;
    expect(roles.pagination!.evidence[0]!.source).toEqual(page.source);
    const users = paged.find((m) => m.id === 'list_users')!;
    expect(users.pagination).toMatchObject({ page: ['options', 'pagination', 'page'], size: ['options', 'pagination', 'limit'], item: { kind: 'ref', name: 'UserDto' } });
  });

  it.skipIf(!existsSync(GITHUB))("GitHub: the Link header of list endpoints; search's total_count and items", async () => {
    const api = (await ingest([GITHUB], { cwd: ROOT })).api;
    const byPath = (verb: string, path: string) => methods(api).find((m) => m.http.verb === verb && m.http.path === path)!;
    const issues = byPath('GET', '/repos/{owner}/{repo}/issues');
    expect(issues.response.headers?.map((h) => h.name)).toContain('Link');
    expect(issues.pagination).toMatchObject({ kind: 'link', rule: 'link-header', page: ['page'], size: ['per_page'], items: [], item: { kind: 'ref', name: 'Issue' } });
    expect(issues.pagination!.evidence[0]).toMatchObject({ fact: "response header Link (the next page's URL)", source: { file: 'node_modules/@octokit/openapi/generated/api.github.com.json' } });
    expect(byPath('GET', '/repos/{owner}/{repo}/actions/runs').pagination).toMatchObject({ kind: 'link', items: ['workflow_runs'], item: { kind: 'ref', name: 'WorkflowRun' } });
    expect(byPath('GET', '/search/repositories').pagination).toMatchObject({ kind: 'page', items: ['items'], total: ['total_count'] });
    // one object, not a list: no pagination
    expect(byPath('GET', '/repos/{owner}/{repo}').pagination).toBeUndefined();
    expect(methods(api).filter((m) => m.pagination).length).toBeGreaterThan(190);
  });

  it('a cursor parameter echoed by the response (next_cursor) is cursor pagination', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-cursor-'));
    try {
      const spec = {
        openapi: '3.0.3',
        info: { title: 'Events', version: '1' },
        paths: {
          '/events': {
            get: {
              operationId: 'listEvents',
              parameters: [
                { name: 'cursor', in: 'query', schema: { type: 'string' } },
                { name: 'limit', in: 'query', schema: { type: 'integer' } },
              ],
              responses: {
                '200': {
                  description: 'a page of events',
                  content: { 'application/json': { schema: { type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Event' } }, next_cursor: { type: 'string', nullable: true } } } } },
                },
              },
            },
          },
        },
        components: { schemas: { Event: { type: 'object', properties: { id: { type: 'string' } } } } },
      };
      writeFileSync(join(dir, 'events.json'), JSON.stringify(spec, null, 2));
      const api = (await ingest(['events.json'], { cwd: dir })).api;
      expect(methods(api)[0]!.pagination).toMatchObject({ kind: 'cursor', rule: 'cursor-echo', cursor: ['cursor'], nextCursor: ['next_cursor'], items: ['events'], item: { kind: 'ref', name: 'Event' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
