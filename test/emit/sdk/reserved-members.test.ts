import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INHERITED_MEMBERS } from '../../../generator/naming/members.js';
import { startServer, type TestServer } from './runtime/test-server.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

/**
 * Issue 10, item 3: methods named like members every object has (`toString`, `valueOf`, …) or
 * `then` (a thenable client) are renamed with a diagnostic, for markdown pages and for
 * operationIds; the wire name is kept. Fixtures: test/fixtures/hostile/reserved-members.
 */

const FIXTURES = 'test/fixtures/hostile/reserved-members';
const RESERVED = ['then', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', 'constructor', 'propertyIsEnumerable'];
type Client = Record<string, (args?: object) => Promise<unknown>>;

/** Settles with the value, or with 'never settled' when `await` hangs (a thenable that never calls back). */
const settle = (value: unknown): Promise<unknown> =>
  Promise.race([(async () => await value)(), new Promise((ok) => setTimeout(() => ok('never settled'), 2000))]);

it('the list of inherited members covers Object.prototype of this engine', () => {
  for (const name of Object.getOwnPropertyNames(Object.prototype)) expect(INHERITED_MEMBERS).toContain(name);
});

// Arguments, bodies and answers as JSON text: in an object literal `__proto__: x` would set the
// prototype, JSON.parse makes it an own key as the caller's data and the server's JSON have it.
const CONSTRUCTOR_JSON = '{"__proto__":{"__proto__":"p","then":"t"},"then":"t","constructor":"c"}';
describe.each([
  {
    input: `${FIXTURES}/docs`,
    className: 'ManagementClient',
    path: (stem: string) => `/api/v3/${stem}`,
    // a POST page: every parameter is a body field; the answer is the envelope around `constructor`
    names: {
      call: '{"__proto___":"p","then":"t","constructor_":{"__proto__":"p","then":"t"}}',
      url: '/api/v3/reserved-names',
      body: '{"__proto__":"p","then":"t","constructor":{"__proto__":"p","then":"t"}}',
      answer: `{"statusCode":200,"data":${CONSTRUCTOR_JSON}}`,
      data: (r: Record<string, unknown>) => r['data'] as Record<string, unknown>,
    },
  },
  {
    input: `${FIXTURES}/openapi.yaml`,
    className: 'ReservedClient',
    path: (stem: string) => `/${stem}`,
    names: {
      call: '{"__proto___":"p","then":"t","constructor_":"c","body":{"__proto__":"p","then":"t"}}',
      url: '/names/p?then=t&constructor=c',
      body: '{"__proto__":"p","then":"t"}',
      answer: CONSTRUCTOR_JSON,
      data: (r: Record<string, unknown>) => r,
    },
  },
])('methods with reserved names from $input', ({ input, className, path, names }) => {
  let dir: string;
  let server: TestServer;
  let result: Awaited<ReturnType<typeof buildFrom>>;
  beforeAll(async () => {
    result = await buildFrom([input]);
    dir = tempDir('reserved-members');
    writeFiles(dir, sdkFiles(result.files));
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
    cleanup(dir);
  });

  it('each is renamed with a trailing _ and a diagnostic that names the old and new name', () => {
    const renamed = result.diagnostics.filter((d) => d.code === 'sdk-method-renamed');
    expect(renamed.map((d) => /^\w+\.(\w+) is named (\w+) /.exec(d.message)?.slice(1)).sort()).toEqual(RESERVED.map((n) => [n, `${n}_`]).sort());
    for (const d of renamed) expect(d.severity).toBe('warning');
    for (const d of renamed) expect(d.location?.file).toContain(input.replace(/\/docs$/, ''));
  });

  it('the SDK compiles under strict', () => {
    expect(typeCheck(join(dir, 'sdk'))).toEqual([]);
  }, 60_000);

  it('a client is not a thenable: `await` gives the client back, and then_() calls the API by its wire name', async () => {
    expect(compile(join(dir, 'sdk'))).toEqual([]);
    const sdk = (await import(pathToFileURL(join(dir, 'sdk/dist/index.js')).href)) as Record<string, new (o: object) => Client>;
    const client = new sdk[className]!({ accessKeyId: 'id', accessKeySecret: 'secret', host: server.host, retry: 0 });
    expect(await settle(client)).toBe(client);
    expect(await settle(Promise.resolve(client))).toBe(client);
    expect(server.requests).toEqual([]);
    expect(String(client)).toBe('[object Object]');

    await client.then_!({ userId: 'u1' });
    expect(server.requests.map((r) => `${r.method} ${new URL(r.url, server.host).pathname}`)).toEqual([`POST ${path('then')}`]);
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"statusCode":200}'));
    await client.toString_!({ userId: 'u1' });
    expect(new URL(server.requests[0]!.url, server.host).pathname).toBe(path('to-string'));
  }, 60_000);

  it('parameters, fields and structures named __proto__, then and constructor reach the wire and come back as own data', async () => {
    expect(compile(join(dir, 'sdk'))).toEqual([]);
    const sdk = (await import(pathToFileURL(join(dir, 'sdk/dist/index.js')).href)) as Record<string, new (o: object) => Client>;
    // validate both ways: the zod schemas must accept `__proto__` as a field, not drop or trip on it
    const client = new sdk[className]!({ accessKeyId: 'id', accessKeySecret: 'secret', host: server.host, retry: 0, validate: 'both' });
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(names.answer));
    const result = (await client.reservedNames!(JSON.parse(names.call) as object)) as Record<string, unknown>;
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${names.url}`]);
    const sent = JSON.parse(server.requests[0]!.body.toString('utf8')) as object;
    expect(sent).toEqual(JSON.parse(names.body));
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);
    // `__proto__` in the answer is data, not the result's prototype; `then` is data too (await gave the object)
    const data = names.data(result);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data).toEqual(JSON.parse(CONSTRUCTOR_JSON));
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data['then']).toBe('t');
  }, 60_000);
});
