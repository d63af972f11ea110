// zod validation of arguments and responses, per client mode, with errors naming the payload path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  formatIssuePath,
  HttpClient,
  ValidationError,
  type OperationSpec,
  type ValidationMode,
} from '../../../../generator/emit/sdk/runtime/index.js';
import { GENAUTH_ENVELOPE, sendJson, startServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const ResponseSchema = z.object({
  statusCode: z.number(),
  message: z.string(),
  data: z.object({
    list: z.array(z.object({ userId: z.string(), authenticated: z.boolean() })),
    'user-id': z.string().optional(),
  }),
});
const ParamsSchema = z.object({
  userIds: z.array(z.string()),
  options: z.object({ limit: z.number().int() }).optional(),
});
const op: OperationSpec = {
  id: 'ManagementClient.list_principal_authentication_info',
  method: 'POST',
  path: '/api/v3/list',
  params: [
    { key: 'userIds', name: 'userIds', in: 'body' },
    { key: 'options', name: 'options', in: 'body' },
  ],
  paramsSchema: ParamsSchema,
  responseSchema: ResponseSchema,
};

const bad = {
  statusCode: 200,
  message: 'ok',
  data: { list: [{ userId: 'u1', authenticated: 'yes' }], extra: 'kept' },
};
const good = { statusCode: 200, message: 'ok', data: { list: [{ userId: 'u1', authenticated: true }], extra: 'kept' } };

function client(validate?: ValidationMode): HttpClient {
  return new HttpClient({ host: server.host, ...(validate ? { validate } : {}) }, { envelope: GENAUTH_ENVELOPE });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('response validation', () => {
  it('names the failing path in the payload, e.g. data.list[0].authenticated', async () => {
    server.handle((_req, res) => sendJson(res, 200, bad));
    const error = await failure(client('response').request(op, { userIds: ['u1'] }));
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.direction).toBe('response');
    expect(v.issues).toHaveLength(1);
    expect(v.issues[0]?.path).toBe('data.list[0].authenticated');
    expect(v.issues[0]?.message).toMatch(/expected boolean/);
    expect(v.message).toMatch(/^Response of ManagementClient\.list_principal_authentication_info failed validation: data\.list\[0\]\.authenticated: .*expected boolean/);
  });

  it('returns a valid payload unchanged, fields unknown to the schema included', async () => {
    server.handle((_req, res) => sendJson(res, 200, good));
    await expect(client('both').request(op, { userIds: ['u1'] })).resolves.toEqual(good);
  });

  it("does not check responses in 'off' (the default) or 'request' mode", async () => {
    server.handle((_req, res) => sendJson(res, 200, bad));
    await expect(client().request(op, { userIds: ['u1'] })).resolves.toEqual(bad);
    await expect(client('request').request(op, { userIds: ['u1'] })).resolves.toEqual(bad);
  });

  it('reports an envelope error as ApiError, not as a validation failure', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 403, message: 'forbidden', apiCode: 1403 }));
    await expect(client('both').request(op, { userIds: ['u1'] })).rejects.toBeInstanceOf(ApiError);
  });

  it('lists several issues and quotes keys that are not identifiers', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 200, message: 1, data: { list: [{}], 'user-id': 7 } }));
    const error = (await failure(client('response').request(op, { userIds: ['u1'] }))) as ValidationError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['data.list[0].authenticated', 'data.list[0].userId', 'data["user-id"]', 'message']);
    expect(error.message).toMatch(/\(and 1 more\)$/);
  });
});

describe('request validation', () => {
  it('rejects bad arguments before anything is sent, naming the argument path', async () => {
    server.handle((_req, res) => sendJson(res, 200, good));
    const error = await failure(client('request').request(op, { userIds: ['u1', 2], options: { limit: 1.5 } }));
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.direction).toBe('request');
    expect(v.issues.map((i) => i.path).sort()).toEqual(['options.limit', 'userIds[1]']);
    expect(server.requests).toHaveLength(0);
  });

  it("sends bad arguments unchecked in 'response' mode (the server judges them)", async () => {
    server.handle((_req, res) => sendJson(res, 200, good));
    await expect(client('response').request(op, { userIds: [3] })).resolves.toEqual(good);
    expect(JSON.parse(server.requests[0]?.body.toString() ?? '')).toEqual({ userIds: [3] });
  });
});

describe('formatIssuePath', () => {
  it.each([
    [[], '(root)'],
    [['data', 'list', 0, 'authenticated'], 'data.list[0].authenticated'],
    [[0, 'a'], '[0].a'],
    [['__proto__', 'class', '2fa', 'x y'], '__proto__.class["2fa"]["x y"]'],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});
