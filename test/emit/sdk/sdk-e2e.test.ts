import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSignature, startServer, sendJson, type TestServer } from './runtime/test-server.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, writeFiles } from './sdk-harness.js';

type Client = Record<string, (params?: object, options?: object) => Promise<unknown>>;
type Sdk = Record<string, unknown> & { ManagementClient: new (o: object) => Client; AuthenticationClient: new (o: object) => Client };

/** The emitted SDK for docs-input, compiled by TypeScript and imported by Node, against a real server. */
describe('the generated client against a real HTTP server on 127.0.0.1', async () => {
  const dir = tempDir('sdk-e2e');
  const sdkDir = join(dir, 'sdk');
  writeFiles(dir, sdkFiles((await buildFrom(['docs-input'], ['sdk'])).files));
  let server: TestServer;
  let sdk: Sdk;
  beforeAll(async () => {
    expect(compile(sdkDir)).toEqual([]);
    sdk = (await import(pathToFileURL(join(sdkDir, 'dist/index.js')).href)) as Sdk;
    server = await startServer();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  it('ManagementClient.getUserMfaInfo: GET, path, query, signed, typed result', async () => {
    const client = new sdk.ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk', host: server.host });
    const data = { totpStatus: 'ENABLED', faceMfaStatus: 'DISABLED' };
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data }));
    const result = (await client.getUserMfaInfo!({ userId: 'u 1&x', userIdType: 'phone' })) as { data: unknown };
    const req = server.requests[0]!;
    expect(req.method).toBe('GET');
    const url = new URL(req.url, server.host);
    expect(url.pathname).toBe('/api/v3/get-user-mfa-info');
    expect(url.searchParams.get('userId')).toBe('u 1&x');
    expect(url.searchParams.get('userIdType')).toBe('phone');
    // the server recomputes the GenAuth signature from the request as it arrived
    expect(req.headers['authorization']).toBe(`GenAuth ak:${expectedSignature(req, 'sk')}`);
    expect(result.data).toEqual(data);
  });

  it('ManagementClient.resetUserPrincipalAuthenticationInfo: POST with a JSON body', async () => {
    const client = new sdk.ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk', host: server.host });
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: { success: true } }));
    await client.resetUserPrincipalAuthenticationInfo!({ userId: 'u1', options: { userIdType: 'email' } });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/v3/reset-user-principal-authentication-info');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(req.body.toString('utf8'))).toEqual({ userId: 'u1', options: { userIdType: 'email' } });
    expect(req.headers['authorization']).toBe(`GenAuth ak:${expectedSignature(req, 'sk')}`);
  });

  it('AuthenticationClient.resetFactor: app id and access token headers, appHost', async () => {
    const client = new sdk.AuthenticationClient({ appId: 'app1', appHost: server.host, accessToken: 'tok' });
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok' }));
    await client.resetFactor!({ factorId: 'f1' });
    const req = server.requests[0]!;
    expect(req.url).toBe('/api/v3/reset-factor');
    expect(req.headers['x-genauth-app-id']).toBe('app1');
    expect(req.headers['authorization']).toBe('tok');
    expect(JSON.parse(req.body.toString('utf8'))).toEqual({ factorId: 'f1' });
  });

  it('errors: ApiError from the envelope; response validation names the payload path', async () => {
    const client = new sdk.ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk', host: server.host, validate: 'both', retry: 0 });
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 403, apiCode: 2001, message: 'denied', requestId: 'r1' }));
    const denied = await client.getUserMfaInfo!({ userId: 'u1' }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(sdk.ApiError as new () => object);
    expect(denied).toMatchObject({ statusCode: 403, apiCode: 2001, requestId: 'r1' });

    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: { totpStatus: 42 } }));
    const invalid = await client.getUserMfaInfo!({ userId: 'u1' }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(sdk.ValidationError as new () => object);
    expect((invalid as Error).message).toContain('data.totpStatus');

    // request validation uses the params schema: userId is required
    const bad = await client.getUserMfaInfo!({} as object).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(sdk.ValidationError as new () => object);
  });
});
