import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createMarkdownRenderer, resolveConfig } from 'vitepress';
import { ROOT } from './shared.js';

/** A page of the docs site as VitePress builds it, its content replaced by this marker. */
export const SHELL = join(ROOT, 'test/fixtures/html/vitepress-page-shell.html');
const MARKER = '<!--sdkforge:page-content-->';

export type PageRenderer = (markdown: string, relativePath: string) => string;

/**
 * The docs site's pages as HTML, rendered the way `vitepress build` renders them but without a
 * build: the site's own config (its markdown hooks) is resolved by VitePress, its markdown-it
 * renderer (the one the build uses: header anchors, highlighting, containers) turns each page
 * into its content HTML, and that goes into the chrome of a built page (SHELL).
 * test/e2e/docs-site.test.ts checks that such a page reads as the built page does.
 */
export async function vitepressRenderer(siteDir: string): Promise<PageRenderer> {
  const site = await resolveConfig(siteDir, 'build', 'production');
  const md = await createMarkdownRenderer(site.srcDir, site.markdown, site.site.base, site.logger);
  const shell = readFileSync(SHELL, 'utf8');
  const at = shell.indexOf(MARKER);
  return (markdown, relativePath) => {
    const path = join(site.srcDir, relativePath);
    const env = { path, relativePath, cleanUrls: site.cleanUrls, includes: [], realPath: path, localeIndex: 'root' };
    return shell.slice(0, at) + md.render(markdown, env) + shell.slice(at + MARKER.length);
  };
}

/** Renders every markdown page of a site folder's file list into `outDir`, as `.html` at the same path. */
export function writeHtmlPages(render: PageRenderer, pages: readonly { path: string; contents: string }[], outDir: string): number {
  let n = 0;
  for (const p of pages) {
    if (!p.path.endsWith('.md')) continue;
    const file = join(outDir, p.path.replace(/\.md$/, '.html'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, render(p.contents, p.path));
    n++;
  }
  return n;
}
