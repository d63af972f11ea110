import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sdkforgeBuildHash } from '../../../generator/build-hash.js';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api } from '../../../generator/ir/types.js';
import { DOCS_INPUT } from '../../helpers/shared.js';

/**
 * The page and IR caches (`.sdkforge-cache/pages.json`, `ir.json`): a warm run still sees an
 * edited page, and a cache written by another build of sdkforge is never read back, whatever it
 * holds (the caches are keyed by the build's hash, not by a number bumped by hand).
 */
const work = mkdtempSync(join(tmpdir(), 'sdkforge-page-cache-'));
cpSync(DOCS_INPUT, join(work, 'docs'), { recursive: true });
const PAGE = 'docs/python/management/管理用户/get-user-mfa-info.md';
const cacheFile = (name: string): string => join(work, '.sdkforge-cache', name);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const titles = (api: Api): string[] => api.clients.flatMap((c) => c.methods.map((m) => m.title ?? '')).sort();
const run = async (): Promise<Api> => (await ingest(['docs'], { cwd: work, cache: true })).api;

/** Rewrites every cached method title to `title`: what a stale cache would serve. */
function poison(title: string, build?: string): void {
  const pages = JSON.parse(readFileSync(cacheFile('pages.json'), 'utf8')) as { build: string; pages: Record<string, { result: { method?: { title?: string } } }> };
  if (build) pages.build = build;
  for (const p of Object.values(pages.pages)) if (p.result.method) p.result.method.title = title;
  writeFileSync(cacheFile('pages.json'), JSON.stringify(pages));
  rmSync(cacheFile('ir.json'), { force: true });
}

describe('page and IR caches', () => {
  test('are written under the build of sdkforge that wrote them', async () => {
    const cold = await run();
    const pages = JSON.parse(readFileSync(cacheFile('pages.json'), 'utf8')) as { build: string };
    expect(pages.build).toBe(await sdkforgeBuildHash());
    expect(titles(await run())).toEqual(titles(cold));
  });

  test('a warm run sees an edited page', async () => {
    await run();
    const text = readFileSync(join(work, PAGE), 'utf8');
    writeFileSync(join(work, PAGE), text.replace('# Get user MFA binding information', '# Get the MFA bindings of a user'));
    expect(titles(await run())).toContain('Get the MFA bindings of a user');
    writeFileSync(join(work, PAGE), text);
    expect(titles(await run())).toContain('Get user MFA binding information');
  });

  test('cached results are served to the same build, never to another', async () => {
    await run();
    poison('STALE');
    // same build: the cache is read (so the next check means something)
    expect(titles(await run())).toEqual(['STALE', 'STALE', 'STALE', 'STALE']);
    poison('STALE', 'another-build');
    expect(titles(await run())).not.toContain('STALE');
  });

  test('an assembled IR of another build is not read back', async () => {
    await run();
    const assembled = JSON.parse(readFileSync(cacheFile('ir.json'), 'utf8')) as { key: string; result: { api: Api } };
    for (const c of assembled.result.api.clients) for (const m of c.methods) m.title = 'STALE';
    writeFileSync(cacheFile('ir.json'), JSON.stringify(assembled));
    expect(titles(await run())).toEqual(['STALE', 'STALE', 'STALE', 'STALE']);
    // the same file under a key of another build: ignored
    assembled.key = assembled.key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    writeFileSync(cacheFile('ir.json'), JSON.stringify(assembled));
    expect(titles(await run())).not.toContain('STALE');
  });
});
