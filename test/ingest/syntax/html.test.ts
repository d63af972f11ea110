import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, pageModel } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import { comparable } from '../../emit/docs/round-trip-helpers.js';
import { ROOT } from '../../helpers/shared.js';

/**
 * Rendered HTML pages as input (syntax/html). The page here was written by hand in VuePress 1's
 * default-theme layout, another site than the VitePress one sdkforge builds (that one is read back
 * in test/emit/docs/round-trip.test.ts and test/e2e/docs-site.test.ts): navbar, sidebar and footer
 * (whose links say "Request parameters", "Data Structure" and "Method name", to be ignored), header
 * anchors "#", a thead-less table, entities, code spans with elements inside, an external link with
 * its "(opens new window)" screen-reader text. It documents docs-input's
 * reset_user_principal_authentication_info and must read as the same method and types.
 */

const PAGE = 'test/fixtures/html/management/管理用户/reset-user-principal-authentication-info.html';
const method = (api: Api, id: string): Method => api.clients.flatMap((c) => c.methods).find((m) => m.id === id)!;

describe('a hand-made VuePress page', async () => {
  const html = await ingest([PAGE], { cwd: ROOT });
  const md = await ingest(['docs-input'], { cwd: ROOT });
  const m = method(html.api, 'reset_user_principal_authentication_info');

  it('reads as the same method as the markdown page of docs-input', () => {
    expect(comparable(m)).toEqual(comparable(method(md.api, 'reset_user_principal_authentication_info')));
    expect(m.docs).toEqual([{ file: PAGE, format: 'html', writtenName: 'ManagementClient.reset_user_principal_authentication_info' }]);
  });

  it('reads the same data structures, prose enum and link included', () => {
    expect(html.api.types.map((t) => t.name)).toEqual(['IsSuccessDto', 'IsSuccessRespDto', 'ResetUserPrincipalAuthenticationInfoOptionsDto']);
    for (const t of html.api.types) expect(comparable(t), t.name).toEqual(comparable(md.api.types.find((x) => x.name === t.name)));
  });

  it('is read without a warning', () => {
    expect(html.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps positions of the HTML source', () => {
    const text = readFileSync(join(ROOT, PAGE), 'utf8').split('\n');
    const userId = m.parameters[0]!;
    expect(text[userId.source.line - 1]!.slice(userId.source.column - 1)).toMatch(/^<td>userId<\/td>/);
  });

  it('ignores the chrome: nothing of the navbar, sidebar, footer or permalinks reaches the page model', () => {
    const page = pageModel(PAGE, readFileSync(join(ROOT, PAGE), 'utf8'));
    expect(page.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && `${b.depth} ${b.text}`)).toEqual([
      '1 Delete user real-name authentication information',
      '2 Method name',
      '2 Request parameters',
      '2 Request Response',
      '2 Data Structure',
      '3 <a id="ResetUserPrincipalAuthenticationInfoOptionsDto"></a> ResetUserPrincipalAuthenticationInfoOptionsDto',
      '3 <a id="IsSuccessDto"></a> IsSuccessDto',
    ]);
    const all = JSON.stringify(page.blocks);
    for (const chrome of ['GenAuth Docs', 'Management Module', 'Edit this page', 'Last Updated', 'opens new window', '© GenAuth', 'dataLayer']) expect(all).not.toContain(chrome);
    // the note in a quote stays a note (the reader leaves it out of the description)
    expect(page.blocks[1]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^> This document is automatically generated/) });
  });
});

describe('HTML inline content in the canonical form', () => {
  const cell = (td: string): string => {
    const page = pageModel('x.html', `<table><tr><th>Name</th></tr><tr><td>${td}</td></tr></table>`);
    const t = page.blocks[0]!;
    if (t.kind !== 'table') throw new Error('no table');
    return t.rows[0]!.cells[0]!;
  };

  it('code spans, with entities and nested elements, and backticks inside', () => {
    expect(cell('<code>&lt;extIdpId&gt;:&amp;<span>x</span></code>')).toBe('`<extIdpId>:&x`');
    expect(cell('<code>a`b</code>')).toBe('``a`b``');
    expect(cell('<code>`x`</code>')).toBe('`` `x` ``');
  });

  it('links: to a data structure as the published HTML, others as markdown, addresses as written', () => {
    expect(cell('<a href="#UserDto">UserDto</a>[]')).toBe('<a href="#UserDto">UserDto</a>[]');
    expect(cell('see <a href="https://x.test/a(b)" target="_blank">the list</a>')).toBe('see [the list](https://x.test/a%28b%29)');
    expect(cell('<a href="https://x.test/%E4%B8%AD">https://x.test/中</a>')).toBe('https://x.test/中');
  });

  it('line breaks as <br>, layout white space as one space, text that looks like a kept tag escaped', () => {
    expect(cell('a<br>b<br/>\n   c')).toBe('a<br>b<br> c');
    expect(cell('\n   wrapped\n   text  kept  ')).toBe('wrapped text  kept');
    expect(cell('literally &lt;br&gt; and &lt;a href&gt;, but &lt;T&gt; as is')).toBe('literally &lt;br> and &lt;a href>, but <T> as is');
  });

  it('text that reads as markup of the canonical form is escaped; other tags written as text stay text; a script element is no content', () => {
    expect(cell('&lt;code&gt;x&lt;/code&gt; &lt;div style="width:80px"&gt; &lt;!-- c --&gt;')).toBe('&lt;code>x&lt;/code> &lt;div style="width:80px"> &lt;!-- c -->');
    expect(cell('&lt;script&gt;x&lt;/script&gt;<script>window.x = 1</script> {{ 7 * 191 }}')).toBe('<script>x</script> {{ 7 * 191 }}');
    expect(cell('&lt;abbr&gt; &lt;codex&gt; &lt;divider&gt;')).toBe('<abbr> <codex> <divider>');
  });

  it('emphasis as markdown', () => {
    expect(cell('<strong>must</strong> be <em>unique</em>')).toBe('**must** be *unique*');
  });
});

describe('HTML structure', () => {
  it('a table without thead takes its first row as the header; colspan keeps the columns aligned', () => {
    const page = pageModel('x.html', '<table><tr><td>Name</td><td>Type</td><td>Description</td></tr><tr><td colspan="2">a</td><td>d</td></tr></table>');
    expect(page.blocks).toMatchObject([{ kind: 'table', header: { cells: ['Name', 'Type', 'Description'] }, rows: [{ cells: ['a', '', 'd'] }] }]);
  });

  it('code blocks keep their language and text; lists and quotes read as their markdown', () => {
    const page = pageModel('x.html', '<main><div class="language-json"><pre><code><span>{</span>\n  "a": 1\n}\n</code></pre></div><ul><li>one</li><li>two</li></ul><blockquote><p>note</p></blockquote></main>');
    expect(page.blocks).toEqual([
      { kind: 'code', lang: 'json', text: '{\n  "a": 1\n}', line: 1 },
      { kind: 'paragraph', text: '- one\n- two', line: 4 },
      { kind: 'paragraph', text: '> note', line: 4 },
    ]);
  });

  it('a page nested thousands of levels deep is reported, not a stack overflow', async () => {
    const page = pageModel('deep.html', `<body>${'<div>'.repeat(50_000)}x`);
    expect(page.blocks).toEqual([]);
    expect(page.diagnostics?.map((d) => d.code)).toEqual(['html-too-deep']);
  });

  it('a .txt file holding HTML is read as HTML', () => {
    expect(pageModel('saved.txt', '<!DOCTYPE html><html><body><h1>T</h1></body></html>').format).toBe('html');
    expect(pageModel('notes.txt', 'Method name\n\nManagementClient.getX').format).toBe('text');
    expect(pageModel('page.txt', '# T\n\n## Method name\n\n`ManagementClient.getX`').format).toBe('markdown');
  });
});
