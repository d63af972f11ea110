import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOpenApiFile } from '../../../generator/ingest/openapi/index.js';
import type { Method } from '../../../generator/ir/types.js';
import { sendJson, startServer, type TestServer } from './runtime/test-server.js';
import { cleanup, tempDir, typeCheckUsage } from './sdk-harness.js';
import { client, specSdk, type SpecSdk } from './spec-sdks.js';

/**
 * Bytes (issue 11, item 6): `format: binary` and 3.1's contentMediaType are `binary` in the IR,
 * `Blob | Uint8Array` in arguments and a `Blob` as a download, with the spec's media type in
 * `Accept`; multipart parts carry files with a filename; `*\/*` bodies go as they are. Real
 * operations of Stripe, Box, Jira and Apideck (test/fixtures/openapi/real/README.md).
 */
const STRIPE = 'test/fixtures/openapi/real/stripe/customers-files-quotes.json';
const BOX = 'test/fixtures/openapi/real/box/files.json';

const methodOf = async (spec: string, id: string): Promise<Method> =>
  (await ingestOpenApiFile(spec)).api!.clients.flatMap((c) => c.methods).find((m) => m.id === id)!;

/** A multipart body as the server got it: each part's headers and text. */
function parts(body: Buffer, contentType: string): { name: string; filename?: string; type?: string; text: string }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)!;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  return body
    .toString('latin1')
    .split(marker)
    .slice(1, -1)
    .map((raw) => {
      const [head, ...rest] = raw.replace(/^\r\n/, '').split('\r\n\r\n');
      const text = rest.join('\r\n\r\n').replace(/\r\n$/, '');
      const disposition = /content-disposition:[^\r\n]*/i.exec(head!)![0];
      const filename = /filename="([^"]*)"/.exec(disposition)?.[1];
      const type = /content-type: *([^\r\n]*)/i.exec(head!)?.[1];
      return { name: /name="([^"]*)"/.exec(disposition)![1]!, ...(filename !== undefined ? { filename } : {}), ...(type !== undefined ? { type } : {}), text };
    });
}

describe('binary in the IR', () => {
  it("Stripe's quote PDF is bytes of application/pdf; Box's upload has a binary file part", async () => {
    const pdf = await methodOf(STRIPE, 'get_quotes_quote_pdf');
    expect(pdf.response).toMatchObject({ type: { kind: 'binary' }, contentType: 'application/pdf' });
    const upload = await methodOf(BOX, 'post_files_content');
    expect(upload.requestBody!.encoding).toBe('multipart');
    const file = upload.requestBody!.type.kind === 'object' ? upload.requestBody!.type.fields.find((f) => f.name === 'file') : undefined;
    expect(file?.type).toEqual({ kind: 'binary' });
  });

  it('3.1: contentMediaType without contentEncoding is bytes; with base64 or a text type it stays a string', async () => {
    // no spec on npm that we found uses contentMediaType, so this one is written here
    const dir = tempDir('binary-31');
    const spec = join(dir, 'upload.yaml');
    writeFileSync(
      spec,
      [
        'openapi: 3.1.0',
        'info: { title: Upload, version: "1" }',
        'paths:',
        '  /upload:',
        '    post:',
        '      operationId: upload',
        '      requestBody:',
        '        content:',
        '          multipart/form-data:',
        '            schema:',
        '              type: object',
        '              properties:',
        '                image: { type: string, contentMediaType: image/png }',
        '                encoded: { type: string, contentMediaType: image/png, contentEncoding: base64 }',
        '                json: { type: string, contentMediaType: application/json }',
        '      responses: { "204": { description: done } }',
      ].join('\n'),
    );
    try {
      const m = (await ingestOpenApiFile(spec)).api!.clients[0]!.methods[0]!;
      const t = m.requestBody!.type;
      expect(t.kind === 'object' && t.fields.map((f) => f.type)).toEqual([{ kind: 'binary', mediaType: 'image/png' }, { kind: 'string' }, { kind: 'string' }]);
    } finally {
      cleanup(dir);
    }
  });
});

describe('binary on the wire', () => {
  const dir = tempDir('sdk-binary');
  let server: TestServer;
  const sdks: Record<string, SpecSdk> = {};

  beforeAll(async () => {
    server = await startServer();
    sdks.stripe = await specSdk(STRIPE, dir, 'stripe');
    sdks.box = await specSdk(BOX, dir, 'box');
    sdks.jira = await specSdk('test/fixtures/openapi/real/jira/project-avatar.json', dir, 'jira');
    sdks.apideck = await specSdk('test/fixtures/openapi/real/apideck/file-storage-upload.json', dir, 'apideck');
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    cleanup(dir);
  });

  it('Stripe postFiles takes a Blob or bytes at compile time (and not a number); getQuotesQuotePdf resolves to a Blob', { timeout: 120_000 }, () => {
    const usage = join(dir, 'stripe/sdk/usage.ts');
    writeFileSync(
      usage,
      [
        "import { StripeApiClient } from './src/index.js';",
        "const stripe = new StripeApiClient({ host: 'https://api.stripe.com' });",
        "export const pdf: Promise<Blob> = stripe.getQuotesQuotePdf({ quote: 'qt_1' });",
        "export const a = stripe.postFiles({ body: { file: new Blob(['%PDF']), purpose: 'dispute_evidence' } });",
        "export const b = stripe.postFiles({ body: { file: new File(['x'], 'receipt.pdf'), purpose: 'dispute_evidence' } });",
        "export const c = stripe.postFiles({ body: { file: new Uint8Array([1, 2]), purpose: 'dispute_evidence' } });",
        '// @ts-expect-error a number is not a file',
        "export const d = stripe.postFiles({ body: { file: 42, purpose: 'dispute_evidence' } });",
      ].join('\n'),
    );
    expect(typeCheckUsage(join(dir, 'stripe/sdk'), usage)).toEqual([]);
  });

  it('Stripe postFiles: a Blob passes request validation and goes as a file part with its filename; deepObject parts', async () => {
    const stripe = client(sdks.stripe!, 'StripeApiClient', server.host, { validate: 'both' });
    server.handle((_req, res) => sendJson(res, 200, { id: 'file_1', object: 'file', created: 1, purpose: 'dispute_evidence', size: 4 }));
    const file = new File(['%PDF-1.4'], 'evidence.pdf', { type: 'application/pdf' });
    await stripe.postFiles!({ body: { purpose: 'dispute_evidence', file, file_link_data: { create: true, metadata: { case: '7' } } } }).catch(() => undefined);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    const got = parts(req.body, req.headers['content-type']!);
    // parts in the schema's order: expand, file, file_link_data, purpose
    expect(got).toEqual([
      { name: 'file', filename: 'evidence.pdf', type: 'application/pdf', text: '%PDF-1.4' },
      { name: 'file_link_data[create]', text: 'true' },
      { name: 'file_link_data[metadata][case]', text: '7' },
      { name: 'purpose', text: 'dispute_evidence' },
    ]);
    // a number is rejected by request validation before anything is sent
    server.handle((_req, res) => sendJson(res, 200, {}));
    const bad = await stripe.postFiles!({ body: { purpose: 'dispute_evidence', file: 42 } }).catch((e: unknown) => e);
    expect((bad as Error).name).toBe('ValidationError');
    expect(server.requests).toHaveLength(0);
  });

  it('Stripe getQuotesQuotePdf: Accept: application/pdf, the bytes come back as a Blob', async () => {
    const stripe = client(sdks.stripe!, 'StripeApiClient', server.host, { validate: 'response' });
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(bytes);
    });
    const pdf = (await stripe.getQuotesQuotePdf!({ quote: 'qt_1' })) as Blob;
    expect(server.requests[0]!.headers['accept']).toBe('application/pdf');
    expect(pdf).toBeInstanceOf(Blob);
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(bytes);
  });

  it('Box upload: attributes (JSON text) before the file, bytes as a file part named after the field', async () => {
    const box = client(sdks.box!, 'UploadsClient', server.host);
    server.handle((_req, res) => sendJson(res, 201, { entries: [], total_count: 0 }));
    await box.postFilesContent!({ body: { file: new Uint8Array([104, 105]), attributes: { name: 'hi.txt', parent: { id: '0' } } } });
    const req = server.requests[0]!;
    expect(req.path ?? req.url).toBe('/files/content');
    expect(parts(req.body, req.headers['content-type']!)).toEqual([
      { name: 'attributes', text: '{"name":"hi.txt","parent":{"id":"0"}}' },
      { name: 'file', filename: 'file', type: 'application/octet-stream', text: 'hi' },
    ]);
  });

  it('Box thumbnail: a binary response with its image type in Accept', async () => {
    const box = client(sdks.box!, 'FilesClient', server.host);
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    });
    const png = (await box.getFilesIdThumbnailId!({ file_id: '12345', extension: 'png' })) as Blob;
    expect(server.requests[0]!.url).toBe('/files/12345/thumbnail.png');
    expect(server.requests[0]!.headers['accept']).toMatch(/^image\//);
    expect(png).toBeInstanceOf(Blob);
    expect(png.size).toBe(4);
  });

  it('*/* bodies go as they are: a Blob with its own type (Jira avatar), bytes as octet-stream (Apideck upload)', async () => {
    const jira = client(sdks.jira!, 'ProjectAvatarsClient', server.host);
    server.handle((_req, res) => sendJson(res, 201, { id: '1' }));
    await jira.createProjectAvatar!({ projectIdOrKey: 'PRJ', x: 0, y: 0, size: 48, body: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) });
    let req = server.requests[0]!;
    expect(req.url).toBe('/rest/api/3/project/PRJ/avatar2?x=0&y=0&size=48');
    expect(req.headers['content-type']).toBe('image/png');
    expect([...req.body]).toEqual([1, 2, 3]);

    const apideck = client(sdks.apideck!, 'FilesClient', server.host);
    server.handle((_req, res) => sendJson(res, 201, { status_code: 201, data: { id: 'f' } }));
    await apideck.filesUpload!({ body: new Uint8Array([9, 8]), 'x-apideck-metadata': '{"name":"a.bin","parent_folder_id":"root"}' }).catch(() => undefined);
    req = server.requests[0]!;
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect([...req.body]).toEqual([9, 8]);
    // text and JSON values go as text and JSON
    server.handle((_req, res) => sendJson(res, 201, { id: '1' }));
    await jira.createProjectAvatar!({ projectIdOrKey: 'PRJ', body: 'plain' });
    expect(server.requests[0]!.headers['content-type']).toBe('text/plain;charset=UTF-8');
  });
});
