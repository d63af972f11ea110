// The OpenAPI ingester's servers, security schemes, security requirements and error responses,
// on cut-down real specs (test/fixtures/openapi/real/README.md).
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import { allMethods } from '../../../generator/ir/walk.js';
import { ROOT } from '../../helpers/shared.js';

const REAL = 'test/fixtures/openapi/real';
const read = async (file: string) => ingest([`${REAL}/${file}`], { cwd: ROOT });
const method = (api: Api, id: string): Method => allMethods(api).find((m) => m.id === id)!;

describe('servers', () => {
  it("Box: the document's server, and an operation's own servers, each sourced where written", async () => {
    const { api } = await read('box.json');
    expect(api.servers).toEqual([{ url: 'https://api.box.com/2.0', description: 'Box Platform API server', source: { file: `${REAL}/box.json`, line: expect.any(Number), column: expect.any(Number) } }]);
    const upload = method(api, 'post_files_content');
    expect(upload.servers?.map((s) => s.url)).toEqual(['https://upload.box.com/api/2.0']);
    expect(upload.servers?.[0]!.source.line).toBeGreaterThan(upload.source.line);
    expect(method(api, 'delete_files_id').servers).toBeUndefined();
  });

  it("Twilio: a Path Item's servers apply to its operations", async () => {
    const { api } = await read('twilio-api.json');
    expect(method(api, 'fetch_balance').servers?.map((s) => s.url)).toEqual(['https://api.twilio.com']);
  });

  it('AWS: server variables with their default, enum and description', async () => {
    const { api } = await read('aws-apigatewaymanagementapi.json');
    const region = api.servers?.[0]!.variables?.find((v) => v.name === 'region');
    expect(region).toMatchObject({ default: 'us-east-1', description: 'The AWS region' });
    expect(region?.enum).toContain('eu-west-1');
  });
});

describe('security', () => {
  it('Zapier NLA: apiKey in header, query and cookie, and oauth2; the operation lists its alternatives in order', async () => {
    const { api } = await read('zapier-nla.json');
    expect(api.securitySchemes?.map((s) => [s.name, s.type, s.in, s.parameterName])).toEqual([
      ['AccessPointApiKeyHeader', 'apiKey', 'header', 'X-API-Key'],
      ['AccessPointApiKeyQuery', 'apiKey', 'query', 'api_key'],
      ['AccessPointOAuth', 'oauth2', undefined, undefined],
      ['SessionAuth', 'apiKey', 'cookie', 'sessionid'],
    ]);
    expect(method(api, 'check').security?.map((r) => r.schemes.map((s) => s.name).join('+'))).toEqual(['SessionAuth', 'AccessPointApiKeyHeader', 'AccessPointApiKeyQuery', 'AccessPointOAuth']);
  });

  it('Jira: scopes per requirement, and `{}` (anonymous) kept as an empty requirement', async () => {
    const { api } = await read('jira.json');
    expect(method(api, 'set_issue_property').security).toEqual([
      { schemes: [{ name: 'basicAuth', scopes: [] }] },
      { schemes: [{ name: 'OAuth2', scopes: ['write:jira-work'] }] },
      { schemes: [] },
    ]);
  });

  it('Box: `security: []` on an operation is kept as "none", unlike an operation that says nothing', async () => {
    const { api } = await read('box.json');
    expect(method(api, 'post_oauth2_revoke').security).toEqual([]);
    expect(method(api, 'delete_files_id').security).toBeUndefined();
    expect(api.security).toEqual([{ schemes: [{ name: 'OAuth2Security', scopes: [] }] }]);
  });

  it('Airflow: openIdConnect is read; http negotiate cannot be applied by the SDK and is reported where it is written', async () => {
    const r = await read('airflow.json');
    expect(r.api.securitySchemes?.map((s) => `${s.name}:${s.type}`)).toEqual(['Basic:basic', 'GoogleOpenId:openIdConnect']);
    const d = r.diagnostics.find((x) => x.code === 'openapi-security-scheme-unsupported');
    expect(d?.message).toMatch(/Kerberos \(http negotiate\)/);
    expect(d?.location?.file).toBe(`${REAL}/airflow.json`);
    // `security: []` at the top: no operation needs credentials
    expect(r.api.security).toEqual([]);
  });
});

describe('error responses', () => {
  it("Stripe: `default` is the error response (typed by the spec's error schema) when a 2xx exists", async () => {
    const { api } = await read('stripe.json');
    expect(method(api, 'get_balance').errors?.map((e) => [e.status, e.type])).toEqual([['default', { kind: 'ref', name: 'Error' }]]);
  });

  it('Box: 4xx codes in the order written, typed or not', async () => {
    const { api } = await read('box.json');
    expect(method(api, 'delete_files_id').errors?.map((e) => `${e.status}:${e.type.kind}`)).toEqual(['401:ref', '404:ref', '405:ref', '412:ref', 'default:ref']);
  });
});
