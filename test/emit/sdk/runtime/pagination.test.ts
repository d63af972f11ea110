// The runtime's pagination against a real node:http server: cursors, Link headers, the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, nextLink, SdkError, type OperationSpec } from '../../../../generator/emit/sdk/runtime/index.js';
import { sendJson, startServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const EVENTS = Array.from({ length: 5 }, (_, i) => ({ id: `e${i + 1}` }));

describe('runtime pagination', () => {
  it('cursor: the response field gives the next cursor; no cursor, no next page', async () => {
    server.handle((req, res) => {
      const cursor = new URL(req.url, server.host).searchParams.get('cursor');
      const start = cursor ? Number(cursor) : 0;
      const next = start + 2 < EVENTS.length ? String(start + 2) : null;
      sendJson(res, 200, { events: EVENTS.slice(start, start + 2), next_cursor: next });
    });
    const op: OperationSpec = {
      id: 'Events.list',
      method: 'GET',
      path: '/events',
      params: [{ key: 'cursor', name: 'cursor', in: 'query' }],
      pagination: { kind: 'cursor', cursor: ['cursor'], nextCursor: ['next_cursor'], items: ['events'] },
    };
    const ids: string[] = [];
    for await (const e of new HttpClient({ host: server.host }).paginated<unknown, { id: string }>(op, {})) ids.push(e.id);
    expect(ids).toEqual(EVENTS.map((e) => e.id));
    expect(server.requests.map((r) => r.url)).toEqual(['/events', '/events?cursor=2', '/events?cursor=4']);
  });

  it('link: a next page on another origin is refused, never sent credentials', async () => {
    server.handle((_req, res) => sendJson(res, 200, [{ id: 1 }], { link: '<https://elsewhere.example/x?page=2>; rel="next"' }));
    const op: OperationSpec = { id: 'X.list', method: 'GET', path: '/x', params: [], pagination: { kind: 'link', items: [] } };
    const run = async () => {
      for await (const _ of new HttpClient({ host: server.host }).paginated(op, {})) void _;
    };
    await expect(run()).rejects.toBeInstanceOf(SdkError);
    expect(server.requests).toHaveLength(1);
  });

  it('reads Link headers as RFC 8288 writes them', () => {
    expect(nextLink('<https://a.example/x?page=2>; rel="next", <https://a.example/x?page=9>; rel="last"', 'https://a.example')?.href).toBe('https://a.example/x?page=2');
    expect(nextLink('</x?page=3>; rel=next', 'https://a.example/y')?.href).toBe('https://a.example/x?page=3');
    expect(nextLink('<https://a.example/x?page=1>; rel="prev first"', 'https://a.example')).toBeUndefined();
    expect(nextLink(null, 'https://a.example')).toBeUndefined();
  });
});
