import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStemOfPath, pathOfFileStem } from '../../../generator/formats/page-file-path.js';
import { ingest } from '../../../generator/ingest/index.js';
import type { Method } from '../../../generator/ir/types.js';
import { CORPUS_ZH, ROOT, hasCorpus } from '../../helpers/shared.js';
import { roundTrip } from '../../emit/docs/round-trip-helpers.js';

/**
 * Paths from what the pages say (generator/ingest/docs/http-path.ts): a path written in their
 * text wins over the file name, which cannot tell a `-` of the path from a `/`. The corpus writes
 * only paths its file names give too (http-rule.test.ts), so these tests write the slash paths
 * into copies of real corpus pages, the way the pages write paths.
 */
describe('the docs generator\'s file names', () => {
  it('are the path without /api/v3/, each slash a dash; a path outside /api/v3/ keeps a leading dash', () => {
    expect(fileStemOfPath('/api/v3/get-user-mfa-info')).toBe('get-user-mfa-info');
    expect(fileStemOfPath('/api/v3/metadata/create-field')).toBe('metadata-create-field');
    expect(fileStemOfPath('/get-row-batch')).toBe('-get-row-batch');
    expect(pathOfFileStem('get-user-mfa-info')).toEqual({ path: '/api/v3/get-user-mfa-info', outsideBase: false });
    expect(pathOfFileStem('-get-row-batch')).toEqual({ path: '/get-row-batch', outsideBase: true });
    expect(pathOfFileStem('metadata-create-field').path).toBe('/api/v3/metadata-create-field');
  });
});

describe.skipIf(!hasCorpus)('paths the pages write out', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const FIELD = 'node/management/管理数据对象/metadata-create-field.md';
  const POST = 'node/management/管理岗位/get-user-post.md';
  const corpusPage = (p: string): string => readFileSync(join(CORPUS_ZH, p), 'utf8');
  // get-user-post.md line 14: `此接口只会返回一个岗位，已废弃，请使用 /api/v3/get-user-posts 接口`
  const DEPRECATION = '/api/v3/get-user-posts';

  /** A docs folder `<tmp>/docs/<page>` with the given pages; returns the folder's parent. */
  function tree(pages: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-paths-'));
    dirs.push(dir);
    for (const [p, text] of Object.entries(pages)) {
      mkdirSync(dirname(join(dir, 'docs', p)), { recursive: true });
      writeFileSync(join(dir, 'docs', p), text);
    }
    return dir;
  }
  const methodOf = (methods: Method[], id: string): Method => methods.find((m) => m.id === id)!;

  it('a path in another page\'s prose gives a page its slash, located where it is written', async () => {
    const post = corpusPage(POST).replace(DEPRECATION, '/api/v3/metadata/create-field');
    const dir = tree({ [FIELD]: corpusPage(FIELD), [POST]: post });
    const { api, diagnostics } = await ingest(['docs'], { cwd: dir });
    const methods = api.clients.flatMap((c) => c.methods);
    const field = methodOf(methods, 'create_field');
    expect(field.http).toMatchObject({ verb: 'POST', path: '/api/v3/metadata/create-field' });
    expect(field.http.pathOrigin).toEqual({ kind: 'evidence', evidence: 'path-mention', source: { file: `docs/${POST}`, line: 14, column: 21 } });
    // the page that writes it keeps its own path from its file name
    expect(methodOf(methods, 'get_user_post').http).toMatchObject({ path: '/api/v3/get-user-post', pathOrigin: { kind: 'rule', rule: 'api-v3-file-name' } });
    expect(diagnostics.filter((d) => d.code === 'md-path-mention-conflict')).toEqual([]);
  });

  it('a request URL in a sample counts too; two paths for one file name are reported, the most written wins', async () => {
    const sample = (url: string): string => corpusPage(FIELD).replace('## 请求响应', `## 示例代码\n\n\`\`\`bash\ncurl -X POST ${url} -d '{}'\n\`\`\`\n\n## 请求响应`);
    const dir = tree({
      [FIELD]: sample('https://api.example.com/api/v3/metadata/create-field'),
      ['python/management/管理数据对象/metadata-create-field.md']: sample('https://api.example.com/api/v3/metadata-create/field'),
      ['go/management/管理数据对象/metadata-create-field.md']: sample('https://api.example.com/api/v3/metadata/create-field'),
    });
    const { api, diagnostics } = await ingest(['docs'], { cwd: dir });
    const field = methodOf(api.clients.flatMap((c) => c.methods), 'create_field');
    expect(field.http.path).toBe('/api/v3/metadata/create-field');
    // the first place it is written, in file order
    expect(field.http.pathOrigin).toMatchObject({ kind: 'evidence', evidence: 'path-mention', source: { file: `docs/go/management/管理数据对象/metadata-create-field.md`, column: 37 } });
    const conflict = diagnostics.filter((d) => d.code === 'md-path-mention-conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ severity: 'warning', location: { file: 'docs/python/management/管理数据对象/metadata-create-field.md', column: 37 } });
    expect(conflict[0]!.message).toContain('/api/v3/metadata/create-field (2×) and /api/v3/metadata-create/field (1×)');
  });

  it('a path the file name gives wins a conflict when it is written, whatever the count', async () => {
    const post = (p: string): string => corpusPage(POST).replace(DEPRECATION, p);
    const dir = tree({
      [FIELD]: corpusPage(FIELD),
      [POST]: post('/api/v3/metadata/create-field'),
      ['python/management/管理岗位/get-user-post.md']: post('/api/v3/metadata/create-field'),
      ['go/management/管理岗位/get-user-post.md']: post('/api/v3/metadata-create-field'),
    });
    const { api, diagnostics } = await ingest(['docs'], { cwd: dir });
    expect(methodOf(api.clients.flatMap((c) => c.methods), 'create_field').http.path).toBe('/api/v3/metadata-create-field');
    expect(diagnostics.filter((d) => d.code === 'md-path-mention-conflict')).toHaveLength(1);
  });

  it('a slash path read from the text survives the emitted pages', async () => {
    const dir = tree({ [FIELD]: corpusPage(FIELD), [POST]: corpusPage(POST).replace(DEPRECATION, '/api/v3/metadata/create-field') });
    const input = relative(ROOT, join(dir, 'docs'));
    const r = await roundTrip([input], join(ROOT, 'test/.tmp/http-path-round-trip'));
    const after = methodOf(r.second.api.clients.flatMap((c) => c.methods), 'create_field');
    expect(methodOf(r.first.api.clients.flatMap((c) => c.methods), 'create_field').http.pathOrigin).toMatchObject({ kind: 'evidence', evidence: 'path-mention' });
    // the emitted page states it in its request line, which reads back first
    expect(after.http).toMatchObject({ path: '/api/v3/metadata/create-field', pathOrigin: { kind: 'evidence', evidence: 'request-line' } });
    // the emitted page keeps the docs generator's file name for it
    expect(r.files.map((f) => f.path)).toContain('docs/management/管理数据对象/metadata-create-field.md');
  });
});
