// VitePress configuration of the generated docs site. Written by sdkforge verbatim from
// templates/docs/site/config.mts; the sidebar and the site's title come from the JSON files
// beside it, which are generated from the API.
import { resolve } from 'node:path';
import { defineConfig } from 'vitepress';
import site from './site.json';
import sidebar from './sidebar.json';

// The pages are reference text that came from documents, and documents are untrusted. The
// only HTML they may carry is the markup of the published layout (line breaks in cells, links
// to data structures and their anchors, header widths); any other tag is shown as text. Every
// page is rendered inside `v-pre`, so Vue compiles nothing of it: no `{{ }}`, no directive, in
// any node kind (text, code spans, tables, headings). The `<<<` snippet import, which reads a
// file from disk while the site is built, is switched off. So are the VitePress extensions that
// print docs text as HTML or give it a say in the page's markup: `{attr=…}` after text (an
// `onfocus` handler), `> [!NOTE] title` alerts, `::: code-group` tab titles and `[[toc]]`'s
// copies of the headings (printed unescaped), a code fence's info beyond its language word (printed unescaped as the language
// label), and images that are not http(s) (Vite would bundle a relative path from disk into
// the site: `![x](../../.env)` published the file).
const ALLOWED_HTML = [
  /^<br\s*\/?>$/i,
  /^<a\s+href="#[A-Za-z0-9_.-]+"\s*>$/i,
  /^<a\s+id="[A-Za-z0-9_.-]+"\s*>$/i,
  /^<\/a>$/i,
  /^<div\s+style="width:\s*\d+px"\s*>$/i,
  /^<\/div>$/i,
  /^<code>$/i,
  /^<\/code>$/i,
  // comments of the templates' banner (sdkforge writes docs text's `<!--` as `&lt;!--`)
  /^<!--[\s\S]*?-->$/,
  // entities, such as the `&ZeroWidthSpace;` VitePress's heading anchors add
  /^&(?:[A-Za-z]+|#\d+|#x[0-9a-f]+);$/i,
];

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// VitePress keeps entities of markdown text as written (`&lt;` stays `&lt;`): escape the rest
const escapeText = (s: string): string =>
  s.replace(/&(?![\w#]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// belt and braces inside v-pre: a brace never reaches Vue as a brace
const escapeVue = (html: string): string => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
// VitePress's custom containers (markdown-it-container's block rules `container_<name>`); `toc`
// is the `[[toc]]` block rule
const CONTAINERS = ['tip', 'info', 'warning', 'danger', 'details', 'v-pre', 'raw', 'code-group'];
const allowed = (html: string): boolean => ALLOWED_HTML.some((re) => re.test(html.trim()));

// Reference tables: a long data-structure name (Type column) or sample value breaks where it
// must instead of widening its column, and the published layout's fixed header widths give way,
// so the description gets the room and the table does not scroll sideways. Names stay whole.
const TABLE_CSS = ['.vp-doc td a, .vp-doc td code { overflow-wrap: anywhere; }', '.vp-doc th > div[style] { width: auto !important; }'].join(' ');

export default defineConfig({
  title: site.title,
  lang: site.lang,
  head: [['style', {}, TABLE_CSS]],
  cleanUrls: true,
  // SDKFORGE_DOCS_CACHE_DIR (relative to where the command runs) keeps the build cache out of
  // the generated folder, which `sdkforge check` compares with a fresh generation.
  cacheDir: process.env.SDKFORGE_DOCS_CACHE_DIR ? resolve(process.env.SDKFORGE_DOCS_CACHE_DIR) : undefined,
  markdown: {
    attrs: { disable: true },
    gfmAlerts: false,
    config(md) {
      md.renderer.rules.html_inline = (tokens, idx) => {
        const content = tokens[idx]!.content;
        return allowed(content) ? content : escapeVue(escapeHtml(content));
      };
      md.renderer.rules.html_block = (tokens, idx) => {
        const content = tokens[idx]!.content;
        return allowed(content) ? content : `<p>${escapeVue(escapeHtml(content))}</p>\n`;
      };
      md.renderer.rules.text = (tokens, idx) => escapeVue(escapeText(tokens[idx]!.content));
      md.renderer.rules.code_inline = (tokens, idx) => `<code>${escapeVue(escapeHtml(tokens[idx]!.content))}</code>`;
      md.block.ruler.disable('snippet', true);
      md.block.ruler.disable([...CONTAINERS.map((name) => `container_${name}`), 'toc'], true);
      const fence = md.renderer.rules.fence!;
      md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        tokens[idx]!.info = /^[\w+#.-]*/.exec(tokens[idx]!.info.trim())![0];
        return fence(tokens, idx, options, env, self);
      };
      const image = md.renderer.rules.image!;
      md.renderer.rules.image = (tokens, idx, options, env, self) => {
        const src = tokens[idx]!.attrGet('src') ?? '';
        if (/^https?:\/\//i.test(src)) return image(tokens, idx, options, env, self);
        return escapeVue(escapeHtml(`![${self.renderInlineAsText(tokens[idx]!.children ?? [], options, env)}](${src})`));
      };
      md.core.ruler.push('sdkforge_v_pre', (state) => {
        state.tokens.unshift(new state.Token('sdkforge_v_pre_open', 'div', 1));
        state.tokens.push(new state.Token('sdkforge_v_pre_close', 'div', -1));
        return true;
      });
      md.renderer.rules.sdkforge_v_pre_open = () => '<div v-pre>';
      md.renderer.rules.sdkforge_v_pre_close = () => '</div>\n';
    },
  },
  themeConfig: {
    sidebar,
    outline: { level: [2, 3] },
    search: {
      provider: 'local',
      options: { translations: { button: { buttonText: site.searchPlaceholder, buttonAriaLabel: site.searchPlaceholder } } },
    },
  },
});
