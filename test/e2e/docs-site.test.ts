import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../generator/config.js';
import { build } from '../../generator/pipeline.js';
import { ROOT, writeFiles } from '../emit/docs/round-trip-helpers.js';

/**
 * The docs site, end to end: docs-input → pages → VitePress build → served on 127.0.0.1 →
 * Debian's Chromium follows the sidebar to a method page and sees its tables and sample code.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`docs site e2e skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

const WORK = join(ROOT, 'test/.tmp/docs-site');
const SCREENSHOT = join(WORK, 'reset-user-principal-authentication-info.png');

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
    const result = await build({ config, cwd: ROOT, inputs: ['docs-input'] });
    writeFiles(join(WORK, 'out'), result.files.filter((f) => f.path.startsWith('docs/')));
    // the same command `npm run docs:build` runs, on a fresh generation
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', join(WORK, 'out/docs'), '--outDir', join(WORK, 'dist')], {
      cwd: ROOT,
      env: { ...process.env, SDKFORGE_DOCS_CACHE_DIR: join(WORK, 'cache') },
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
});
