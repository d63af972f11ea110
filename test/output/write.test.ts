import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, UNREADABLE_STALE_MS } from '../../generator/output/lock.js';
import { MARKER_TEXT, OWNERSHIP_MARKER } from '../../generator/output/owned.js';
import { writeOutput } from '../../generator/output/write.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';

const put = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
/** A folder sdkforge wrote before: it carries the marker. */
const owned = (dir: string): void => put(join(dir, OWNERSHIP_MARKER), MARKER_TEXT);
const OWNED = [{ folder: 'sdk' }, { folder: 'docs' }];

describe('writeOutput', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('replaces the owned folders (stale files go), marks them, keeps everything else, leaves nothing of its own', async () => {
    dir = tempDir('write');
    const out = join(dir, 'generated');
    put(join(out, 'sdk/src/stale.ts'), 'old');
    owned(join(out, 'sdk'));
    put(join(out, 'docs/old.md'), 'old');
    owned(join(out, 'docs'));
    put(join(out, 'notes.txt'), 'mine');
    const r = await writeOutput(out, [{ path: 'sdk/src/index.ts', contents: 'new' }], { owned: OWNED, cwd: dir });
    expect(r).toEqual({ written: 1, diagnostics: [] });
    expect(tree(out)).toEqual(['docs/.sdkforge', 'notes.txt', 'sdk/.sdkforge', 'sdk/src/index.ts']);
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
    owned(join(out, 'sdk'));
    // `sdk/a` is a file, so `sdk/a/b.ts` cannot be written: the run fails while staging
    const r = await writeOutput(out, [{ path: 'sdk/a', contents: 'x' }, { path: 'sdk/a/b.ts', contents: 'y' }], { cwd: dir });
    expect(r.written).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['output-write-failed']);
    expect(tree(dir)).toEqual(['generated/sdk/.sdkforge', 'generated/sdk/keep.ts']);
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

describe('the guards compare real paths (issue 10, item 9)', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('an output folder that is, through a link, the working directory or a parent of it is refused', async () => {
    dir = tempDir('write-link');
    const work = join(dir, 'work');
    put(join(work, 'sdk/mine.ts'), 'mine');
    put(join(dir, 'docs/mine.md'), 'mine');
    symlinkSync(dir, join(work, 'up'));
    symlinkSync(work, join(dir, 'here'));
    symlinkSync('/', join(work, 'root'));
    for (const out of [join(work, 'up'), join(dir, 'here'), join(work, 'root'), join(work, 'up/work')]) {
      const r = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }, { path: 'docs/x.md', contents: 'x' }], { owned: OWNED, cwd: work, force: true });
      expect(r.diagnostics.map((d) => d.code), out).toEqual(['output-folder-unsafe']);
    }
    expect(readFileSync(join(work, 'sdk/mine.ts'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'docs/mine.md'), 'utf8')).toBe('mine');
    expect(existsSync(join(work, 'sdk/x.ts'))).toBe(false);
  });

  it('a link to a folder elsewhere is a fine output folder: it is written through', async () => {
    dir = tempDir('write-link');
    mkdirSync(join(dir, 'work'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'work/out'));
    const r = await writeOutput(join(dir, 'work/out'), [{ path: 'sdk/x.ts', contents: 'x' }], { owned: OWNED, cwd: join(dir, 'work') });
    expect(r.diagnostics).toEqual([]);
    expect(readFileSync(join(dir, 'elsewhere/sdk/x.ts'), 'utf8')).toBe('x');
  });
});

describe('only folders sdkforge wrote are replaced (issue 10, item 10)', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('a hand-written docs/ (no marker), a file or a link where sdk/ goes: refused, nothing written; --force replaces them', async () => {
    dir = tempDir('write-owned');
    const out = join(dir, 'out');
    put(join(out, 'docs/guide.md'), 'my own guide');
    put(join(out, 'sdk/README.md'), 'my own sdk');
    const files = [{ path: 'sdk/src/index.ts', contents: 'new' }, { path: 'docs/index.md', contents: 'new' }];
    const refused = await writeOutput(out, files, { owned: OWNED, cwd: dir });
    expect(refused.written).toBe(0);
    expect(refused.diagnostics.map((d) => d.code)).toEqual(['output-not-owned', 'output-not-owned']);
    expect(refused.diagnostics[0]!.message).toMatch(/out\/docs\/: sdkforge did not write it \(it has no \.sdkforge marker\); nothing was written\. Move it away, or pass --force/);
    expect(tree(out)).toEqual(['docs/guide.md', 'sdk/README.md']);

    const forced = await writeOutput(out, files, { owned: OWNED, cwd: dir, force: true });
    expect(forced.diagnostics).toEqual([]);
    expect(tree(out)).toEqual(['docs/.sdkforge', 'docs/index.md', 'sdk/.sdkforge', 'sdk/src/index.ts']);
    // from now on it is sdkforge's
    expect((await writeOutput(out, files, { owned: OWNED, cwd: dir })).diagnostics).toEqual([]);
  });

  it('a link or a file in place of an owned folder is not sdkforge’s either', async () => {
    dir = tempDir('write-owned');
    const out = join(dir, 'out');
    put(join(dir, 'precious/keep.md'), 'keep');
    owned(join(dir, 'precious'));
    mkdirSync(out);
    symlinkSync(join(dir, 'precious'), join(out, 'docs'));
    put(join(out, 'sdk'), 'a file');
    const r = await writeOutput(out, [{ path: 'docs/index.md', contents: 'new' }], { owned: OWNED, cwd: dir });
    expect(r.diagnostics.map((d) => d.message.replace(/^.*\((it is [^)]*)\).*$/, '$1'))).toEqual(['it is a symbolic link', 'it is a file']);
    expect(readFileSync(join(dir, 'precious/keep.md'), 'utf8')).toBe('keep');
  });
});

describe('one run at a time (issue 10, item 11)', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('a folder locked by a live run: the second run fails clearly after its wait, nothing written', async () => {
    dir = tempDir('write-lock');
    const out = join(dir, 'out');
    put(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() }));
    const r = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }], { owned: OWNED, cwd: dir, lockWaitMs: 0 });
    expect(r.written).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['output-locked']);
    expect(r.diagnostics[0]!.message).toContain(`pid ${process.pid}`);
    expect(existsSync(join(out, 'sdk'))).toBe(false);
  });

  it('a lock left by a run that died is taken over', async () => {
    dir = tempDir('write-lock');
    const out = join(dir, 'out');
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    put(join(out, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname() }));
    const r = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }], { owned: OWNED, cwd: dir, lockWaitMs: 0 });
    expect(r.diagnostics).toEqual([]);
    expect(tree(out)).toEqual(['docs/.sdkforge', 'sdk/.sdkforge', 'sdk/x.ts']);
  });

  it('an empty lock file (a run killed before it wrote its pid) is waited for a while, then taken over', async () => {
    dir = tempDir('write-lock');
    const out = join(dir, 'out');
    put(join(out, LOCK_FILE), '');
    const fresh = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }], { owned: OWNED, cwd: dir, lockWaitMs: 0 });
    expect(fresh.diagnostics.map((d) => d.code)).toEqual(['output-locked']);
    expect(fresh.diagnostics[0]!.message).toContain('a run that left an unreadable lock file');
    const old = (Date.now() - UNREADABLE_STALE_MS - 1000) / 1000;
    utimesSync(join(out, LOCK_FILE), old, old);
    const r = await writeOutput(out, [{ path: 'sdk/x.ts', contents: 'x' }], { owned: OWNED, cwd: dir, lockWaitMs: 0 });
    expect(r.diagnostics).toEqual([]);
    expect(tree(out)).toEqual(['docs/.sdkforge', 'sdk/.sdkforge', 'sdk/x.ts']);
  });

  it('leftovers of the sdkforge before the journal are cleaned, and a folder they held is put back', async () => {
    dir = tempDir('write-legacy');
    const out = join(dir, 'generated');
    // killed between the two renames: sdk/ moved aside, docs/ already new
    put(join(dir, '.generated.sdkforge-old-123-abcd/sdk/src/index.ts'), 'previous sdk');
    put(join(dir, '.generated.sdkforge-new-123-abcd/docs/index.md'), 'half');
    put(join(out, 'docs/index.md'), 'new docs');
    const r = await writeOutput(out, [{ path: 'docs/index.md', contents: 'docs' }], { owned: [{ folder: 'docs' }], cwd: dir, force: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['output-recovered']);
    expect(r.diagnostics[0]!.message).toContain('restored sdk/ from .generated.sdkforge-old-123-abcd');
    expect(readdirSync(dir)).toEqual(['generated']);
    expect(readFileSync(join(out, 'sdk/src/index.ts'), 'utf8')).toBe('previous sdk');
  });
});
