// The docs family's profile (sdkforge.config.json): GenAuth keeps its signing, envelope and host
// through it; without it docs input is tied to no API; another profile gives another API's auth.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, loadConfig, type Config } from '../../../generator/config.js';
import { ingestOptionsOf, ingest } from '../../../generator/ingest/index.js';
import type { NamedType } from '../../../generator/ir/types.js';
import { build } from '../../../generator/pipeline.js';
import { ROOT } from '../../helpers/shared.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { cleanup, compile, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

type Client = Record<string, (params?: object) => Promise<unknown>>;
type Sdk = { ManagementClient: new (o: object) => Client; SdkError: new () => Error };

const fieldsOf = (t: NamedType | undefined) => (t?.type.kind === 'object' ? t.type.fields.map((f) => `${f.name}${f.required ? '' : '?'}`) : []);

describe('the GenAuth profile of sdkforge.config.json, on docs-input', async () => {
  const { config } = await loadConfig(ROOT);
  const r = await ingest(['docs-input'], { cwd: ROOT, ...ingestOptionsOf(config) });

  it('servers, schemes, per-client security and the envelope are in the IR, sourced in the config file', () => {
    expect(r.api.servers).toEqual([{ url: 'https://api.genauth.ai', description: expect.any(String), source: { file: 'sdkforge.config.json', line: 9, column: 17 } }]);
    expect(r.api.securitySchemes?.map((s) => `${s.name}:${s.type}@${s.source.file}:${s.source.line}`)).toEqual([
      'genauthSignature:genauthSignature@sdkforge.config.json:11',
      'genauthApp:genauthApp@sdkforge.config.json:12',
    ]);
    expect(Object.fromEntries(r.api.clients.map((c) => [c.name, c.security]))).toEqual({
      AuthenticationClient: [{ schemes: [{ name: 'genauthApp', scopes: [] }] }],
      ManagementClient: [{ schemes: [{ name: 'genauthSignature', scopes: [] }] }],
    });
    expect(r.api.envelope).toMatchObject({ status: 'statusCode', success: [200], required: ['statusCode', 'message', 'data'], source: { file: 'sdkforge.config.json' } });
  });

  it('issue 9 item 8: statusCode, message and data are required in every response envelope; apiCode and requestId stay optional', () => {
    const type = (name: string) => r.api.types.find((t) => t.name === name);
    expect(fieldsOf(type('UserMfaSingleRespDto'))).toEqual(['statusCode', 'message', 'apiCode?', 'requestId?', 'data']);
    expect(fieldsOf(type('ResetFactorRespDto'))).toEqual(['statusCode', 'message', 'apiCode?', 'requestId?']);
    // a DTO that is not a response envelope is left as the page says
    expect(fieldsOf(type('UserMfaRespDto'))).toEqual(['totpStatus', 'faceMfaStatus', 'smsMfaStatus', 'emailMfaStatus']);
  });

  it('without the profile, docs input names no server, no scheme, no envelope', async () => {
    const bare = await ingest(['docs-input'], { cwd: ROOT });
    expect([bare.api.servers, bare.api.securitySchemes, bare.api.envelope, bare.api.clients.map((c) => c.security)]).toEqual([undefined, undefined, undefined, [undefined, undefined]]);
    expect(fieldsOf(bare.api.types.find((t) => t.name === 'UserMfaSingleRespDto'))).toEqual(['statusCode?', 'message?', 'apiCode?', 'requestId?', 'data?']);
  });

  it('is not applied to a spec alone, and says so', async () => {
    const spec = await ingest(['test/fixtures/openapi/real/jira.json'], { cwd: ROOT, ...ingestOptionsOf(config) });
    expect(spec.api.envelope).toBeUndefined();
    expect(spec.api.securitySchemes?.map((s) => s.name)).toEqual(['OAuth2', 'basicAuth']);
    expect(spec.diagnostics.find((d) => d.code === 'profile-setting-unused')?.message).toMatch(/OpenAPI documents only/);
  });
});

describe('the README example under strict: const { data } = await client.getUserMfaInfo(...); data.x', () => {
  const example = [
    "import { ManagementClient } from './src/index.js';",
    "const client = new ManagementClient({ accessKeyId: 'ak', accessKeySecret: 'sk', host: 'https://api.genauth.ai' });",
    'export async function totp(): Promise<string> {',
    "  const { data } = await client.getUserMfaInfo({ userId: '6229ffaxxxxxxxxcade3e3d9' });",
    '  return data.totpStatus;',
    '}',
    '',
  ].join('\n');
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(cleanup));

  async function checkWith(config: Config): Promise<string[]> {
    const dir = tempDir('readme-example');
    dirs.push(dir);
    writeFiles(dir, sdkFiles((await build({ config, inputs: ['docs-input'], cwd: ROOT })).files));
    writeFileSync(join(dir, 'sdk/example.ts'), example);
    return typeCheck(join(dir, 'sdk'), [join(dir, 'sdk/example.ts')]);
  }

  it('compiles with the GenAuth profile (data is required)', async () => {
    expect(await checkWith((await loadConfig(ROOT)).config)).toEqual([]);
  }, 60_000);

  it('fails without it, as it did before (TS18048: data is possibly undefined; host is required)', async () => {
    const errors = await checkWith(ConfigSchema.parse({ sdk: { packageName: 'genauth-sdk' } }));
    expect(errors.join('\n')).toMatch(/TS18048/);
  }, 60_000);
});

describe('docs input with another profile: a bearer token, a server with a variable, no envelope (on the wire)', () => {
  let server: TestServer;
  let sdk: Sdk;
  const dir = tempDir('other-profile');
  beforeAll(async () => {
    const config = ConfigSchema.parse({
      sdk: { packageName: 'other-sdk' },
      profile: {
        servers: [{ url: 'https://{tenant}.example.com/api', variables: { tenant: { default: 'acme' } } }],
        securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
        security: { '*': [{ token: [] }] },
      },
    });
    writeFiles(dir, sdkFiles((await build({ config, inputs: ['docs-input'], cwd: ROOT })).files));
    expect(compile(join(dir, 'sdk'))).toEqual([]);
    sdk = (await import(pathToFileURL(join(dir, 'sdk/dist/index.js')).href)) as Sdk;
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  it('sends the bearer token to the profile\'s server, and a 2xx with statusCode 403 is data (no envelope declared)', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 403, message: 'not an envelope here' }));
    const built: string[] = [];
    const viaServer = (input: URL, init: RequestInit) => (built.push(input.href), fetch(new URL(input.pathname + input.search, server.host), init));
    const client = new sdk.ManagementClient({ credentials: { token: () => 't-1' }, serverVariables: { tenant: 'globex' }, fetch: viaServer });
    await expect(client.getUserMfaInfo!({ userId: 'u1' })).resolves.toEqual({ statusCode: 403, message: 'not an envelope here' });
    expect(built).toEqual(['https://globex.example.com/api/api/v3/get-user-mfa-info?userId=u1']);
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer t-1');
  });
});
