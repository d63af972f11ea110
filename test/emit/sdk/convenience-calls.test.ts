import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_ZH, hasCorpus, rel } from '../../helpers/shared.js';
import { startServer, sendJson, type TestServer } from './runtime/test-server.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, writeFiles } from './sdk-harness.js';

type Client = Record<string, (params?: object, options?: object) => Promise<unknown>>;
type Sdk = { AuthenticationClient: new (o: object) => Client };

/**
 * The SDK generated from four real corpus pages (signin, signin-by-ad, signup,
 * signup-by-phone-passcode), compiled and called against a real server: the convenience methods
 * send the body their endpoint takes (generator/ingest/docs/convenience-calls.ts).
 */
describe.skipIf(!hasCorpus)('convenience methods on the wire', async () => {
  const pages = ['登录/signin.md', '登录/signin-by-ad.md', '注册/signup.md', '注册/signup-by-phone-passcode.md'].map((p) => `${rel(CORPUS_ZH)}/node/authentication/${p}`);
  const dir = tempDir('sdk-convenience');
  const sdkDir = join(dir, 'sdk');
  writeFiles(dir, sdkFiles((await buildFrom(pages)).files));
  let server: TestServer;
  let client: Client;
  beforeAll(async () => {
    expect(compile(sdkDir)).toEqual([]);
    const sdk = (await import(pathToFileURL(join(sdkDir, 'dist/index.js')).href)) as Sdk;
    server = await startServer();
    client = new sdk.AuthenticationClient({ appId: 'app1', appHost: server.host });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });
  const lastBody = (): unknown => JSON.parse(server.requests.at(-1)!.body.toString('utf8'));

  it('signInByAD({ sAMAccountName, password, options }) is POST /api/v3/signin with connection AD and adPayload', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: { access_token: 't', token_type: 'Bearer', expire_in: 10 } }));
    await client.signInByAD!({ sAMAccountName: 'test', password: 'passw0rd', options: { passwordEncryptType: 'none' } });
    const req = server.requests.at(-1)!;
    expect(`${req.method} ${req.url}`).toBe('POST /api/v3/signin');
    expect(lastBody()).toEqual({ connection: 'AD', adPayload: { sAMAccountName: 'test', password: 'passw0rd' }, options: { passwordEncryptType: 'none' } });
  });

  it('signUpByPhoneCode is POST /api/v3/signup with connection PASSCODE, passCodePayload and the profile as given', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: {} }));
    await client.signUpByPhoneCode!({ phone: '188xxxx8888', passCode: '1234', profile: { nickname: 'n' } });
    expect(server.requests.at(-1)!.url).toBe('/api/v3/signup');
    expect(lastBody()).toEqual({ connection: 'PASSCODE', passCodePayload: { phone: '188xxxx8888', passCode: '1234' }, profile: { nickname: 'n' } });
  });

  it('the endpoint itself is unchanged: signInByCredentials sends its arguments as they are', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok', data: {} }));
    await client.signInByCredentials!({ connection: 'PASSWORD', passwordPayload: { email: 'a@b.c', password: 'p' } });
    expect(server.requests.at(-1)!.url).toBe('/api/v3/signin');
    expect(lastBody()).toEqual({ connection: 'PASSWORD', passwordPayload: { email: 'a@b.c', password: 'p' } });
  });
});
