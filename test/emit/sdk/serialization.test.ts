import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOpenApiFile } from '../../../generator/ingest/openapi/index.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { cleanup, tempDir } from './sdk-harness.js';
import { client, specSdk, type SpecSdk } from './spec-sdks.js';

/**
 * OpenAPI's serialisation table on the wire (issue 11, item 5): SDKs emitted from real specs
 * call a node:http server on 127.0.0.1, which records the request line, headers and body as
 * they arrive. Stripe's deepObject query and form bodies, Box's `explode: false`, AppCenter's
 * pipeDelimited, Apideck's spaceDelimited (test/fixtures/openapi/real/README.md), and every row
 * of the table from @readme/oas-examples' parameters-style.json.
 */
const STYLES = 'node_modules/@readme/oas-examples/3.0/json/parameters-style.json';

describe('parameter and form serialisation on the wire', () => {
  const dir = tempDir('sdk-serialization');
  let server: TestServer;
  const sdks: Record<string, SpecSdk> = {};

  beforeAll(async () => {
    server = await startServer();
    sdks.stripe = await specSdk('test/fixtures/openapi/real/stripe/customers-files-quotes.json', dir, 'stripe');
    sdks.twilio = await specSdk('test/fixtures/openapi/real/twilio/messages.json', dir, 'twilio');
    sdks.box = await specSdk('test/fixtures/openapi/real/box/files.json', dir, 'box');
    sdks.appcenter = await specSdk('test/fixtures/openapi/real/appcenter/analytics-events.json', dir, 'appcenter');
    sdks.apideck = await specSdk('test/fixtures/openapi/real/apideck/vault-authorize.json', dir, 'apideck');
    sdks.styles = await specSdk(STYLES, dir, 'styles');
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  /** Calls, answers `{}` and returns the request as the server saw it. */
  async function sent(call: () => Promise<unknown>) {
    server.handle((_req, res) => sendJson(res, 200, {}));
    await call();
    const req = server.requests[0]!;
    const q = req.url.indexOf('?');
    return { ...req, path: q < 0 ? req.url : req.url.slice(0, q), query: q < 0 ? '' : req.url.slice(q + 1), text: req.body.toString('utf8') };
  }

  it("the style facts are in the IR, with the parameter's source", async () => {
    const r = await ingestOpenApiFile('test/fixtures/openapi/real/stripe/customers-files-quotes.json');
    const get = r.api!.clients.flatMap((c) => c.methods).find((m) => m.id === 'get_customers')!;
    expect(get.parameters.find((p) => p.name === 'created')).toMatchObject({ in: 'query', style: 'deepObject', explode: true, source: { file: 'test/fixtures/openapi/real/stripe/customers-files-quotes.json' } });
    const post = r.api!.clients.flatMap((c) => c.methods).find((m) => m.id === 'post_customers')!;
    expect(post.requestBody!.properties!.find((e) => e.property === 'metadata')).toMatchObject({ style: 'deepObject', explode: true });
  });

  it('Stripe getCustomers: `created` range as deepObject, `expand` as indexed deepObject', async () => {
    const stripe = client(sdks.stripe!, 'StripeApiClient', server.host);
    const req = await sent(() => stripe.getCustomers!({ created: { gt: 100, lte: 200 }, expand: ['data.default_source', 'data.tax'], limit: 3 }));
    expect(req.method).toBe('GET');
    expect(req.path).toBe('/v1/customers');
    expect(req.query).toBe('created[gt]=100&created[lte]=200&expand[0]=data.default_source&expand[1]=data.tax&limit=3');
  });

  it('Stripe postCustomers: a form body with nested objects as deepObject (`metadata[order_id]=42`)', async () => {
    const stripe = client(sdks.stripe!, 'StripeApiClient', server.host);
    const req = await sent(() =>
      stripe.postCustomers!({ body: { email: 'jenny.rosen@example.com', metadata: { order_id: '42' }, address: { city: 'Berlin', line1: 'Unter den Linden 1' }, preferred_locales: ['de', 'en'] } }),
    );
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.text).toBe(
      'email=jenny.rosen%40example.com&metadata[order_id]=42&address[city]=Berlin&address[line1]=Unter+den+Linden+1&preferred_locales[0]=de&preferred_locales[1]=en',
    );
    // Stripe unsets a field with an empty string
    expect((await sent(() => stripe.postCustomers!({ body: { metadata: '' } }))).text).toBe('metadata=');
  });

  it('Twilio createMessage: a form body without encodings repeats an array field', async () => {
    const twilio = client(sdks.twilio!, 'Api20100401MessageClient', server.host);
    const sid = `AC${'0'.repeat(32)}`;
    const req = await sent(() => twilio.createMessage!({ AccountSid: sid, body: { To: '+15558675310', Body: 'Hi & bye', MediaUrl: ['https://a.example/1.png', 'https://a.example/2.png'] } }));
    expect(req.path).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(req.text).toBe('To=%2B15558675310&Body=Hi+%26+bye&MediaUrl=https%3A%2F%2Fa.example%2F1.png&MediaUrl=https%3A%2F%2Fa.example%2F2.png');
  });

  it('Box getFilesId: `fields` with explode: false goes out as one comma-separated value', async () => {
    const box = client(sdks.box!, 'FilesClient', server.host);
    const req = await sent(() => box.getFilesId!({ file_id: '12345', fields: ['id', 'name', 'size'] }));
    expect(req.path).toBe('/files/12345');
    expect(req.query).toBe('fields=id,name,size');
  });

  it('AppCenter pipeDelimited and Apideck spaceDelimited arrays', async () => {
    const appcenter = client(sdks.appcenter!, 'AnalyticsClient', server.host);
    const a = await sent(() => appcenter.analyticsEvents!({ owner_name: 'me', app_name: 'app', versions: ['1.0', '2.0'], event_name: ['open', 'close'] }));
    expect(a.query).toBe('versions=1.0|2.0&event_name=open|close');
    const apideck = client(sdks.apideck!, 'ConnectionsClient', server.host);
    const b = await sent(() => apideck.connectionsAuthorize!({ service_id: 'pipedrive', application_id: 'app', state: 's', redirect_uri: 'https://x.example/cb', scope: ['openid', 'leads:write'] }));
    expect(new URLSearchParams(b.query).get('scope')).toBe('openid leads:write');
    expect(b.query).toContain('scope=openid%20leads%3Awrite');
  });

  describe("every row of OpenAPI's style table (parameters-style.json)", () => {
    const values = { primitive: '5', array: ['3', '4', '5'], object: { name: 'Alex', description: 'admin' } };
    const pathRows: [string, string][] = [
      ['pathsStandard', '/anything/path/5/3,4,5/name,Alex,description,admin'],
      ['pathsSimpleNonExploded', '/anything/path/simple/5/3,4,5/name,Alex,description,admin'],
      ['pathsSimpleExploded', '/anything/path/simple/5/3,4,5/name=Alex,description=admin'],
      ['pathsLabelNonExploded', '/anything/path/label/.5/.3,4,5/.name,Alex,description,admin'],
      ['pathsLabelExploded', '/anything/path/label/.5/.3.4.5/.name=Alex.description=admin'],
      ['pathsMatrixNonExploded', '/anything/path/matrix/;primitive=5/;array=3,4,5/;object=name,Alex,description,admin'],
      ['pathsMatrixExploded', '/anything/path/matrix/;primitive=5/;array=3;array=4;array=5/;name=Alex;description=admin'],
    ];
    it.each(pathRows)('path: %s → %s', async (method, path) => {
      const c = client(sdks.styles!, 'PathClient', server.host);
      expect((await sent(() => c[method]!(values))).path).toBe(path);
    });

    const queryRows: [string, object, string][] = [
      ['queryStandard', values, 'primitive=5&array=3&array=4&array=5&name=Alex&description=admin'],
      ['queryFormExploded', values, 'primitive=5&array=3&array=4&array=5&name=Alex&description=admin'],
      ['queryFormNonExploded', values, 'primitive=5&array=3,4,5&object=name,Alex,description,admin'],
      ['querySpaceDelimitedNonExploded', { array: values.array, object: values.object }, 'array=3%204%205&object=name%20Alex%20description%20admin'],
      ['queryPipeDelimitedNonExploded', { array: values.array, object: values.object }, 'array=3|4|5&object=name|Alex|description|admin'],
      ['queryDeepObjectNonExploded', { object: values.object }, 'object[name]=Alex&object[description]=admin'],
    ];
    it.each(queryRows)('query: %s → %s', async (method, args, query) => {
      const c = client(sdks.styles!, 'QueryClient', server.host);
      expect((await sent(() => c[method]!(args))).query).toBe(query);
    });

    const headerRows: [string, string, string, string][] = [
      ['headersStandard', '5', '3,4,5', 'name,Alex,description,admin'],
      ['headersSimpleNonExploded', '5', '3,4,5', 'name,Alex,description,admin'],
      ['headersSimpleExploded', '5', '3,4,5', 'name=Alex,description=admin'],
    ];
    it.each(headerRows)('header: %s → %s | %s | %s', async (method, primitive, array, object) => {
      const c = client(sdks.styles!, 'HeaderClient', server.host);
      const req = await sent(() => c[method]!(values));
      expect([req.headers['primitive'], req.headers['array'], req.headers['object']]).toEqual([primitive, array, object]);
    });

    const cookieRows: [string, string][] = [
      ['cookiesStandard', 'primitive=5; array=3; array=4; array=5; name=Alex; description=admin'],
      ['cookiesFormExploded', 'primitive=5; array=3; array=4; array=5; name=Alex; description=admin'],
      ['cookiesFormNonExploded', 'primitive=5; array=3,4,5; object=name,Alex,description,admin'],
    ];
    it.each(cookieRows)('cookie: %s → %s', async (method, cookie) => {
      const c = client(sdks.styles!, 'CookieClient', server.host);
      expect((await sent(() => c[method]!(values))).headers['cookie']).toBe(cookie);
    });
  });

  it('a path value cannot make a dot segment, whatever its style', async () => {
    const c = client(sdks.styles!, 'PathClient', server.host);
    server.handle((_req, res) => sendJson(res, 200, {}));
    const err = await c.pathsLabelNonExploded!({ primitive: '.', array: ['1'], object: {} }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/cannot be "\.\."/);
    expect(server.requests).toHaveLength(0);
  });
});
