import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, pagesParser } from '../../../generator/ingest/index.js';
import { stableStringify } from '../../../generator/ir/json.js';
import type { Api, Field, NamedType } from '../../../generator/ir/types.js';
import { CORPUS_ZH, DOCS_INPUT, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

const typeNamed = (api: Api, name: string): NamedType | undefined => api.types.find((t) => t.name === name);
const fieldsOf = (t: NamedType | undefined): Field[] => (t?.type.kind === 'object' ? t.type.fields : []);

// The corpus: 86 pages include fragments of common/; 78 define LoginTokenResponseDataDto only so.
describe.skipIf(!hasCorpus)('includes on the corpus', async () => {
  const { api, diagnostics, stats } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });

  it('LoginTokenResponseDataDto gets its 6 fields from common/token_response_table.md, located there', () => {
    const t = typeNamed(api, 'LoginTokenResponseDataDto');
    expect(fieldsOf(t).map((f) => f.name)).toEqual(['scope', 'access_token', 'id_token', 'refresh_token', 'token_type', 'expire_in']);
    expect(fieldsOf(t).map((f) => [f.required, f.type.kind])).toEqual([
      [false, 'string'],
      [false, 'string'],
      [false, 'string'],
      [false, 'string'],
      [true, 'string'],
      [true, 'number'],
    ]);
    // each field's source is the fragment's own file:line; the type's heading is on the page
    expect(fieldsOf(t).map((f) => `${f.source.file}:${f.source.line}`)).toEqual(
      [3, 4, 5, 6, 7, 8].map((n) => `${rel(CORPUS_ZH)}/common/token_response_table.md:${n}`),
    );
    expect(t!.source.file).not.toContain('/common/');
  });

  it('a login method returns it, and its sample result comes from common/token_response_json.md', () => {
    const m = api.clients.find((c) => c.name === 'AuthenticationClient')!.methods.find((x) => x.id === 'sign_in_by_ad')!;
    expect(m.response.type).toEqual({ kind: 'ref', name: 'LoginTokenRespDto' });
    const envelope = fieldsOf(typeNamed(api, 'LoginTokenRespDto'));
    expect(envelope.find((f) => f.name === 'data')!.type).toEqual({ kind: 'ref', name: 'LoginTokenResponseDataDto' });
    const fragment = readFileSync(join(CORPUS_ZH, 'common', 'token_response_json.md'), 'utf8');
    expect(m.response.sample).toEqual(JSON.parse(fragment.replace(/^```json\n|```\s*$/g, '')));
  });

  it('the 8 fragments are not pages, every include resolves', () => {
    expect(stats!.fragments).toBe(8);
    expect(diagnostics.filter((d) => d.code.startsWith('md-include-'))).toEqual([]);
    expect(diagnostics.filter((d) => d.location?.file.includes('/common/') && d.code === 'md-not-a-method-page')).toEqual([]);
  });
}, 120_000);

// A docs tree built in a temporary folder from a docs-input page whose data-structure table is
// moved into a fragment, as the corpus does it; then spoiled in every way an include can be.
describe('includes: resolution, sources, and hostile directives', () => {
  const page = readFileSync(join(DOCS_INPUT, 'python/management/管理用户/get-user-mfa-info.md'), 'utf8');
  const heading = '### <a id="UserMfaRespDto"></a> UserMfaRespDto\n\n';
  const tableAt = page.indexOf(heading) + heading.length;
  const table = page.slice(tableAt);
  const pageLines = page.slice(0, tableAt).split('\n').length;
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A tree `<tmp>/site/docs/reference/sdk/{python/…/page.md, common/…}`; returns the tmp dir. */
  function tree(directive: string, files: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-include-'));
    dirs.push(dir);
    const write = (p: string, text: string): void => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    write('site/docs/reference/sdk/python/management/管理用户/get-user-mfa-info.md', page.slice(0, tableAt) + directive + '\n');
    for (const [p, text] of Object.entries(files)) write(p, text);
    return dir;
  }
  const PAGE = 'site/docs/reference/sdk/python/management/管理用户/get-user-mfa-info.md';
  const inline = (async () => {
    const dir = tree(table.trimEnd());
    return ingest(['site/docs/reference/sdk'], { cwd: dir });
  })();

  it('a fragment gives the same IR as the text written inline, with the fragment as the source of what it gave', async () => {
    const dir = tree('!!!include(reference/sdk/common/mfa_table.md)!!!', { 'site/docs/reference/sdk/common/mfa_table.md': table });
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    const want = await inline;
    expect(got.diagnostics.filter((d) => d.severity !== 'info')).toEqual(want.diagnostics.filter((d) => d.severity !== 'info'));
    const fields = fieldsOf(typeNamed(got.api, 'UserMfaRespDto'));
    expect(fields.map((f) => f.name)).toEqual(['totpStatus', 'faceMfaStatus', 'smsMfaStatus', 'emailMfaStatus']);
    expect(fields.map((f) => `${f.source.file}:${f.source.line}:${f.source.column}`)).toEqual(
      [3, 4, 5, 6].map((n) => `site/docs/reference/sdk/common/mfa_table.md:${n}:3`),
    );
    // apart from those sources, the IR is the inline page's, and the fragment is no page
    const located = (api: Api) => stableStringify(api).replace(/"file":\s*"[^"]*",\s*"line":\s*\d+/g, '');
    expect(located(got.api)).toBe(located(want.api));
    expect(fieldsOf(typeNamed(want.api, 'UserMfaRespDto'))[0]!.source.line).toBe(pageLines + 2);
    expect(got.stats).toMatchObject({ pages: 1, fragments: 1, methodPages: 1, skippedPages: 0 });
  });

  it('walks up from the page: the path is relative to the docs root (site/docs) when the input is the root', async () => {
    const dir = tree('!!!include(reference/sdk/common/mfa_table.md)!!!', { 'site/docs/reference/sdk/common/mfa_table.md': table });
    const got = await ingest(['site/docs'], { cwd: dir });
    expect(fieldsOf(typeNamed(got.api, 'UserMfaRespDto'))).toHaveLength(4);
    expect(got.diagnostics.filter((d) => d.code.startsWith('md-include'))).toEqual([]);
  });

  it('never above the input folder: a fragment outside it is unresolved, unless docs.root says where the root is', async () => {
    const dir = tree('!!!include(reference/sdk/common/mfa_table.md)!!!', { 'site/docs/reference/sdk/common/mfa_table.md': table });
    const narrow = await ingest(['site/docs/reference/sdk/python'], { cwd: dir });
    const missing = narrow.diagnostics.filter((d) => d.code === 'md-include-unresolved');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', location: { file: PAGE, line: pageLines, column: 1 } });
    expect(missing[0]!.message).toContain('docs.root');
    expect(fieldsOf(typeNamed(narrow.api, 'UserMfaRespDto'))).toEqual([]);

    const rooted = await ingest(['site/docs/reference/sdk/python'], { cwd: dir, docsRoot: 'site/docs' });
    expect(rooted.diagnostics.filter((d) => d.code.startsWith('md-include'))).toEqual([]);
    expect(fieldsOf(typeNamed(rooted.api, 'UserMfaRespDto'))).toHaveLength(4);
  });

  it('reports a missing fragment where the directive is, and keeps going', async () => {
    const dir = tree('!!!include(reference/sdk/common/nope.md)!!!');
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    expect(got.diagnostics.filter((d) => d.code === 'md-include-unresolved').map((d) => d.location)).toEqual([{ file: PAGE, line: pageLines, column: 1 }]);
    expect(got.api.clients[0]!.methods).toHaveLength(1);
  });

  it.each([
    ['..', '!!!include(../outside.md)!!!'],
    ['.. inside the path', '!!!include(reference/sdk/common/../../../../outside.md)!!!'],
    ['an absolute path', '!!!include(/etc/passwd)!!!'],
    ['a backslash', '!!!include(..\\outside.md)!!!'],
  ])('refuses %s before looking at the disk', async (_what, directive) => {
    const dir = tree(directive, { 'site/docs/outside.md': table, 'site/outside.md': table, 'outside.md': table });
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    expect(got.diagnostics.filter((d) => d.code === 'md-include-refused').map((d) => d.location?.line)).toEqual([pageLines]);
    expect(fieldsOf(typeNamed(got.api, 'UserMfaRespDto'))).toEqual([]);
  });

  it('refuses a symlink that leads out of the docs root, and a directory', async () => {
    const dir = tree('!!!include(reference/sdk/common/link.md)!!!\n\n!!!include(reference/sdk/common/folder.md)!!!', { 'secret/secret.md': table });
    mkdirSync(join(dir, 'site/docs/reference/sdk/common'));
    symlinkSync(join(dir, 'secret/secret.md'), join(dir, 'site/docs/reference/sdk/common/link.md'));
    mkdirSync(join(dir, 'site/docs/reference/sdk/common/folder.md'));
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    const refused = got.diagnostics.filter((d) => d.code === 'md-include-refused');
    expect(refused.map((d) => d.message)).toEqual([expect.stringContaining('leads outside the docs root'), expect.stringContaining('not a regular file')]);
    expect(fieldsOf(typeNamed(got.api, 'UserMfaRespDto'))).toEqual([]);
  });

  it('follows a symlink that stays inside the root', async () => {
    const dir = tree('!!!include(reference/sdk/common/link.md)!!!', { 'site/docs/reference/sdk/common/real/mfa_table.md': table });
    symlinkSync(join(dir, 'site/docs/reference/sdk/common/real/mfa_table.md'), join(dir, 'site/docs/reference/sdk/common/link.md'));
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    expect(fieldsOf(typeNamed(got.api, 'UserMfaRespDto'))).toHaveLength(4);
  });

  it('stops includes nested deeper than 8', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 12; n++) files[`site/docs/reference/sdk/common/d${n}.md`] = `!!!include(common/d${n + 1}.md)!!!\n`;
    files['site/docs/reference/sdk/common/d12.md'] = table;
    const dir = tree('!!!include(reference/sdk/common/d0.md)!!!', files);
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    expect(got.diagnostics.filter((d) => d.code.startsWith('md-include')).map((d) => [d.code, d.location?.file])).toEqual([
      ['md-include-cycle', 'site/docs/reference/sdk/common/d7.md'],
    ]);
  });

  it('reports a cycle once and does not loop', async () => {
    const dir = tree('!!!include(reference/sdk/common/a.md)!!!', {
      'site/docs/reference/sdk/common/a.md': '!!!include(reference/sdk/common/b.md)!!!\n',
      'site/docs/reference/sdk/common/b.md': table + '\n!!!include(reference/sdk/common/a.md)!!!\n',
    });
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    const cycles = got.diagnostics.filter((d) => d.code === 'md-include-cycle');
    expect(cycles.map((d) => d.location)).toEqual([{ file: 'site/docs/reference/sdk/common/b.md', line: table.split('\n').length + 1, column: 1 }]);
    // what was reached before the cycle is kept
    expect(fieldsOf(typeNamed(got.api, 'UserMfaRespDto'))).toHaveLength(4);
    expect(got.stats!.fragments).toBe(2);
  });

  it('stops a fragment that multiplies itself (ten includes a line, six deep: a million) instead of exhausting memory', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 5; n++) files[`site/docs/reference/sdk/common/f${n}.md`] = `x${n} ` + `!!!include(common/f${n + 1}.md)!!! `.repeat(10) + '\n';
    files['site/docs/reference/sdk/common/f5.md'] = 'y'.repeat(1000);
    const dir = tree('!!!include(reference/sdk/common/f0.md)!!!', files);
    const got = await ingest(['site/docs/reference/sdk'], { cwd: dir });
    expect(got.diagnostics.filter((d) => d.code.startsWith('md-include')).map((d) => d.message)).toEqual([expect.stringMatching(/more than \d+ includes on one page/)]);
    expect(got.api.clients[0]!.methods).toHaveLength(1);
  });

  it('re-reads a page whose fragment changed, through the page cache', async () => {
    const dir = tree('!!!include(reference/sdk/common/mfa_table.md)!!!', { 'site/docs/reference/sdk/common/mfa_table.md': table });
    const first = await ingest(['site/docs/reference/sdk'], { cwd: dir, parsePages: pagesParser({ cwd: dir, cache: true }) });
    expect(fieldsOf(typeNamed(first.api, 'UserMfaRespDto'))).toHaveLength(4);
    const fewer = table.split('\n').filter((l) => !l.includes('emailMfaStatus')).join('\n');
    writeFileSync(join(dir, 'site/docs/reference/sdk/common/mfa_table.md'), fewer);
    const second = await ingest(['site/docs/reference/sdk'], { cwd: dir, parsePages: pagesParser({ cwd: dir, cache: true }) });
    expect(fieldsOf(typeNamed(second.api, 'UserMfaRespDto')).map((f) => f.name)).toEqual(['totpStatus', 'faceMfaStatus', 'smsMfaStatus']);
  });
});
