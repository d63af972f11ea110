// VitePress configuration of the generated docs site. Written by sdkforge verbatim from
// templates/docs/site/config.mts; the sidebar and the site's title come from the JSON files
// beside it, which are generated from the API.
import { resolve } from 'node:path';
import { defineConfig } from 'vitepress';
import site from './site.json';
import sidebar from './sidebar.json';

// The pages are reference text that came from documents: the only HTML they may carry is the
// markup of the published layout (line breaks in cells, links to data structures and their
// anchors, header widths). Any other tag, and Vue's `{{ }}`, is shown as text, never run.
const ALLOWED_HTML = [
  /^<br\s*\/?>$/i,
  /^<a\s+href="#[A-Za-z0-9_.-]+"\s*>$/i,
  /^<a\s+id="[A-Za-z0-9_.-]+"\s*>$/i,
  /^<\/a>$/i,
  /^<div\s+style="width:\s*\d+px"\s*>$/i,
  /^<\/div>$/i,
  /^<!--[\s\S]*?-->$/,
  // entities, such as the `&ZeroWidthSpace;` VitePress's heading anchors add
  /^&(?:[A-Za-z]+|#\d+|#x[0-9a-f]+);$/i,
];

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeVue = (html: string): string => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');

export default defineConfig({
  title: site.title,
  lang: site.lang,
  cleanUrls: true,
  // SDKFORGE_DOCS_CACHE_DIR (relative to where the command runs) keeps the build cache out of
  // the generated folder, which `sdkforge check` compares with a fresh generation.
  cacheDir: process.env.SDKFORGE_DOCS_CACHE_DIR ? resolve(process.env.SDKFORGE_DOCS_CACHE_DIR) : undefined,
  markdown: {
    config(md) {
      const inline = (content: string): string => (ALLOWED_HTML.some((re) => re.test(content.trim())) ? content : escapeVue(escapeHtml(content)));
      md.renderer.rules.html_inline = (tokens, idx) => inline(tokens[idx]!.content);
      md.renderer.rules.html_block = (tokens, idx) => {
        const content = tokens[idx]!.content;
        return ALLOWED_HTML.some((re) => re.test(content.trim())) ? content : `<p>${escapeVue(escapeHtml(content))}</p>\n`;
      };
      md.renderer.rules.text = (tokens, idx) => escapeVue(escapeHtml(tokens[idx]!.content));
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
