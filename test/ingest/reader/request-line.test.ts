import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { parseRequestLine } from '../../../generator/formats/request-line.js';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { config, ROOT, writeFiles } from '../../emit/docs/round-trip-helpers.js';
import { hasSeeds, SEEDS } from '../../helpers/shared.js';
import { vitepressRenderer, writeHtmlPages } from '../../helpers/vitepress-render.js';
import { elements, textOf } from '../../helpers/hast.js';

/**
 * The request line (formats/request-line.ts): every emitted method page states its endpoint under
 * the method name, `Request: `POST /api/v3/get-user-mfa-info``, and the page reader takes it as
 * the first evidence of the verb and the path, where the layout puts it and nowhere else.
 * Pages are docs-input's (the published layout, no request line) with a line written in.
 */

const MFA = 'docs-input/python/management/管理用户/get-user-mfa-info.md';
const MFA_TEXT = readFileSync(join(ROOT, MFA), 'utf8');
const NAME_LINE = '`ManagementClient.get_user_mfa_info`\n';
// inside the repository: the site's config imports vitepress from its node_modules
const work = join(ROOT, 'test/.tmp/request-line');

/** get-user-mfa-info.md with `edit` applied, parsed as that file. */
const page = (edit: (text: string) => string) => parsePage(MFA, edit(MFA_TEXT));
const withLine = (line: string) => (t: string) => t.replace(NAME_LINE, `${NAME_LINE}\n${line}\n`);

/** Pages written under `dir` (paths inside it), ingested. */
async function ingestPages(dir: string, pages: Record<string, string>) {
  rmSync(join(work, dir), { recursive: true, force: true });
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(dirname(join(work, dir, path)), { recursive: true });
    writeFileSync(join(work, dir, path), text);
  }
  return ingest([relative(ROOT, join(work, dir))], { cwd: ROOT });
}
const method = (api: Api, id: string): Method => api.clients.flatMap((c) => c.methods).find((m) => m.id === id)!;

describe('reading a request line', () => {
  it('takes the verb and the path from one code span, after an optional lead-in in any wording', () => {
    expect(parseRequestLine('Request: `POST /api/v3/get-user-mfa-info`')).toEqual({ verb: 'POST', path: '/api/v3/get-user-mfa-info' });
    expect(parseRequestLine('请求：`GET /api/v3/get-user`')).toEqual({ verb: 'GET', path: '/api/v3/get-user' });
    expect(parseRequestLine('`DELETE /pets/{petId}`')).toEqual({ verb: 'DELETE', path: '/pets/{petId}' });
    // a path next to a backtick: a longer fence, padded (CommonMark)
    expect(parseRequestLine('Endpoint: `` PUT /a`b ``')).toEqual({ verb: 'PUT', path: '/a`b' });
    // copied text has lost its code spans
    expect(parseRequestLine('Request: PATCH /v1/items/{id}')).toEqual({ verb: 'PATCH', path: '/v1/items/{id}' });
  });

  it('reads nothing else: prose around the span, two spans, a lower-case or unknown verb, a path without its slash', () => {
    for (const text of [
      'Call `GET /api/v3/x` to read it.',
      '`GET /api/v3/x` or `POST /api/v3/y`',
      '`get /api/v3/x`',
      '`FETCH /api/v3/x`',
      '`GET api/v3/x`',
      'Request: `GET /a`\nmore',
      'See the docs: GET /api/v3/x for details',
    ]) {
      expect(parseRequestLine(text), text).toBeUndefined();
    }
  });

  it('a page with a request line under its method name: first evidence of the verb and the path', async () => {
    const p = page(withLine('Request: `DELETE /api/v3/users/{userId}/mfa`'));
    expect(p.method!.verbTraces[0]).toEqual({
      evidence: 'request-line',
      placement: 'query',
      verb: 'DELETE',
      path: '/api/v3/users/{userId}/mfa',
      source: { file: MFA, line: 20, column: 1 },
    });
    const { api, diagnostics } = await ingestPages('first-evidence', { 'python/management/管理用户/get-user-mfa-info.md': withLine('Request: `DELETE /api/v3/users/{userId}/mfa`')(MFA_TEXT) });
    const m = method(api, 'get_user_mfa_info');
    expect(m.http.verb).toBe('DELETE');
    expect(m.http.path).toBe('/api/v3/users/{userId}/mfa');
    expect(m.http.verbOrigin).toMatchObject({ kind: 'evidence', evidence: 'request-line', source: { line: 20 } });
    expect(m.http.pathOrigin).toMatchObject({ kind: 'evidence', evidence: 'request-line', source: { line: 20 } });
    expect(m.parameters.map((x) => x.in)).toEqual(['query', 'query']);
    expect(diagnostics.filter((d) => d.code.startsWith('md-verb'))).toEqual([]);
  });

  it('only where the layout puts it: a `GET /x` code span in the description, the parameters or the response is no request line', async () => {
    const spans = (t: string) =>
      t
        .replace('## Method name', 'Read it with `POST /api/v3/elsewhere`.\n\n`POST /api/v3/elsewhere`\n\n## Method name')
        .replace('## Request parameters\n', '## Request parameters\n\n`POST /api/v3/elsewhere`\n')
        .replace('## Request Response\n', '## Request Response\n\n`POST /api/v3/elsewhere`\n');
    const p = page(spans);
    expect(p.method!.verbTraces.filter((t) => t.evidence === 'request-line')).toEqual([]);
    const plain = await ingest([MFA], { cwd: ROOT });
    const spanned = await ingestPages('prose-spans', { 'python/management/管理用户/get-user-mfa-info.md': spans(MFA_TEXT) });
    expect(method(spanned.api, 'get_user_mfa_info').http).toMatchObject({ verb: method(plain.api, 'get_user_mfa_info').http.verb, path: '/api/v3/get-user-mfa-info', pathOrigin: { kind: 'rule' } });
    // nor a second paragraph further down the method name section
    expect(page((t) => t.replace(NAME_LINE, `${NAME_LINE}\nThe old name.\n\n\`POST /api/v3/x\`\n`)).method!.verbTraces.filter((t) => t.evidence === 'request-line')).toEqual([]);
  });

  it('a request line that disagrees with the page\'s other evidence is trusted, and reported', () => {
    // get-post's rows are query-string rows (a GET); the request line says POST
    const rows = (t: string) => t.replace(/\n\| ---------- .*\n/, '\n| ---- | ---- | ---- | ---- | ---- | ---- |\n').replace(/\n\| (userId|userIdType) /g, '\n | $1 ').replace(/ \| string \|/g, ' | string  |');
    const p = page((t) => withLine('Request: `POST /api/v3/get-user-mfa-info`')(rows(t)));
    expect(p.method!.verbTraces.map((t) => [t.evidence, t.placement])).toEqual([
      ['request-line', 'body'],
      ['row-layout', 'query'],
    ]);
    const d = p.diagnostics.filter((x) => x.code === 'md-verb-evidence-conflict');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe(
      'the layout of the parameter rows says the parameters travel in the query string, but the request line (POST /api/v3/get-user-mfa-info) says the request body; the request-line is trusted',
    );
  });

  it.skipIf(!hasSeeds)('copied text: the line as the browser copies it, without its code span', async () => {
    const seed = readFileSync(join(SEEDS, '000_052f529dc9fe65f6.txt'), 'utf8');
    const name = 'ManagementClient.reset_user_principal_authentication_info\n';
    expect(seed).toContain(name);
    const { api } = await ingestPages('copied-text', { '000_052f529dc9fe65f6.txt': seed.replace(name, `${name}\nRequest: DELETE /api/v3/users/{userId}/principal\n`) });
    expect(method(api, 'reset_user_principal_authentication_info').http).toMatchObject({
      verb: 'DELETE',
      path: '/api/v3/users/{userId}/principal',
      verbOrigin: { evidence: 'request-line' },
      pathOrigin: { evidence: 'request-line' },
    });
  });

  it("language pages whose request lines disagree: the most pages' line is used, the others reported", async () => {
    const file = (lang: string) => `${lang}/management/管理用户/get-user-mfa-info.md`;
    const { api, diagnostics } = await ingestPages('disagreement', {
      [file('node')]: withLine('Request: `POST /api/v3/get-user-mfa-info`')(MFA_TEXT),
      [file('python')]: withLine('Request: `POST /api/v3/get-user-mfa-info`')(MFA_TEXT),
      [file('java')]: withLine('Request: `GET /api/v3/mfa`')(MFA_TEXT),
    });
    expect(method(api, 'get_user_mfa_info').http).toMatchObject({ verb: 'POST', path: '/api/v3/get-user-mfa-info' });
    const d = diagnostics.filter((x) => x.code === 'md-verb-evidence-disagreement');
    expect(d.map((x) => [x.location.file.split('/').slice(-4)[0], x.message])).toEqual([
      ['java', "on this page the request line says GET /api/v3/mfa, but 2 of the method's 3 pages say POST /api/v3/get-user-mfa-info; POST /api/v3/get-user-mfa-info is used"],
    ]);
  });
});

describe('an emitted page states its endpoint, and it reads back from markdown and from HTML', async () => {
  // an untrusted path: Vue's interpolation, a script tag, a backtick
  const HOSTILE = "/api/v3/{{ constructor.constructor('window.__sdkforgeHostile = 1')() }}/<script>window.__sdkforgeHostile = 2</script>/a`b";
  const input = await ingestPages('hostile-input', {
    'python/management/管理用户/get-user-mfa-info.md': withLine(`Request: \`\` PUT ${HOSTILE} \`\``)(MFA_TEXT),
  });
  const first = method(input.api, 'get_user_mfa_info');
  const emitted = await emitDocs(input.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  const site = join(work, 'hostile-site');
  writeFiles(site, emitted.files);
  const pageFile = emitted.files.find((f) => f.path.startsWith('docs/management/') && f.path.endsWith('.md'))!;
  const markdown = String(pageFile.contents);
  const render = await vitepressRenderer(join(site, 'docs'));
  const html = render(markdown, pageFile.path.slice('docs/'.length));

  it('reads the hostile path from the input page as text', () => {
    expect(first.http).toMatchObject({ verb: 'PUT', path: HOSTILE, pathOrigin: { kind: 'evidence', evidence: 'request-line' } });
  });

  it('writes it under the method name with the template\'s lead-in, as a code span', () => {
    expect(markdown).toContain(`\`ManagementClient.getUserMfaInfo\`\n\nRequest: \`\`PUT ${HOSTILE}\`\`\n`);
  });

  it('the rendered page shows it as text: no script element, the braces not evaluated', () => {
    const content = elements(fromHtml(html)).find((e) => String(e.properties?.className ?? '').includes('vp-doc'))!;
    const tags = elements(content);
    expect(tags.filter((e) => e.tagName === 'script')).toEqual([]);
    const line = tags.find((e) => e.tagName === 'p' && textOf(e).startsWith('Request:'))!;
    expect(textOf(line)).toBe(`Request: PUT ${HOSTILE}`);
    expect(html).not.toContain('<script>window.__sdkforgeHostile');
  });

  it('reads back the same verb and path, from the markdown and from the HTML page', async () => {
    const md = await ingest([relative(ROOT, join(site, 'docs'))], { cwd: ROOT });
    const htmlDir = join(work, 'hostile-html');
    rmSync(htmlDir, { recursive: true, force: true });
    writeHtmlPages(render, [{ path: pageFile.path.slice('docs/'.length), contents: markdown }], htmlDir);
    const fromHtml = await ingest([relative(ROOT, htmlDir)], { cwd: ROOT });
    for (const back of [md, fromHtml]) {
      const m = method(back.api, 'get_user_mfa_info');
      expect(m.http).toMatchObject({ verb: 'PUT', path: HOSTILE, verbOrigin: { evidence: 'request-line' }, pathOrigin: { evidence: 'request-line' } });
      expect(back.diagnostics.filter((d) => d.code.startsWith('md-verb'))).toEqual([]);
    }
  });
});
