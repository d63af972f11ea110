import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { ingest } from '../../../generator/ingest/index.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { comparable, config, readBackComparable, ROOT, writeFiles } from '../../emit/docs/round-trip-helpers.js';
import { vitepressRenderer } from '../../helpers/vitepress-render.js';
import { elements, textOf as text } from '../../helpers/hast.js';

/**
 * An HTML page is untrusted input. Markup written as its text (entities: `&lt;script&gt;`,
 * `&lt;code&gt;`, Vue's `{{ }}`) is text: it reaches the IR as the canonical form's text and the
 * docs sdkforge builds from it show it as text, rendered as the site renders it
 * (test/helpers/vitepress-render.ts). The page's own `<script>` elements are no content.
 * The browser proof (nothing runs) is in test/e2e/docs-site.test.ts.
 */

const PAGE = 'test/fixtures/html/hostile/probe-hostile-html.html';
// inside the repository: the site's config imports vitepress from its node_modules
const work = join(ROOT, 'test/.tmp/html-text-stays-text');

describe('text of an HTML page stays text, from the page to the docs site', async () => {
  const read = await ingest([PAGE], { cwd: ROOT });
  const method = read.api.clients.flatMap((c) => c.methods).find((m) => m.id === 'probe_hostile_html')!;
  const emitted = await emitDocs(read.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  writeFiles(work, emitted.files);
  const markdown = String(emitted.files.find((f) => f.path === 'docs/management/probe-hostile-html.md')!.contents);
  const render = await vitepressRenderer(join(work, 'docs'));
  const html = render(markdown, 'management/probe-hostile-html.md');
  const content = elements(fromHtml(html)).find((e) => String(e.properties?.className ?? '').includes('vp-doc'))!;

  it('reads the text as text: markup of the canonical form escaped, the page\'s scripts dropped', () => {
    expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const [script, template] = method.parameters;
    expect(script!.description).toBe("Text <script>window.__sdkforgeHostile = 'cell'</script> shown as written");
    expect(script!.example).toBe("<script>window.__sdkforgeHostile = 'sample'</script>");
    expect(template!.description).toBe(
      'Shows {{ 7 * 191 }}, &lt;code>not code&lt;/code>, &lt;div style="width:80px">not a div&lt;/div>, a&lt;br>b, &lt;a id="x">&lt;/a> and <img src=x onerror="window.__sdkforgeHostile = \'img\'"> as text',
    );
    expect(JSON.stringify(read.api)).not.toMatch(/__sdkforgeHostile = '(?:head|element|tail)'/);
  });

  it('the rendered page holds none of it as an element: no script, no image, no code, div, br or anchor made of text', () => {
    const tags = elements(content);
    expect(tags.filter((e) => e.tagName === 'script' || e.tagName === 'img')).toEqual([]);
    expect(tags.filter((e) => e.tagName === 'code' && text(e) === 'not code')).toEqual([]);
    expect(tags.filter((e) => e.tagName === 'div' && text(e) === 'not a div')).toEqual([]);
    expect(tags.filter((e) => e.tagName === 'a' && e.properties?.id === 'x')).toEqual([]);
    const row = tags.find((e) => e.tagName === 'tr' && text(e).includes('not code'))!;
    expect(elements(row).filter((e) => e.tagName === 'br')).toEqual([]);
    // Vue never sees a brace of docs text: the page is inside v-pre, and outside code blocks
    // (v-pre too, where Shiki writes the sample code) its braces are entities
    expect(html).toContain('<div v-pre>');
    expect(html.replace(/<pre[\s\S]*?<\/pre>/g, '')).not.toMatch(/\{\{ (?:7|constructor)/);
  });

  it('the rendered page shows the text as written', () => {
    const shown = text(content);
    for (const s of [
      "Probe a page whose text is <script>window.__sdkforgeHostile = 'description'</script> and {{ 7 * 191 }} and <!--@include: ../../../../../../etc/passwd-->.",
      "<script>window.__sdkforgeHostile = 'block'</script>",
      "Text <script>window.__sdkforgeHostile = 'cell'</script> shown as written",
      `Shows {{ 7 * 191 }}, <code>not code</code>, <div style="width:80px">not a div</div>, a<br>b, <a id="x"></a> and <img src=x onerror="window.__sdkforgeHostile = 'img'"> as text`,
      `{{ constructor.constructor('window.__sdkforgeHostile = "dto"')() }}`,
    ]) expect(shown).toContain(s);
  });

  it('the rendered page reads back as the same method and types', async () => {
    writeFiles(join(work, 'html'), [{ path: 'probe-hostile-html.html', contents: html }]);
    const back = await ingest([relative(ROOT, join(work, 'html'))], { cwd: ROOT });
    const again = back.api.clients.flatMap((c) => c.methods).find((m) => m.id === 'probe_hostile_html');
    // its verb and path come back from the request line the emitted page states
    expect(readBackComparable(again)).toEqual(readBackComparable(method));
    expect(again!.http).toMatchObject({ verb: method.http.verb, path: method.http.path, verbOrigin: { evidence: 'request-line' } });
    expect(comparable(back.api.types)).toEqual(comparable(read.api.types));
  });
});
