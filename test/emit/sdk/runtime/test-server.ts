import { createHmac } from 'node:crypto';
// A real HTTP server on 127.0.0.1 (port 0) for the runtime tests: records each request and
// answers with whatever the current test's handler decides.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The GenAuth docs family's envelope, as its profile declares it (sdkforge.config.json). */
export const GENAUTH_ENVELOPE = { status: 'statusCode', success: [200], message: 'message', code: 'apiCode', requestId: 'requestId' } as const;

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When the request arrived (ms since epoch). */
  at: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  host: string;
  requests: RecordedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let handler: Handler = (_req, res) => sendJson(res, 200, { statusCode: 200, message: 'ok' });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: await readBody(req),
        at: Date.now(),
      };
      requests.push(recorded);
      try {
        await handler(recorded, res, requests.length - 1);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 599, { message: String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The server's own reading of the request: what it expects the client to have signed. */
export function expectedSignature(req: RecordedRequest, secret: string): string {
  const url = new URL(req.url, 'http://server');
  const headerLines = Object.keys(req.headers)
    .filter((name) => name.startsWith('x-genauth-') || name === 'date')
    .sort()
    .map((name) => `${name}:${String(req.headers[name]).trim()}\n`)
    .join('');
  const params: Record<string, unknown> = {};
  if (req.method === 'GET') {
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      params[key] = all.length > 1 ? all : all[0];
    }
  } else if (req.body.length > 0) {
    Object.assign(params, JSON.parse(req.body.toString('utf8')) as object);
  }
  const keys = Object.keys(params).sort();
  const pairs = keys.map((k) => {
    const v = params[k];
    return `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`;
  });
  const resource = keys.length === 0 ? url.pathname : `${url.pathname}?${pairs.join('&')}`;
  const text = `${req.method}\n${headerLines}${resource}`;
  return createHmac('sha1', secret).update(text, 'utf8').digest('base64');
}
