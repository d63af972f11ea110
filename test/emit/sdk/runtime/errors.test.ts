// Error mapping against a real server: non-2xx, envelope errors, envelopeErrors:false, network failure.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  HttpClient,
  NetworkError,
  SdkError,
  TimeoutError,
  type OperationSpec,
} from '../../../../generator/emit/sdk/runtime/index.js';
import { GENAUTH_ENVELOPE, sendJson, startServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const getUser: OperationSpec = {
  id: 'ManagementClient.get_user',
  method: 'GET',
  path: '/api/v3/get-user',
  params: [{ key: 'userId', name: 'userId', in: 'query' }],
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('error mapping', () => {
  it('maps a non-2xx with an envelope to ApiError with status, statusCode, apiCode, message, requestId', async () => {
    server.handle((_req, res) =>
      sendJson(res, 404, { statusCode: 404, apiCode: 2004, message: '用户不存在', requestId: 'req-1' }),
    );
    const error = await failure(new HttpClient({ host: server.host }, { envelope: GENAUTH_ENVELOPE }).request(getUser, { userId: 'nope' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 404,
      statusCode: 404,
      apiCode: 2004,
      message: expect.stringContaining('用户不存在') as unknown,
      requestId: 'req-1',
      operationId: 'ManagementClient.get_user',
      body: { statusCode: 404, apiCode: 2004, message: '用户不存在', requestId: 'req-1' },
    });
  });

  it('maps a non-2xx without an envelope, taking the request id from the header', async () => {
    server.handle((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'hdr-7' });
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'code expired' }));
    });
    const error = await failure(new HttpClient({ host: server.host }, { envelope: GENAUTH_ENVELOPE }).request(getUser, {}));
    expect(error).toBeInstanceOf(ApiError);
    const api = error as ApiError;
    expect([api.status, api.statusCode, api.apiCode, api.requestId]).toEqual([400, undefined, undefined, 'hdr-7']);
    expect(api.message).toContain('code expired');
  });

  it('keeps a non-JSON error body as text', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const error = await failure(new HttpClient({ host: server.host, retry: 0 }, { envelope: GENAUTH_ENVELOPE }).request(getUser, {}));
    expect(error).toMatchObject({ status: 502, body: '<html>bad gateway</html>' });
  });

  it('throws ApiError for a 2xx whose envelope statusCode is not 200', async () => {
    server.handle((_req, res) => sendJson(res, 200, { statusCode: 400, apiCode: 1001, message: 'bad phone', requestId: 'e-2' }));
    const error = await failure(new HttpClient({ host: server.host }, { envelope: GENAUTH_ENVELOPE }).request(getUser, { userId: 'u' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, statusCode: 400, apiCode: 1001, requestId: 'e-2' });
    expect((error as Error).message).toContain('bad phone');
  });

  it('with envelopeErrors:false returns such a 2xx envelope as data', async () => {
    const body = { statusCode: 400, apiCode: 1001, message: 'bad phone' };
    server.handle((_req, res) => sendJson(res, 200, body));
    const http = new HttpClient({ host: server.host, envelopeErrors: false }, { envelope: GENAUTH_ENVELOPE });
    await expect(http.request(getUser, {})).resolves.toEqual(body);
  });

  it('without an envelope (an API whose profile declares none) a 2xx body with statusCode is data', async () => {
    server.handle((_req, res) => sendJson(res, 201, { message: 'Property created', statusCode: 201 }));
    await expect(new HttpClient({ host: server.host }).request(getUser, {})).resolves.toEqual({ message: 'Property created', statusCode: 201 });
  });

  it('does not treat a 2xx without statusCode as an envelope error', async () => {
    server.handle((_req, res) => sendJson(res, 200, [{ statusCode: 500 }]));
    await expect(new HttpClient({ host: server.host }, { envelope: GENAUTH_ENVELOPE }).request(getUser, {})).resolves.toEqual([{ statusCode: 500 }]);
  });

  it('throws SdkError for a 2xx that promises JSON and sends something else', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"statusCode": 200, ');
    });
    const error = await failure(new HttpClient({ host: server.host }, { envelope: GENAUTH_ENVELOPE }).request(getUser, {}));
    expect(error).toBeInstanceOf(SdkError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it('maps a refused connection to NetworkError (not Timeout, not Abort), keeping the cause', async () => {
    // A port that was free a moment ago: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await failure(new HttpClient({ host: `http://127.0.0.1:${port}`, retry: 0 }).request(getUser, {}));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
