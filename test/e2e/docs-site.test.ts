import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../generator/config.js';
import { build } from '../../generator/pipeline.js';
import { CORPUS_ZH, hasCorpus, rel } from '../helpers/shared.js';
import { comparable, ROOT, writeFiles } from '../emit/docs/round-trip-helpers.js';
import { ingest, pageModel } from '../../generator/ingest/index.js';
import { vitepressRenderer } from '../helpers/vitepress-render.js';

/**
 * The docs site, end to end: docs-input → pages → VitePress build → served on 127.0.0.1 →
 * Debian's Chromium follows the sidebar to a method page and sees its tables and sample code.
 * The same build carries hostile pages (test/fixtures/hostile/docs, filed under a category
 * folder named like an HTML tag) and the corpus page whose samples hold `{{app_name}}`: docs
 * text must reach the browser as text, and nothing in it may run or read a file at build time.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`docs site e2e skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

const WORK = join(ROOT, 'test/.tmp/docs-site');
const SCREENSHOT = join(WORK, 'reset-user-principal-authentication-info.png');
const HOSTILE = join(ROOT, 'test/fixtures/hostile/docs');
const HOSTILE_CATEGORY = (JSON.parse(readFileSync(join(HOSTILE, 'names.json'), 'utf8')) as { category: string }).category;
/** Where the hostile pages' payloads would write if Vue ran them during the build. */
const MARK = join(WORK, 'pwned');
/** In a file beside the built docs folder, which relative images in the pages point at. */
const SECRET = 'SDKFORGE-SITE-SECRET-51c2';
const EMAIL_TEMPLATES = join(CORPUS_ZH, 'node/management/管理消息服务/get-email-templates.md');
/** An HTML input page whose text is markup written as text (issue 14). */
const HOSTILE_HTML = 'test/fixtures/html/hostile/probe-hostile-html.html';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

/** A static server for the built site, resolving clean URLs (`/a/b` → `/a/b.html`). */
function serve(dir: string): Promise<Server> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => resolve(root, `.${p}`));
    for (const file of candidates) {
      if (file !== root && !file.startsWith(root + sep)) break;
      const s = await stat(file).catch(() => undefined);
      if (!s?.isFile()) continue;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
      return;
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe.skipIf(!hasChromium)('docs site in Chromium', () => {
  let server: Server;
  let context: BrowserContext;
  let userDataDir: string;
  let base: string;

  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const { config } = await loadConfig(ROOT);
    cpSync(join(HOSTILE, 'management/hostile'), join(WORK, 'hostile/management', HOSTILE_CATEGORY), { recursive: true });
    const inputs = ['docs-input', rel(join(WORK, 'hostile')), HOSTILE_HTML, ...(hasCorpus ? [rel(EMAIL_TEMPLATES)] : [])];
    const result = await build({ config, cwd: ROOT, inputs });
    writeFiles(join(WORK, 'out'), result.files.filter((f) => f.path.startsWith('docs/')));
    // markdown as any description could carry it, put in the site as it is; and a file beside the
    // site that images in the pages point at (a build must not publish it)
    cpSync(join(ROOT, 'test/fixtures/hostile/site/hostile-markdown.md'), join(WORK, 'out/docs/hostile-markdown.md'));
    writeFileSync(join(WORK, 'out/hostile-secret.txt'), `${SECRET}\n`);
    // the same command `npm run docs:build` runs, on a fresh generation
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', join(WORK, 'out/docs'), '--outDir', join(WORK, 'dist')], {
      cwd: WORK,
      env: { ...process.env, SDKFORGE_DOCS_CACHE_DIR: join(WORK, 'cache'), SDKFORGE_HOSTILE_MARK: MARK },
    });
    server = await serve(join(WORK, 'dist'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'sdkforge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1400, height: 1000 },
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('the sidebar leads from the index to reset_user_principal_authentication_info, whose tables and sample show', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    // VitePress's heading anchor adds a zero-width space
    await expect.poll(async () => (await page.locator('h1').first().textContent())?.replace(/\u200b/g, '').trim()).toBe('API reference');

    const link = page.locator('.VPSidebar a', { hasText: 'Delete user real-name authentication information' });
    await link.click();
    await page.waitForURL(/reset-user-principal-authentication-info$/);
    expect(decodeURIComponent(page.url())).toBe(`${base}/management/管理用户/reset-user-principal-authentication-info`);

    const content = page.locator('.vp-doc');
    await content.locator('h1', { hasText: 'Delete user real-name authentication information' }).waitFor();
    // the method name in the SDK's casing
    expect(await content.locator('p > code', { hasText: 'ManagementClient.resetUserPrincipalAuthenticationInfo' }).isVisible()).toBe(true);

    // the parameter table: header, the userId row, the link to the options structure
    const params = content.locator('h2:has-text("Request parameters") + table');
    expect(await params.isVisible()).toBe(true);
    expect(await params.locator('th').allTextContents()).toEqual(['Name', 'Type', 'Required', 'Default value', 'Description', 'Sample value']);
    const userId = params.locator('tbody tr', { hasText: 'userId' });
    expect(await userId.locator('td').allTextContents()).toEqual([
      'userId',
      'string',
      'Yes',
      '-',
      expect.stringContaining('The unique identifier of the user'),
      '6229ffaxxxxxxxxcade3e3d9',
    ]);
    expect(await params.locator('a[href="#ResetUserPrincipalAuthenticationInfoOptionsDto"]').isVisible()).toBe(true);

    // the sample code calls the client with the sample value
    const code = content.locator('div[class*="language-ts"]');
    expect(await code.isVisible()).toBe(true);
    const codeText = (await code.locator('pre').textContent()) ?? '';
    expect(codeText).toContain('new ManagementClient(');
    expect(codeText).toContain('await managementClient.resetUserPrincipalAuthenticationInfo(');
    expect(codeText).toContain('userId: "6229ffaxxxxxxxxcade3e3d9"');

    // the data-structure table of the nested DTO, its enum values rendered as a list of lines
    const structure = content.locator('h3:has-text("ResetUserPrincipalAuthenticationInfoOptionsDto") + table');
    await structure.scrollIntoViewIfNeeded();
    expect(await structure.isVisible()).toBe(true);
    const row = structure.locator('tbody tr', { hasText: 'userIdType' });
    expect(await row.isVisible()).toBe(true);
    expect(await row.locator('td br').count()).toBeGreaterThan(3);
    expect(await content.locator('h3:has-text("IsSuccessDto") + table').isVisible()).toBe(true);

    // the maintainers' banner stays in the markdown source: readers do not see it
    expect(await content.getByText('Do not edit it by hand').count()).toBe(0);
    // every table fits the column: long type names and samples wrap, nothing scrolls sideways
    const overflow = await content.locator('table').evaluateAll((ts) => ts.map((t) => t.scrollWidth - t.clientWidth));
    expect(overflow.length).toBeGreaterThan(2);
    expect(overflow.every((d) => d <= 1)).toBe(true);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);

    // following the type link lands on the structure's anchor
    await params.locator('a[href="#ResetUserPrincipalAuthenticationInfoOptionsDto"]').click();
    await page.waitForURL(/#ResetUserPrincipalAuthenticationInfoOptionsDto$/);

  }, 60_000);

  test('local search finds a method by its title', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('.VPNavBarSearch button').click();
    await page.locator('.VPLocalSearchBox input').fill('MFA binding');
    const hit = page.locator('.VPLocalSearchBox .result', { hasText: 'Get user MFA binding information' }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/get-user-mfa-info/);
  }, 60_000);

  test('building the site runs none of the docs text (issue 10, item 1)', () => {
    // during the build (server-side rendering) the payloads would have written the mark
    expect(existsSync(MARK)).toBe(false);
    expect(existsSync(join(WORK, 'sdkforge-hostile-mark'))).toBe(false);
  });

  test('titles and category folders show as text in the sidebar (issue 10, item 2)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const sidebar = page.locator('.VPSidebar');
    expect(await sidebar.getByText(HOSTILE_CATEGORY, { exact: true }).isVisible()).toBe(true);
    expect(await sidebar.getByText(`Probe <img src=x onerror="window.__sdkforgeHostile='sidebar-title'"> title`, { exact: true }).isVisible()).toBe(true);
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sdkforgeHostile?: string }).__sdkforgeHostile)).toBeUndefined();
  }, 60_000);

  test('docs text stays text in the browser: no Vue expression, no HTML, no pasted file (issue 10, item 1)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const sidebar = page.locator('.VPSidebar');
    // the category folder and the title are shown as the text they are, not as <img> tags
    expect(await sidebar.getByText(HOSTILE_CATEGORY, { exact: true }).isVisible()).toBe(true);
    const link = sidebar.locator('a', { hasText: `Probe <img src=x onerror="window.__sdkforgeHostile='sidebar-title'"> title` });
    await link.click();
    await page.waitForURL(/probe-hostile-text$/);
    expect(await sidebar.locator('img').count()).toBe(0);

    const content = page.locator('.vp-doc');
    await content.locator('h1').waitFor();
    expect(await content.locator('img').count()).toBe(0);
    const text = (await content.textContent()) ?? '';
    // Vue's {{ }} in text and in code spans is shown, never evaluated (7 * 191 = 1337)
    expect(text).toContain('{{ 7 * 191 }} in code and {{ 7 * 191 }} in text');
    expect(text).not.toContain('1337');
    expect(await content.locator('code', { hasText: `{{ Object.constructor("globalThis.window ? (window.__sdkforgeHostile = 'sample')` }).isVisible()).toBe(true);
    // VitePress's build-time file imports are shown as written; /etc/passwd is not pasted in
    expect(text).toContain('<!--@include: ../../../../../../../../../../../../etc/passwd-->');
    expect(text).toContain('<<< /etc/passwd');
    expect(text).not.toMatch(/root:[^:]*:0:0:/);
    // nothing ran in the browser either
    expect(await page.evaluate(() => (window as unknown as { __sdkforgeHostile?: string }).__sdkforgeHostile)).toBeUndefined();
  }, 60_000);

  test('the text of an HTML input page stays text: a <script>, Vue\'s {{ }} and the site\'s own tags written as text (issue 14)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/management/probe-hostile-html`);
    const content = page.locator('.vp-doc');
    await content.locator('h1', { hasText: 'Probe hostile HTML text' }).waitFor();
    const text = (await content.textContent()) ?? '';
    expect(text).toContain("Probe a page whose text is <script>window.__sdkforgeHostile = 'description'</script> and {{ 7 * 191 }}");
    expect(text).toContain("<script>window.__sdkforgeHostile = 'block'</script>");
    expect(text).toContain("Text <script>window.__sdkforgeHostile = 'cell'</script> shown as written");
    expect(text).toContain(`Shows {{ 7 * 191 }}, <code>not code</code>, <div style="width:80px">not a div</div>, a<br>b, <a id="x"></a> and <img src=x onerror="window.__sdkforgeHostile = 'img'"> as text`);
    expect(text).toContain(`{{ constructor.constructor('window.__sdkforgeHostile = "dto"')() }}`);
    expect(text).not.toContain('1337');
    expect(await content.locator('script, img').count()).toBe(0);
    expect(await content.locator('code', { hasText: /^not code$/ }).count()).toBe(0);
    expect(await content.locator('div', { hasText: /^not a div$/ }).count()).toBe(0);
    expect(await content.locator('tr', { hasText: 'not code' }).locator('br').count()).toBe(0);
    expect(await content.locator('code', { hasText: `<script>window.__sdkforgeHostile = 'sample'</script>` }).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sdkforgeHostile?: string }).__sdkforgeHostile)).toBeUndefined();
  }, 60_000);

  test('Vue syntax in a title, a link, an image, bold text, enum values, a sample and a comment in a cell is shown as written (issue 10, items 1-2)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const sidebar = page.locator('.VPSidebar');
    await sidebar.locator('a', { hasText: 'Probe {{ 7 * 191 }} names' }).click();
    await page.waitForURL(/probe-hostile-names$/);
    const content = page.locator('.vp-doc');
    // the route changes before the page does
    await content.locator('h1', { hasText: 'Probe {{ 7 * 191 }} names' }).waitFor();
    const text = (await content.textContent()) ?? '';
    expect(text).not.toContain('1337');
    expect((await content.locator('h1').textContent())?.replace(/\u200b/g, '').trim()).toBe('Probe {{ 7 * 191 }} names');
    expect(await content.locator('a', { hasText: 'a link {{ 7 * 191 }}' }).count()).toBe(1);
    // an image of a file beside the site is shown as its markdown, not bundled from disk
    expect(text).toContain('![an image {{ 7 * 191 }}](../../../hostile-secret.txt)');
    expect(await content.locator('img, [onclick], [onfocus], #pwn').count()).toBe(0);
    expect(await content.locator('strong', { hasText: 'bold {{ 7 * 191 }}' }).count()).toBe(1);
    // tags with directives are text, not elements
    expect(text).toContain(`<span v-html="'<b>bold-html</b>'">a directive</span>`);
    expect(await content.locator('span[v-html], b').count()).toBe(0);
    expect(text).toContain('<b v-if="false">a hidden tag</b>');
    // the enum values, the comment in a cell, the sample values and the sample result
    expect(await content.locator('td code', { hasText: /^\{\{ 7 \* 191 \}\}$/ }).count()).toBeGreaterThanOrEqual(3);
    expect(text).toContain('A comment in a cell <!-- {{ 7 * 191 }} --> and after it');
    expect(text).toContain('"label": "{{ 7 * 191 }}"');
    expect(text).toContain('A label {{ 7 * 191 }}');
    expect(await page.title()).toContain('Probe {{ 7 * 191 }} names');
  }, 60_000);

  test('VitePress extensions print no docs text as HTML: attributes, alerts, code-group tabs, fence info, containers, [[toc]]; relative images publish no file (issue 10, items 1-2)', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/hostile-markdown`);
    const content = page.locator('.vp-doc');
    await content.locator('h1').waitFor();
    await content.getByText('Attributes after text').click();
    const text = (await content.textContent()) ?? '';
    expect(text).toContain(`{onclick="window.__sdkforgeHostile='attrs'" id=pwn}`);
    expect(text).toContain('![a file](../hostile-secret.txt)');
    expect(await content.locator('img, [onclick], [onfocus], #pwn, .table-of-contents, .vp-code-group, .custom-block').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __sdkforgeHostile?: string }).__sdkforgeHostile)).toBeUndefined();
    // nothing of the file beside the site is in the built site, as text, a data: URL or an asset
    const encoded = Buffer.from(`${SECRET}\n`).toString('base64');
    for (const entry of readdirSync(join(WORK, 'dist'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || /\.(woff2?|png|svg)$/.test(entry.name)) continue;
      const body = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      expect(body.includes(SECRET) || body.includes(encoded), join(entry.parentPath, entry.name)).toBe(false);
    }
  }, 60_000);

  test.skipIf(!hasCorpus)('the corpus sample `欢迎加入 {{app_name}}` (get-email-templates) is shown as written', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/management/管理消息服务/get-email-templates`);
    const content = page.locator('.vp-doc');
    await content.locator('h1').waitFor();
    // the sample column of the data structure's table (the code block below is v-pre anyway)
    const subject = content.locator('td > code', { hasText: /^欢迎加入 \{\{app_name\}\}$/ }).first();
    await subject.scrollIntoViewIfNeeded({ timeout: 10_000 });
    expect(await subject.isVisible()).toBe(true);
    expect(await content.locator('td > code', { hasText: /^\{\{client_name\}\}$/ }).first().isVisible()).toBe(true);
  }, 60_000);
  test('the built pages read back as the same IR as the site\'s markdown pages', async () => {
    const md = await ingest([relative(ROOT, join(WORK, 'out/docs'))], { cwd: ROOT });
    const html = await ingest([relative(ROOT, join(WORK, 'dist'))], { cwd: ROOT });
    const methods = (r: typeof md) => r.api.clients.flatMap((c) => c.methods);
    expect(methods(html).length).toBe(methods(md).length);
    expect(methods(html).every((m) => m.docs.every((d) => d.format === 'html'))).toBe(true);
    // every page states its endpoint in a request line, which the rendered page keeps: verbs
    // and paths read back the same, with the same origin
    expect(comparable(html.api)).toEqual(comparable(md.api));
    expect(methods(html).every((m) => m.http.verbOrigin.kind === 'evidence' && m.http.verbOrigin.evidence === 'request-line')).toBe(true);
  });

  test('a page rendered without a build (the corpus HTML round trip) reads as the built page', async () => {
    const render = await vitepressRenderer(join(WORK, 'out/docs'));
    const pages = (await glob('**/*.md', { cwd: join(WORK, 'out/docs') })).sort();
    expect(pages.length).toBeGreaterThan(4);
    const blocks = (file: string, text: string) => JSON.stringify(pageModel(file, text).blocks, (k, v) => (k === 'line' || k === 'column' || k === 'columns' ? undefined : v));
    for (const p of pages) {
      const built = await readFile(join(WORK, 'dist', p.replace(/\.md$/, '.html')), 'utf8');
      const rendered = render(await readFile(join(WORK, 'out/docs', p), 'utf8'), p);
      expect(blocks('page.html', rendered), p).toBe(blocks('page.html', built));
    }
  });
});
