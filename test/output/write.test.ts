import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutput } from '../../generator/output/write.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';

const put = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('writeOutput', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('replaces the owned folders (stale files go), keeps everything else, leaves no temp folder', async () => {
    dir = tempDir('write');
    const out = join(dir, 'generated');
    put(join(out, 'sdk/src/stale.ts'), 'old');
    put(join(out, 'docs/old.md'), 'old');
    put(join(out, 'notes.txt'), 'mine');
    const r = await writeOutput(out, [{ path: 'sdk/src/index.ts', contents: 'new' }], { owned: ['sdk', 'docs'], cwd: dir });
    expect(r).toEqual({ written: 1, diagnostics: [] });
    expect(tree(out)).toEqual(['notes.txt', 'sdk/src/index.ts']);
    expect(readFileSync(join(out, 'sdk/src/index.ts'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['generated']);
  });

  it('refuses unsafe paths and writes nothing', async () => {
    dir = tempDir('write');
    const out = join(dir, 'generated');
    put(join(out, 'sdk/keep.ts'), 'old');
    for (const path of ['../escape.ts', 'sdk/../../escape.ts', '/abs.ts', 'sdk\\win.ts', 'sdk//x.ts']) {
      const r = await writeOutput(out, [{ path: 'sdk/ok.ts', contents: 'x' }, { path, contents: 'x' }], { cwd: dir });
      expect(r.written).toBe(0);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['output-unsafe-path']);
    }
    expect(tree(dir)).toEqual(['generated/sdk/keep.ts']);
  });

  it('a failed run leaves the folder as it was', async () => {
    dir = tempDir('write');
    const out = join(dir, 'generated');
    put(join(out, 'sdk/keep.ts'), 'old');
    // `sdk/a` is a file, so `sdk/a/b.ts` cannot be written: the run fails while staging
    const r = await writeOutput(out, [{ path: 'sdk/a', contents: 'x' }, { path: 'sdk/a/b.ts', contents: 'y' }], { cwd: dir });
    expect(r.written).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['output-write-failed']);
    expect(tree(dir)).toEqual(['generated/sdk/keep.ts']);
  });

  it('refuses the working directory or a parent of it as the output folder', async () => {
    dir = tempDir('write');
    put(join(dir, 'sdk/mine.ts'), 'mine');
    for (const out of [dir, dirname(dir), '/']) {
      const r = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }], { cwd: dir });
      expect(r.diagnostics.map((d) => d.code)).toEqual(['output-folder-unsafe']);
    }
    expect(existsSync(join(dir, 'sdk/mine.ts'))).toBe(true);
    expect(existsSync(join(dir, 'sdk/x.ts'))).toBe(false);
  });
});
