// Auth hooks against a real server: the server recomputes the GenAuth signature on its own with
// node:crypto, from the request as it arrived, following the published SDK's buildSignature.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  appAuth,
  type AuthenticationClientOptions,
  genauthSignatureAuth,
  HttpClient,
  type OperationSpec,
} from '../../../../generator/emit/sdk/runtime/index.js';
import { GENAUTH_ENVELOPE, expectedSignature, sendJson, startServer, type RecordedRequest, type TestServer } from './test-server.js';

const ACCESS_KEY_ID = '60e043f8cd91b87d712b6365';
const ACCESS_KEY_SECRET = '158c7679333bc196b524d78d745813e9';

/** Answers 401 unless the Authorization header carries the signature the server computes. */
function verifyingHandler(secret: string) {
  return (req: RecordedRequest, res: Parameters<Parameters<TestServer['handle']>[0]>[1]) => {
    const auth = String(req.headers['authorization'] ?? '');
    const match = /^GenAuth ([^:]+):(.+)$/.exec(auth);
    if (!match || match[1] !== ACCESS_KEY_ID || match[2] !== expectedSignature(req, secret)) {
      sendJson(res, 401, { statusCode: 401, apiCode: 1401, message: 'signature mismatch', requestId: 'r-401' });
      return;
    }
    sendJson(res, 200, { statusCode: 200, message: 'ok', data: { verified: true } });
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const listUsers: OperationSpec = {
  id: 'ManagementClient.list_users',
  method: 'GET',
  path: '/api/v3/list-users',
  params: [
    { key: 'keywords', name: 'keywords', in: 'query' },
    { key: 'userIds', name: 'userIds', in: 'query' },
    { key: 'page', name: 'page', in: 'query' },
    { key: 'withCustomData', name: 'withCustomData', in: 'query' },
  ],
};
const resetFactor: OperationSpec = {
  id: 'ManagementClient.reset_factor',
  method: 'POST',
  path: '/api/v3/reset-factor',
  params: [
    { key: 'userId', name: 'userId', in: 'body' },
    { key: 'factor', name: 'factor', in: 'body' },
    { key: 'zeta', name: 'zeta', in: 'body' },
  ],
};

function managementHttp(secret = ACCESS_KEY_SECRET, extra: { tenantId?: string } = {}): HttpClient {
  const options = { host: server.host, accessKeyId: ACCESS_KEY_ID, accessKeySecret: secret, ...extra };
  return new HttpClient(options, { auth: genauthSignatureAuth(options), host: options.host, envelope: GENAUTH_ENVELOPE });
}

describe('GenAuth request signature (management client)', () => {
  it('signs a GET with sorted query, x-genauth-* and date headers; the server accepts it', async () => {
    server.handle(verifyingHandler(ACCESS_KEY_SECRET));
    const result = await managementHttp().request(listUsers, {
      keywords: 'Zoë & co',
      userIds: ['u2', 'u1'],
      page: 2,
      withCustomData: true,
    });
    expect(result).toEqual({ statusCode: 200, message: 'ok', data: { verified: true } });
    const h = server.requests[0]?.headers ?? {};
    expect(h['x-genauth-signature-method']).toBe('HMAC-SHA1');
    expect(h['x-genauth-signature-version']).toBe('1.0');
    expect(h['x-genauth-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(h['x-genauth-lang']).toBe('zh-CN');
    expect(Math.abs(Date.parse(String(h['date'])) - Date.now())).toBeLessThan(10_000);
  });

  it('signs a POST over the JSON body fields, with tenant and extra x-genauth headers', async () => {
    server.handle(verifyingHandler(ACCESS_KEY_SECRET));
    const http = managementHttp(ACCESS_KEY_SECRET, { tenantId: 'tenant-9' });
    await http.request(resetFactor, { userId: 'u1', factor: { type: 'OTP', ids: [1, 2] }, zeta: null }, { headers: { 'x-genauth-request-from': 'sdk' } });
    await http.request(resetFactor, { userId: 'u1' });
    expect(server.requests.map((r) => r.headers['x-genauth-app-id'])).toEqual(['tenant-9', 'tenant-9']);
    expect(server.requests[0]?.headers['x-genauth-request-from']).toBe('sdk');
    // A fresh nonce per request.
    expect(server.requests[0]?.headers['x-genauth-signature-nonce']).not.toBe(server.requests[1]?.headers['x-genauth-signature-nonce']);
  });

  it('signs a GET without params as the bare path', async () => {
    server.handle(verifyingHandler(ACCESS_KEY_SECRET));
    const getPool: OperationSpec = { id: 'ManagementClient.get_user_pool', method: 'GET', path: '/api/v3/get-user-pool', params: [] };
    await expect(managementHttp().request(getPool, undefined)).resolves.toMatchObject({ data: { verified: true } });
  });

  it('is rejected by the server when signed with another secret', async () => {
    server.handle(verifyingHandler(ACCESS_KEY_SECRET));
    const error = await managementHttp('not-the-secret').request(listUsers, { keywords: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, statusCode: 401, apiCode: 1401, requestId: 'r-401' });
  });

  it('re-signs each retry with a new date and nonce', async () => {
    server.handle((req, res, index) => {
      if (index === 0) sendJson(res, 503, { statusCode: 503, message: 'busy' });
      else verifyingHandler(ACCESS_KEY_SECRET)(req, res);
    });
    const http = managementHttp();
    await expect(http.request(listUsers, { page: 1 }, { retry: { retries: 1, minDelayMs: 5 } })).resolves.toMatchObject({ data: { verified: true } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers['x-genauth-signature-nonce']).not.toBe(server.requests[1]?.headers['x-genauth-signature-nonce']);
  });
});

describe('app auth (authentication client) and custom auth', () => {
  const getProfile: OperationSpec = { id: 'AuthenticationClient.get_profile', method: 'GET', path: '/api/v3/get-profile', params: [] };

  it('sends x-genauth-app-id and the raw access token, read on every request', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200 }));
    const options: AuthenticationClientOptions = { appId: 'app-1', appHost: server.host };
    const http = new HttpClient(options, { auth: appAuth(options), host: options.appHost });
    await http.request(getProfile, undefined);
    options.accessToken = 'eyJhbGciOi.token';
    await http.request(getProfile, undefined);
    await http.request(getProfile, undefined, { headers: { authorization: 'Bearer other' } });
    expect(server.requests.map((r) => [r.headers['x-genauth-app-id'], r.headers['authorization']])).toEqual([
      ['app-1', undefined],
      ['app-1', 'eyJhbGciOi.token'],
      ['app-1', 'Bearer other'],
    ]);
  });

  it('options.auth replaces the default auth', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200 }));
    const options = {
      host: server.host,
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      auth: (ctx: { headers: Headers }) => ctx.headers.set('x-api-key', 'k-1'),
    };
    const http = new HttpClient(options, { auth: genauthSignatureAuth(options), host: options.host });
    await http.request(listUsers, {});
    const h = server.requests[0]?.headers ?? {};
    expect(h['x-api-key']).toBe('k-1');
    expect(h['authorization']).toBeUndefined();
    expect(h['x-genauth-signature-nonce']).toBeUndefined();
  });
});
