import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { emitters } from '../../generator/emit/index.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * Issue 13, item 4 (the writer's part): what `cd <out>/sdk && npm install` and a docs build
 * write into the owned folders survives the next `generate`, and `check` does not see it. The
 * kept entries are the emitters' list (emit/index.ts), which the writer and `check` both use.
 */
const INSTALL: Record<string, string> = {
  'sdk/node_modules/zod/package.json': '{"name":"zod","version":"4.0.0"}',
  'sdk/node_modules/.package-lock.json': '{}',
  'sdk/dist/index.js': 'export * from "./clients/management-client.js";\n',
  'sdk/dist/index.d.ts': 'export {};\n',
  'sdk/package-lock.json': '{"name":"genauth-sdk","lockfileVersion":3}',
  'sdk/tsconfig.tsbuildinfo': '{}',
  'docs/.vitepress/cache/deps/_metadata.json': '{}',
  'docs/.vitepress/dist/index.html': '<!doctype html>',
};

describe('regeneration keeps install state and builds', () => {
  const dir = tempDir('regenerate');
  const out = relative(ROOT, join(dir, 'generated'));
  afterAll(() => cleanup(dir));
  const run = async (...argv: string[]) => {
    const io = bufferIO(ROOT);
    const code = await main(argv, io);
    return { code, text: io.out.join('') + io.err.join('') };
  };

  it('after an install, check is up to date and generate keeps node_modules, dist and the lock file', async () => {
    expect((await run('generate', '--input', 'docs-input', '--out', out, '--no-cache')).code).toBe(0);
    for (const [path, text] of Object.entries(INSTALL)) {
      mkdirSync(dirname(join(ROOT, out, path)), { recursive: true });
      writeFileSync(join(ROOT, out, path), text);
    }
    const check = await run('check', '--input', 'docs-input', '--out', out, '--no-cache');
    expect(check.text).not.toContain('removed');
    expect(check.code).toBe(0);

    expect((await run('generate', '--input', 'docs-input', '--out', out, '--no-cache')).code).toBe(0);
    for (const [path, text] of Object.entries(INSTALL)) expect(readFileSync(join(ROOT, out, path), 'utf8')).toBe(text);
    expect((await run('check', '--input', 'docs-input', '--out', out)).code).toBe(0);
  }, 60_000);

  it('what is kept is each emitter’s own list', () => {
    const sdk = emitters.find((e) => e.folder === 'sdk')!;
    expect(sdk.keeps).toEqual(expect.arrayContaining(['node_modules', 'dist', 'package-lock.json']));
    expect(existsSync(join(ROOT, 'generated/sdk/.sdkforge'))).toBe(true);
  });
});
