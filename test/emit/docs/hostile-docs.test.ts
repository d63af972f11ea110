import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { ingest } from '../../../generator/ingest/index.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { config, ROOT } from './round-trip-helpers.js';

/**
 * Issue 10, items 1 and 2, at the emitter (the browser proof is test/e2e/docs-site.test.ts):
 * hostile pages (test/fixtures/hostile/docs) filed under a category folder named like a tag.
 */

const HOSTILE = join(ROOT, 'test/fixtures/hostile/docs');
const category = (JSON.parse(readFileSync(join(HOSTILE, 'names.json'), 'utf8')) as { category: string }).category;
const work = mkdtempSync(join(tmpdir(), 'sdkforge-hostile-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function emitHostile() {
  cpSync(join(HOSTILE, 'management/hostile'), join(work, 'management', category), { recursive: true });
  const r = await ingest([relative(ROOT, work)], { cwd: ROOT });
  return emitDocs(r.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
}

describe('docs pages of hostile text', async () => {
  const out = await emitHostile();
  const sidebar = JSON.parse(out.files.find((f) => f.path === 'docs/.vitepress/sidebar.json')!.contents) as unknown;
  const texts = (items: unknown): string[] =>
    Array.isArray(items) ? items.flatMap((i: { text: string; items?: unknown }) => [i.text, ...texts(i.items)]) : [];

  test('sidebar texts are HTML that shows the title and the category as written (VitePress renders them with v-html)', () => {
    const all = texts(sidebar);
    expect(all).toContain('&lt;img src=x onerror=&quot;window.__sdkforgeHostile=&#39;category&#39;&quot;&gt;');
    expect(all).toContain('Probe &lt;img src=x onerror=&quot;window.__sdkforgeHostile=&#39;sidebar-title&#39;&quot;&gt; title');
    for (const t of all) expect(t).not.toMatch(/[<>"]/);
  });

  test('no page holds a VitePress include (`<!--`) written by docs text: not in prose, code spans or code blocks', () => {
    const pages = out.files.filter((f) => f.path.endsWith('.md'));
    const probe = pages.find((f) => f.path.endsWith('/probe-hostile-text.md'))!.contents;
    for (const p of pages) expect(p.contents.replace(/^<!--[\s\S]*?-->$/m, '')).not.toContain('<!--');
    expect(probe).toContain('&lt;!--@include: ../../../../../../../../../../../../etc/passwd-->');
    expect(probe).toContain('<code>&lt;!--@include: ../../../../../../../../../../../../etc/passwd--&gt;</code>');
    // the JSON sample keeps its value: \u003c is "<"
    expect(probe).toContain('"note": "\\u003c!--@include: ../../../../../../../../../../../../etc/passwd-->"');
  });
});

/**
 * Descriptions shaped to make the markdown parser (micromark) take quadratic time or overflow
 * the stack (test/fixtures/hostile/parser-bombs): 16,000 emphasis delimiters, 3,000 list markers
 * on one line, lists nested 100 levels. Before the limits, the first took minutes and the second
 * overflowed the stack; now each is written as literal text with a warning.
 */
describe('docs text the markdown parser cannot take safely', async () => {
  const r = await ingest(['test/fixtures/hostile/parser-bombs'], { cwd: ROOT });
  const out = await emitDocs(r.api, { config: config(), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  const page = (stem: string): string => out.files.find((f) => f.path.endsWith(`/${stem}.md`))!.contents;

  test('each is written as literal text, with a docs-prose-literal warning naming the limit', () => {
    const literal = out.diagnostics.filter((d) => d.code === 'docs-prose-literal');
    expect(literal.map((d) => d.message).sort()).toEqual([
      'the description of ManagementClient.emphasis_run is written as literal text, not as markdown: it holds 16000 emphasis, link, code or HTML delimiters (more than 1000)',
      'the description of ManagementClient.nested_lists is written as literal text, not as markdown: a line nests more than 16 block quotes, lists or indentation levels',
      'the description of ManagementClient.nested_markers is written as literal text, not as markdown: a line nests more than 16 block quotes, lists or indentation levels',
    ]);
    for (const d of literal) expect(d.severity).toBe('warning');
    // escaped, so the site's parser reads text, not 16,000 delimiters
    expect(page('emphasis-run')).toContain(`Before. ${'\\*'.repeat(8000)}x`);
    expect(page('nested-markers')).toMatch(/\\- - - - /);
    expect(page('nested-lists')).toContain('level 99');
  });
});
