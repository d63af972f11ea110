// The runtime's request building against a real node:http server: verb, path, query, bodies, headers, hooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type OperationSpec, type RequestContext } from '../../../../generator/emit/sdk/runtime/index.js';
import { sendJson, startServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const ok = { statusCode: 200, message: 'ok', data: { done: true } };

describe('HttpClient request building', () => {
  it('sends the verb and path, and returns the parsed envelope', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const op: OperationSpec = { id: 'T.get_user_mfa_info', method: 'GET', path: '/api/v3/get-user-mfa-info', params: [] };
    const result = await http.request<typeof ok>(op, undefined);
    expect(result).toEqual(ok);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url).toBe('/api/v3/get-user-mfa-info');
  });

  it('encodes the query: arrays as repeated keys, scalars stringified, undefined and null left out', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const op: OperationSpec = {
      id: 'T.list_users',
      method: 'GET',
      path: '/api/v3/list-users',
      params: [
        { key: 'userIds', name: 'userIds', in: 'query' },
        { key: 'withCustomData', name: 'withCustomData', in: 'query' },
        { key: 'limit', name: 'limit', in: 'query' },
        { key: 'keywords', name: 'keywords', in: 'query' },
        { key: 'skipped', name: 'skipped', in: 'query' },
        { key: 'nothing', name: 'nothing', in: 'query' },
        { key: 'userType', name: 'user-type', in: 'query' },
      ],
    };
    await http.request(op, { userIds: ['a', 'b&c'], withCustomData: false, limit: 10, keywords: 'x y/ü', skipped: undefined, nothing: null, userType: 'admin' });
    const url = new URL(server.requests[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/v3/list-users');
    expect(url.searchParams.getAll('userIds')).toEqual(['a', 'b&c']);
    expect(url.searchParams.get('withCustomData')).toBe('false');
    expect(url.searchParams.get('limit')).toBe('10');
    expect(url.searchParams.get('keywords')).toBe('x y/ü');
    expect(url.searchParams.get('user-type')).toBe('admin');
    expect(url.searchParams.has('skipped')).toBe(false);
    expect(url.searchParams.has('nothing')).toBe(false);
    expect([...url.searchParams.keys()]).toHaveLength(6);
  });

  it('URL-encodes path params and never lets them climb the path', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: `${server.host}/base/` });
    const op: OperationSpec = {
      id: 'T.get_thing',
      method: 'DELETE',
      path: '/things/{thing-id}/parts/{part}',
      params: [
        { key: 'thingId', name: 'thing-id', in: 'path' },
        { key: 'part', name: 'part', in: 'path' },
      ],
    };
    await http.request(op, { thingId: 'a/b ?#', part: 'x.y' });
    expect(server.requests[0]?.method).toBe('DELETE');
    expect(server.requests[0]?.url).toBe('/base/things/a%2Fb%20%3F%23/parts/x.y');
    // URL parsers resolve `..` even when written %2E%2E, so the runtime refuses it before sending.
    await expect(http.request(op, { thingId: 'a', part: '..' })).rejects.toThrow(/part: path parameter \{part\} cannot be "\.\."/);
    expect(server.requests).toHaveLength(1);
    await expect(http.request(op, { part: 'x' })).rejects.toThrow(/thingId: path parameter \{thing-id\} is required/);
  });

  it("gathers 'body' params into one JSON object body, by wire name", async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const op: OperationSpec = {
      id: 'T.reset_factor',
      method: 'POST',
      path: '/api/v3/reset-factor',
      params: [
        { key: 'userId', name: 'userId', in: 'body' },
        { key: 'factorType', name: 'factor_type', in: 'body' },
        { key: 'options', name: 'options', in: 'body' },
        { key: 'absent', name: 'absent', in: 'body' },
        { key: 'lang', name: 'lang', in: 'query' },
      ],
    };
    await http.request(op, { userId: 'u1', factorType: 'OTP', options: { deep: [1, { x: true }] }, lang: 'en-US' });
    const req = server.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/api/v3/reset-factor?lang=en-US');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body.toString('utf8') ?? '')).toEqual({ userId: 'u1', factor_type: 'OTP', options: { deep: [1, { x: true }] } });
  });


  it('sends a convenience call: fixed members, and params inside the member they belong to', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const op: OperationSpec = {
      id: 'T.sign_in_by_ad',
      method: 'POST',
      path: '/api/v3/signin',
      params: [
        { key: 'sAMAccountName', name: 'sAMAccountName', in: 'body', at: ['adPayload'] },
        { key: 'password', name: 'password', in: 'body', at: ['adPayload'] },
        { key: 'deep', name: 'deep', in: 'body', at: ['a', '__proto__'] },
        { key: 'options', name: 'options', in: 'body' },
      ],
      fixedBody: { connection: 'AD' },
    };
    await http.request(op, { sAMAccountName: 'test', password: 'passw0rd', options: { passwordEncryptType: 'none' } });
    expect(JSON.parse(server.requests[0]?.body.toString('utf8') ?? '')).toEqual({ connection: 'AD', adPayload: { sAMAccountName: 'test', password: 'passw0rd' }, options: { passwordEncryptType: 'none' } });
    // a member named like a prototype key stays an own member; nothing reaches Object.prototype
    await http.request(op, { deep: 1 });
    expect(server.requests[1]?.body.toString('utf8')).toBe('{"connection":"AD","a":{"__proto__":{"deep":1}}}');
    expect(({} as Record<string, unknown>)['deep']).toBeUndefined();
    // with no argument, the fixed members still go
    await http.request(op, {});
    expect(JSON.parse(server.requests[2]?.body.toString('utf8') ?? '')).toEqual({ connection: 'AD' });
  });

  it("never changes the caller's object when a param goes inside a member the caller also gave", async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const op: OperationSpec = {
      id: 'T.nested',
      method: 'POST',
      path: '/x',
      params: [
        { key: 'payload', name: 'payload', in: 'body' },
        { key: 'code', name: 'code', in: 'body', at: ['payload'] },
      ],
    };
    const payload = { email: 'a@b.c' };
    await http.request(op, { payload, code: '1234' });
    expect(JSON.parse(server.requests[0]?.body.toString('utf8') ?? '')).toEqual({ payload: { email: 'a@b.c', code: '1234' } });
    expect(payload).toEqual({ email: 'a@b.c' });
  });
  it('sends whole-body arguments as json, form, text, binary and multipart', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const http = new HttpClient({ host: server.host });
    const spec = (encoding: 'json' | 'form' | 'text' | 'binary' | 'multipart', contentType: string): OperationSpec => ({
      id: `T.upload_${encoding}`,
      method: 'PUT',
      path: '/upload',
      params: [],
      body: { key: 'body', encoding, contentType },
    });
    await http.request(spec('json', 'application/merge-patch+json'), { body: [1, 'two'] });
    await http.request(spec('form', 'application/x-www-form-urlencoded'), { body: { grant_type: 'client_credentials', scope: ['a', 'b c'] } });
    await http.request(spec('text', 'text/plain'), { body: 'hello ${x} */' });
    await http.request(spec('binary', 'application/octet-stream'), { body: new Uint8Array([0, 1, 254, 255]) });
    await http.request(spec('multipart', 'multipart/form-data'), { body: { name: 'avatar', file: new Blob(['PNGDATA'], { type: 'image/png' }) } });
    const [json, form, text, binary, multipart] = server.requests;
    expect(json?.headers['content-type']).toBe('application/merge-patch+json');
    expect(JSON.parse(json?.body.toString() ?? '')).toEqual([1, 'two']);
    expect(form?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form?.body.toString()).toBe('grant_type=client_credentials&scope=a&scope=b+c');
    expect(text?.headers['content-type']).toBe('text/plain');
    expect(text?.body.toString()).toBe('hello ${x} */');
    expect(binary?.headers['content-type']).toBe('application/octet-stream');
    expect([...(binary?.body ?? [])]).toEqual([0, 1, 254, 255]);
    expect(multipart?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const parts = multipart?.body.toString() ?? '';
    expect(parts).toContain('name="name"\r\n\r\navatar');
    // a Blob that is not a File is named after its field
    expect(parts).toContain('name="file"; filename="file"\r\nContent-Type: image/png\r\n\r\nPNGDATA');
  });

  it('merges client, param, per-request and hook headers, in that order of precedence', async () => {
    server.handle((_req, res) => sendJson(res, 200, ok));
    const seen: { before: string[]; after: number[] } = { before: [], after: [] };
    const http = new HttpClient({
      host: server.host,
      headers: { 'x-client': 'c', 'x-overridden': 'client' },
      hooks: {
        beforeRequest: (ctx: RequestContext) => {
          seen.before.push(`${ctx.operationId}#${ctx.attempt}`);
          ctx.headers.set('x-hook', 'h');
        },
        afterResponse: async (_ctx, response) => {
          seen.after.push(response.status);
          await response.text(); // reading the clone must not starve the runtime
        },
      },
    });
    const op: OperationSpec = {
      id: 'T.h',
      method: 'GET',
      path: '/h',
      params: [
        { key: 'tenant', name: 'x-tenant-id', in: 'header' },
        { key: 'session', name: 'session', in: 'cookie' },
      ],
    };
    const result = await http.request(op, { tenant: 't1', session: 'a b;c' }, { headers: { 'x-overridden': 'request' } });
    expect(result).toEqual(ok);
    const headers = server.requests[0]?.headers;
    expect(headers?.['x-client']).toBe('c');
    expect(headers?.['x-overridden']).toBe('request');
    expect(headers?.['x-tenant-id']).toBe('t1');
    expect(headers?.['cookie']).toBe('session=a%20b%3Bc');
    expect(headers?.['x-hook']).toBe('h');
    expect(headers?.['accept']).toBe('application/json');
    expect(seen).toEqual({ before: ['T.h#1'], after: [200] });
  });

  it('uses an injected fetch, and a host without a scheme means https', async () => {
    const urls: string[] = [];
    const http = new HttpClient({
      host: 'api.example.test/',
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify(ok), { headers: { 'content-type': 'application/json' } });
      },
    });
    const result = await http.request({ id: 'T.x', method: 'GET', path: '/api/v3/x', params: [] }, {});
    expect(result).toEqual(ok);
    expect(urls).toEqual(['https://api.example.test/api/v3/x']);
  });

  it('returns text and empty bodies as they are', async () => {
    server.handle((req, res) => {
      if (req.url === '/empty') {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
    });
    const http = new HttpClient({ host: server.host });
    expect(await http.request({ id: 'T.text', method: 'GET', path: '/text', params: [] }, {})).toBe('plain words');
    expect(await http.request({ id: 'T.empty', method: 'DELETE', path: '/empty', params: [] }, {})).toBeUndefined();
  });
});
