import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageAssets } from '../../../generator/package-assets.js';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { ingest } from '../../../generator/ingest/index.js';
import { config, writeFiles } from '../../emit/docs/round-trip-helpers.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * The traces a page leaves of its verb (reader/verb-evidence.ts), on real corpus pages: the
 * docs generator's query-string rows and body rows, the request type line, the sample code.
 */

const read = (corpus: string, path: string, edit?: (text: string) => string) => {
  const file = rel(join(corpus, path));
  const text = readFileSync(join(ROOT, file), 'utf8');
  return parsePage(file, edit ? edit(text) : text);
};

describe.skipIf(!hasCorpus)('what a page shows of where its parameters travel', () => {
  it('query-string rows ( | code | string  | …): a GET page', () => {
    const page = read(CORPUS_ZH, 'node/management/管理岗位/get-post.md');
    expect(page.method!.verbTraces).toEqual([{ evidence: 'row-layout', placement: 'query', source: { file: page.file, line: 24, column: 1 } }]);
    expect(page.diagnostics.filter((d) => d.code.startsWith('md-verb'))).toEqual([]);
  });

  it('body rows (| name | string | …): a POST page, whatever its name says (getPostById)', () => {
    const page = read(CORPUS_ZH, 'python/management/管理岗位/get-post-by-id.md');
    expect(page.method!.verbTraces.map((t) => [t.evidence, t.placement])).toEqual([['row-layout', 'body']]);
  });

  it('the same layout in every SDK language', () => {
    for (const lang of ['node', 'python', 'java', 'go']) {
      const page = read(CORPUS_ZH, `${lang}/management/管理岗位/list-post.md`);
      expect(page.method!.verbTraces[0], lang).toMatchObject({ evidence: 'row-layout', placement: 'query' });
    }
  });

  it('the request type line above the table, and the sample code that builds a …ReqDto, agree with body rows', () => {
    const dnef = read(CORPUS_ZH, 'java/management/管理数据资源与权限/create-dnef.md');
    expect(dnef.method!.verbTraces.map((t) => t.evidence)).toEqual(['row-layout', 'request-type-line']);
    expect(dnef.method!.verbTraces.every((t) => t.placement === 'body')).toBe(true);
    const group = read(CORPUS_ZH, 'java/management/管理用户分组/create-group.md');
    expect(group.method!.verbTraces.map((t) => [t.evidence, t.placement, t.source.line])).toEqual([
      ['row-layout', 'body', 24],
      ['sample-request-body', 'body', 59],
    ]);
    // an aligned table shows nothing; its request type line still says body
    const struct = read(CORPUS_ZH, 'node/authentication/鉴权/get-user-auth-resource-struct.md');
    expect(struct.method!.verbTraces.map((t) => [t.evidence, t.placement, t.source.line])).toEqual([['request-type-line', 'body', 19]]);
  });

  it('reports a hand-edited page whose rows have the indent of one layout and the type spacing of the other', () => {
    const page = read(CORPUS_ZH, 'node/management/管理用户/get-user-mfa-status.md');
    expect(page.method!.verbTraces).toEqual([]);
    const d = page.diagnostics.filter((x) => x.code === 'md-verb-evidence-conflict');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', location: { line: 22 } });
  });

  it('reports a table that mixes the two layouts, and reads no verb from it', () => {
    const page = read(CORPUS_ZH, 'node/management/管理岗位/get-post.md', (t) => t.replace(' | withCustomData | boolean  |', '| withCustomData | boolean |'));
    expect(page.method!.verbTraces).toEqual([]);
    const d = page.diagnostics.find((x) => x.code === 'md-verb-evidence-conflict')!;
    expect(d.message).toBe('some parameter rows are laid out as query-string rows (line 24) and some as body rows (line 25): the rows say nothing about the verb');
  });

  it('reports traces of one page that disagree, and trusts the row layout', () => {
    const page = read(CORPUS_ZH, 'node/management/管理岗位/get-post.md', (t) => t.replace('## 请求参数\n', '## 请求参数\n\n类型： `GetPostDto`\n'));
    expect(page.method!.verbTraces.map((t) => [t.evidence, t.placement])).toEqual([
      ['row-layout', 'query'],
      ['request-type-line', 'body'],
    ]);
    const d = page.diagnostics.find((x) => x.code === 'md-verb-evidence-conflict')!;
    expect(d.message).toMatch(/the request type line above the parameter table says the parameters travel in the request body, but the layout of the parameter rows says the query string; the row-layout is trusted/);
  });

  it('English pages re-aligned by a formatter (genauth-en) show nothing, so the name rule decides', async () => {
    // compact rows under a padded delimiter row: a formatter's work, not the generator's layout
    const page = read(CORPUS_EN, 'node/management/管理用户/get-user-departments.md');
    expect(page.method!.verbTraces).toEqual([]);
    const { api } = await ingest([rel(CORPUS_EN)], { cwd: ROOT });
    const m = api.clients.flatMap((c) => c.methods).find((x) => x.id === 'get_user_departments')!;
    expect(m.http).toMatchObject({ verb: 'GET', verbOrigin: { kind: 'rule', rule: 'query-name-scalar-params' } });
  });

  it('the emitted pages lay the rows out the same way, so the verb reads back', async () => {
    const files = ['node/management/管理岗位/get-post.md', 'node/management/管理岗位/get-post-by-id.md'].map((f) => rel(join(CORPUS_ZH, f)));
    const first = await ingest(files, { cwd: ROOT });
    const out = await emitDocs(first.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
    const text = (suffix: string) => out.files.find((f) => f.path.endsWith(suffix))!.contents;
    expect(text('get-post.md')).toContain('\n | code | string  | 是 | - | 岗位 code | `developer` |\n');
    expect(text('get-post-by-id.md')).toContain('\n| ---- | ---- | ---- | ---- | ---- | ---- |\n| idList | string | 否 | - |');
    const dir = join(ROOT, 'test/.tmp/verb-evidence');
    writeFiles(dir, out.files);
    const second = await ingest([rel(join(dir, 'docs'))], { cwd: ROOT });
    const verbs = (api: typeof first.api) => api.clients.flatMap((c) => c.methods.map((m) => `${m.id} ${m.http.verb} ${JSON.stringify({ ...m.http.verbOrigin, source: undefined })}`)).sort();
    expect(verbs(first.api)).toEqual([
      'get_post GET {"kind":"evidence","evidence":"row-layout"}',
      'get_post_by_id POST {"kind":"evidence","evidence":"row-layout"}',
    ]);
    // the emitted pages also state the endpoint (request-line.test.ts), which reads back first;
    // their rows agree with it
    expect(verbs(second.api)).toEqual([
      'get_post GET {"kind":"evidence","evidence":"request-line"}',
      'get_post_by_id POST {"kind":"evidence","evidence":"request-line"}',
    ]);
    const pages = second.api.clients.flatMap((c) => c.methods).map((m) => parsePage(m.docs[0]!.file, readFileSync(join(ROOT, m.docs[0]!.file), 'utf8')));
    expect(pages.map((p) => p.method!.verbTraces.map((t) => `${t.evidence} ${t.placement}`))).toEqual([
      ['request-line query', 'row-layout query'],
      ['request-line body', 'row-layout body'],
    ]);
    expect(second.diagnostics.filter((d) => d.code.startsWith('md-verb'))).toEqual([]);
  });
});
