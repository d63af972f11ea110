// Retries, timeouts and aborts against a real server that fails, throttles and stalls on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  backoffDelay,
  HttpClient,
  parseRetryAfter,
  resolveRetry,
  TimeoutError,
  type OperationSpec,
} from '../../../../generator/emit/sdk/runtime/index.js';
import { sendJson, startServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const getOp: OperationSpec = { id: 'T.get_thing', method: 'GET', path: '/thing', params: [] };
const postOp: OperationSpec = {
  id: 'T.create_thing',
  method: 'POST',
  path: '/thing',
  params: [{ key: 'name', name: 'name', in: 'body' }],
};
const fast = { retries: 2, minDelayMs: 10, maxDelayMs: 50 };

/** Fails the first `failures` requests with `status`, then answers 200. */
function flaky(failures: number, status = 503, headers: Record<string, string> = {}) {
  return (_req: unknown, res: Parameters<Parameters<TestServer['handle']>[0]>[1], index: number) => {
    if (index < failures) sendJson(res, status, { statusCode: status, message: 'try later' }, headers);
    else sendJson(res, 200, { statusCode: 200, message: 'ok', data: { attempt: index + 1 } });
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('retry', () => {
  it('retries a GET that fails twice with 503, then succeeds', async () => {
    server.handle(flaky(2));
    const result = await new HttpClient({ host: server.host, retry: fast }).request(getOp, {});
    expect(result).toEqual({ statusCode: 200, message: 'ok', data: { attempt: 3 } });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the configured retries with the last ApiError', async () => {
    server.handle(flaky(10));
    const error = await failure(new HttpClient({ host: server.host, retry: fast }).request(getOp, {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a POST by default', async () => {
    server.handle(flaky(1));
    const error = await failure(new HttpClient({ host: server.host, retry: fast }).request(postOp, { name: 'n' }));
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST when retryNonIdempotent is set, resending the same body', async () => {
    server.handle(flaky(1));
    const http = new HttpClient({ host: server.host, retry: { ...fast, retryNonIdempotent: true } });
    await expect(http.request(postOp, { name: 'n' })).resolves.toMatchObject({ data: { attempt: 2 } });
    expect(server.requests.map((r) => r.body.toString())).toEqual(['{"name":"n"}', '{"name":"n"}']);
  });

  it('does not retry a 4xx other than 429', async () => {
    server.handle(flaky(1, 400));
    await expect(new HttpClient({ host: server.host, retry: fast }).request(getOp, {})).rejects.toMatchObject({ status: 400 });
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After on 429 instead of the (much shorter) backoff', async () => {
    server.handle(flaky(1, 429, { 'retry-after': '1' }));
    await expect(new HttpClient({ host: server.host, retry: fast }).request(getOp, {})).resolves.toMatchObject({ data: { attempt: 2 } });
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('per-request retry overrides the client option', async () => {
    server.handle(flaky(1));
    await expect(new HttpClient({ host: server.host, retry: fast }).request(getOp, {}, { retry: 0 })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('computes backoff, Retry-After and defaults as documented', () => {
    const options = resolveRetry({ retries: 5, minDelayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(resolveRetry(undefined).retries).toBe(2);
    expect(resolveRetry(3)).toMatchObject({ retries: 3, retryNonIdempotent: false });
  });
});

describe('timeout and abort', () => {
  /** Answers only after `ms`, unless the client hangs up first. */
  const slow = (ms: number) => (_req: unknown, res: Parameters<Parameters<TestServer['handle']>[0]>[1]) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!res.destroyed) sendJson(res, 200, { statusCode: 200 });
        resolve();
      }, ms);
      res.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  it('throws TimeoutError when the server is slower than timeoutMs, and does not retry it', async () => {
    server.handle(slow(3000));
    const started = Date.now();
    const error = await failure(new HttpClient({ host: server.host, timeoutMs: 150, retry: fast }).request(getOp, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('per-request timeoutMs overrides the client option', async () => {
    server.handle(slow(300));
    const http = new HttpClient({ host: server.host, timeoutMs: 100 });
    await expect(http.request(getOp, {}, { timeoutMs: 2000 })).resolves.toEqual({ statusCode: 200 });
  });

  it('throws AbortError (not TimeoutError) when the caller aborts', async () => {
    server.handle(slow(3000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 100);
    const error = await failure(new HttpClient({ host: server.host, timeoutMs: 5000 }).request(getOp, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as Error).cause).toEqual(new Error('user left'));
  });

  it('throws AbortError at once for an already aborted signal, sending nothing', async () => {
    server.handle(flaky(0));
    const error = await failure(new HttpClient({ host: server.host }).request(getOp, {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('an abort during the wait before a retry ends the call', async () => {
    server.handle(flaky(5, 503, { 'retry-after': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const error = await failure(new HttpClient({ host: server.host }).request(getOp, {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });
});
