import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWatch } from '../../generator/commands/watch.js';
import { bufferIO } from '../../generator/commands/io.js';
import { tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * `generate --watch` on a copy of this repository's inputs: each docs edit regenerates (one page
 * re-parsed, only the changed files rewritten, in place), and a VitePress dev server on the
 * output shows the edit in Chromium without a restart: the loop `npm run docs:dev` runs.
 */
const MFA = 'docs-input/python/management/管理用户/get-user-mfa-info.md';
const TITLE = 'Get user MFA binding information';
const CHROMIUM = '/usr/bin/chromium';

/** Polls `read` until `ok` holds (hooks cannot use expect.poll). */
async function waitFor(read: () => string, ok: (v: string) => boolean, timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (!ok(read())) {
    if (Date.now() > until) throw new Error(`timed out waiting; last: ${read().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let dir: string;
let stop: AbortController;
let watching: Promise<number>;
const io = () => watchIO;
let watchIO: ReturnType<typeof bufferIO>;

beforeAll(async () => {
  // inside the repository: the docs site's config imports vitepress from its node_modules
  dir = tempDir('watch');
  for (const entry of ['docs-input', 'generated', 'templates', 'sdkforge.config.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  watchIO = bufferIO(dir);
  stop = new AbortController();
  watching = runWatch({}, io(), stop.signal);
  await waitFor(() => watchIO.err.join(''), (v) => v.includes('watching docs-input'), 60_000);
}, 90_000);
afterAll(async () => {
  stop?.abort();
  await watching;
  rmSync(dir, { recursive: true, force: true });
});

const page = (): string => readFileSync(join(dir, 'generated/docs/management/管理用户/get-user-mfa-info.md'), 'utf8');
function edit(from: string, to: string): void {
  const file = join(dir, MFA);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}
const runs = (): string[] => watchIO.err.join('').split('\n').filter((l) => l.includes(' changed: '));

describe('generate --watch', { timeout: 120_000 }, () => {
  it('regenerates after an edit: the one page re-parsed, only the changed files rewritten', async () => {
    expect(page()).toContain(`# ${TITLE}`);
    const before = runs().length;
    edit(`# ${TITLE}`, '# Read the MFA bindings of a user');
    await expect.poll(page, { timeout: 60_000 }).toContain('# Read the MFA bindings of a user');
    await expect.poll(() => runs().length, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(runs().at(-1)).toMatch(/docs-input\/python\/management\/管理用户\/get-user-mfa-info\.md changed: 1 page\(s\) re-parsed, \d+ file\(s\) rewritten in generated/);
    // the other pages were not touched: their bytes and the SDK client are as generated before
    expect(readFileSync(join(dir, 'generated/docs/authentication/mfa-要素管理/reset-factor.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'generated/docs/authentication/mfa-要素管理/reset-factor.md'), 'utf8'));
  });

  it('a burst of edits is one regeneration (debounced)', async () => {
    const before = runs().length;
    for (let i = 1; i <= 5; i++) edit(i === 1 ? '# Read the MFA bindings of a user' : `# Burst ${i - 1}`, `# Burst ${i}`);
    await expect.poll(() => page() + watchIO.err.join('').slice(-800), { timeout: 60_000 }).toContain('# Burst 5');
    await new Promise((r) => setTimeout(r, 1000));
    expect(runs().length - before).toBe(1);
  });
});

const freePort = (): Promise<number> =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

describe.skipIf(!existsSync(CHROMIUM))('docs:dev: an edit shows in the browser without a restart', { timeout: 240_000 }, () => {
  let server: ChildProcess;
  let context: BrowserContext;
  let base: string;
  let userDataDir: string;

  beforeAll(async () => {
    const port = await freePort();
    // what `npm run docs:dev` starts beside the watcher
    server = spawn(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'dev', join(dir, 'generated/docs'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: dir,
      env: { ...process.env, SDKFORGE_DOCS_CACHE_DIR: join(dir, 'vp-cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await waitFor(() => log, (v) => v.includes(`${port}`), 120_000);
    base = `http://127.0.0.1:${port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'sdkforge-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    server?.kill();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('the method page shows the new title after the docs page is edited, served by the same dev server', async () => {
    const tab = await context.newPage();
    await tab.goto(`${base}/management/${encodeURIComponent('管理用户')}/get-user-mfa-info`);
    const h1 = tab.locator('.vp-doc h1').first();
    const title = async () => (await h1.textContent())?.replace(/\u200b/g, '').trim();
    await expect.poll(title, { timeout: 60_000 }).toMatch(/^Burst 5/);
    const pid = server.pid;
    edit('# Burst 5', '# Shown without a restart');
    await expect.poll(title, { timeout: 90_000 }).toMatch(/^Shown without a restart/);
    expect(server.exitCode).toBeNull();
    expect(server.pid).toBe(pid);
  });
});
