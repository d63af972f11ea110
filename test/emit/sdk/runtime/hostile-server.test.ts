// Issue 10, items 12-15: what the runtime does not take from a server (or from its own options):
// redirects to another origin, empty or HTML success bodies, endless bodies, a negative
// Retry-After, a bad host or a header with a line break. Real node:http servers on 127.0.0.1.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_RETRY,
  HttpClient,
  InvalidRequestError,
  RedirectError,
  ResponseTooLargeError,
  SdkError,
  UnexpectedResponseError,
  parseRetryAfter,
  retryDelay,
  type OperationSpec,
  type RequestContext,
} from '../../../../generator/emit/sdk/runtime/index.js';
import { sendJson, startServer, type TestServer } from './test-server.js';

let api: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  [api, elsewhere] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), elsewhere.close()]);
});

const Dto = z.object({ statusCode: z.number(), data: z.object({ id: z.string() }) });
const post: OperationSpec = { id: 'T.create_user', method: 'POST', path: '/api/v3/create-user', params: [{ key: 'name', name: 'name', in: 'body' }], responseSchema: Dto };
const get: OperationSpec = { id: 'T.get_user', method: 'GET', path: '/api/v3/get-user', params: [], responseSchema: Dto };
const ok = { statusCode: 200, data: { id: 'u1' } };

/** Signs like the GenAuth auth does: headers computed from the URL it is about to call. */
const signed: string[] = [];
const sign = (ctx: RequestContext): void => {
  signed.push(`${ctx.method} ${ctx.url.pathname}`);
  ctx.headers.set('x-genauth-access-key-id', 'AK');
  ctx.headers.set('authorization', `GenAuth AK:${ctx.method}${ctx.url.pathname}`);
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

describe('redirects (item 12)', () => {
  it('a 307 to another origin is not followed: RedirectError, nothing reaches the other host', async () => {
    elsewhere.handle((_req, res) => sendJson(res, 200, ok));
    api.handle((_req, res) => res.writeHead(307, { location: `${elsewhere.host}/steal` }).end());
    const http = new HttpClient({ host: api.host, auth: sign, retry: 0 });
    const e = await rejection(http.request(post, { name: 'n' }));
    expect(e).toBeInstanceOf(RedirectError);
    expect(e).toMatchObject({ status: 307, location: `${elsewhere.host}/steal` });
    expect(elsewhere.requests).toEqual([]);
  });

  it('a same-origin redirect is followed and signed again for its path; 303 turns into a GET without body', async () => {
    signed.length = 0;
    api.handle((req, res) => {
      if (req.url === '/api/v3/create-user') res.writeHead(307, { location: '/api/v3/create-user-v2' }).end();
      else if (req.url === '/api/v3/create-user-v2') res.writeHead(303, { location: '/api/v3/result' }).end();
      else sendJson(res, 200, ok);
    });
    const http = new HttpClient({ host: api.host, auth: sign, retry: 0 });
    expect(await http.request(post, { name: 'n' })).toEqual(ok);
    expect(api.requests.map((r) => `${r.method} ${r.url} ${r.body.length > 0 ? 'body' : '-'} ${r.headers.authorization}`)).toEqual([
      'POST /api/v3/create-user body GenAuth AK:POST/api/v3/create-user',
      'POST /api/v3/create-user-v2 body GenAuth AK:POST/api/v3/create-user-v2',
      'GET /api/v3/result - GenAuth AK:GET/api/v3/result',
    ]);
    expect(signed).toEqual(['POST /api/v3/create-user', 'POST /api/v3/create-user-v2', 'GET /api/v3/result']);
  });

  it('redirects: none follows nothing; a redirect loop stops', async () => {
    api.handle((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const none = new HttpClient({ host: api.host, redirects: 'none', retry: 0 });
    expect(await rejection(none.request(get, undefined))).toBeInstanceOf(RedirectError);
    expect(api.requests).toHaveLength(1);
    const loop = new HttpClient({ host: api.host, retry: 0 });
    const e = await rejection(loop.request({ ...get, path: '/a' }, undefined));
    expect(e).toBeInstanceOf(RedirectError);
    expect((e as Error).message).toMatch(/more than 5 redirects/);
  });
});

describe('success bodies (item 13)', () => {
  it('an empty 200 for an operation that returns a DTO is an UnexpectedResponseError, not undefined', async () => {
    api.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end());
    const e = await rejection(new HttpClient({ host: api.host, retry: 0 }).request(get, undefined));
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e).toMatchObject({ status: 200, body: undefined });
  });

  it('an HTML 200 (a login wall, a proxy) is an UnexpectedResponseError carrying the page', async () => {
    api.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Sign in</body></html>'));
    const e = await rejection(new HttpClient({ host: api.host, retry: 0 }).request(get, undefined));
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', body: '<html><body>Sign in</body></html>' });
  });

  it('what the operation does return is accepted: nothing for an untyped result, 204, text for a string result', async () => {
    api.handle((_req, res) => res.writeHead(200).end());
    expect(await new HttpClient({ host: api.host }).request({ ...get, responseSchema: undefined }, undefined)).toBeUndefined();
    api.handle((_req, res) => res.writeHead(204).end());
    expect(await new HttpClient({ host: api.host }).request(get, undefined)).toBeUndefined();
    api.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('pong'));
    expect(await new HttpClient({ host: api.host }).request({ ...get, responseSchema: z.string() }, undefined)).toBe('pong');
  });
});

describe('response size (item 14)', () => {
  const big = (chunks: number, declared: boolean) => (_req: unknown, res: import('node:http').ServerResponse) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(chunks * chunk.length) } : {}) });
    let sent = 0;
    const pump = (): void => {
      while (sent < chunks) {
        sent++;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => (sent = chunks));
    pump();
  };

  it('a body over maxResponseBytes stops the read with ResponseTooLargeError, and is not retried', async () => {
    for (const declared of [true, false]) {
      api.handle(big(160, declared)); // 10 MiB
      const http = new HttpClient({ host: api.host, maxResponseBytes: 1024 * 1024, retry: { retries: 2, minDelayMs: 1 } });
      const e = await rejection(http.request(get, undefined));
      expect(e, `content-length ${declared}`).toBeInstanceOf(ResponseTooLargeError);
      expect(e).toMatchObject({ limit: 1024 * 1024 });
      expect(api.requests).toHaveLength(1);
    }
  });

  it('the limit counts the decoded bytes: a 10 KiB gzip body that inflates to 64 MiB stops at the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100 * 1024);
    api.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const http = new HttpClient({ host: api.host, maxResponseBytes: 1024 * 1024, retry: { retries: 2, minDelayMs: 1 } });
    expect(await rejection(http.request(get, undefined))).toBeInstanceOf(ResponseTooLargeError);
    expect(api.requests).toHaveLength(1);
  });

  it('the limit is per client and per call; 0 turns it off', async () => {
    api.handle((_req, res) => sendJson(res, 200, { ...ok, pad: 'x'.repeat(2048) }));
    const small = new HttpClient({ host: api.host, maxResponseBytes: 1024 });
    expect(await rejection(small.request(get, undefined))).toBeInstanceOf(ResponseTooLargeError);
    expect(await small.request(get, undefined, { maxResponseBytes: 0 })).toMatchObject(ok);
  });
});

describe('Retry-After and platform errors (item 15)', () => {
  it('Retry-After: -5 (or another non-date) is ignored: backoff, never an immediate retry; 0 waits the minimum', async () => {
    expect(parseRetryAfter('-5')).toBeUndefined();
    expect(parseRetryAfter('1e9')).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    const options = { ...DEFAULT_RETRY, minDelayMs: 300 };
    expect(retryDelay(1, '-5', options)).toBeGreaterThanOrEqual(150);
    expect(retryDelay(1, '0', options)).toBe(300);
    api.handle((_req, res, i) => (i === 0 ? sendJson(res, 503, { message: 'busy' }, { 'retry-after': '-5' }) : sendJson(res, 200, ok)));
    expect(await new HttpClient({ host: api.host, retry: { retries: 1, minDelayMs: 300 } }).request(get, undefined)).toEqual(ok);
    expect(api.requests[1]!.at - api.requests[0]!.at).toBeGreaterThanOrEqual(150);
  });

  it('a bad host and a header with a line break are SdkErrors (InvalidRequestError), not platform TypeErrors', async () => {
    let e: unknown;
    try {
      new HttpClient({ host: 'http://exa mple.com' });
    } catch (caught) {
      e = caught;
    }
    expect(e).toBeInstanceOf(InvalidRequestError);
    // URLs fetch can never call fail at once, not as network errors retried
    for (const host of ['https://user:secret@127.0.0.1:1', 'ftp://127.0.0.1', 'file:///etc/passwd']) {
      expect(() => new HttpClient({ host }), host).toThrow(InvalidRequestError);
    }
    const ownServer: OperationSpec = { ...get, servers: [{ url: 'file:///etc' }] };
    expect(await rejection(new HttpClient({ host: api.host, retry: { retries: 2, minDelayMs: 1 } }).request(ownServer, undefined))).toBeInstanceOf(InvalidRequestError);
    for (const headers of [{ 'x-note': 'a\r\nx-injected: 1' }, { 'x-bad name': 'v' }]) {
      const http = new HttpClient({ host: api.host, headers });
      const err = await rejection(http.request(get, undefined));
      expect(err).toBeInstanceOf(InvalidRequestError);
      expect(err).toBeInstanceOf(SdkError);
      expect((err as Error).cause).toBeInstanceOf(TypeError);
    }
    const viaArgs = new HttpClient({ host: api.host });
    const op: OperationSpec = { ...get, params: [{ key: 'trace', name: 'x-trace', in: 'header' }] };
    expect(await rejection(viaArgs.request(op, { trace: 'a\nb' }))).toBeInstanceOf(InvalidRequestError);
  });
});
