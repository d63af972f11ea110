import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, JOURNAL_FILE, stageDir, writeJournal } from '../../generator/output/journal.js';
import { acquireLock } from '../../generator/output/lock.js';
import { MARKER_TEXT, OWNERSHIP_MARKER } from '../../generator/output/owned.js';
import { updateInPlace } from '../../generator/output/update.js';
import { realPathOf } from '../../generator/output/write.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';

const put = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};

// generate --watch's writer: in place, but under the same guards as the atomic writer
describe('updateInPlace', () => {
  let dir = '';
  afterEach(() => cleanup(dir));

  it('rewrites and removes files of a folder sdkforge wrote', async () => {
    dir = tempDir('update');
    const out = join(dir, 'generated');
    put(join(out, 'docs', OWNERSHIP_MARKER), MARKER_TEXT);
    put(join(out, 'docs/a.md'), 'old');
    put(join(out, 'docs/gone.md'), 'old');
    expect(await updateInPlace(out, { write: [{ path: 'docs/a.md', contents: 'new' }], remove: ['docs/gone.md'] })).toEqual([]);
    expect(readFileSync(join(out, 'docs/a.md'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'docs/gone.md'))).toBe(false);
  });

  it('refuses a folder without the marker (a hand-written docs/), writing nothing', async () => {
    dir = tempDir('update');
    const out = join(dir, 'generated');
    put(join(out, 'docs/mine.md'), 'mine');
    const d = await updateInPlace(out, { write: [{ path: 'docs/mine.md', contents: 'generated' }], remove: [] });
    expect(d.map((x) => x.code)).toEqual(['output-not-owned']);
    expect(readFileSync(join(out, 'docs/mine.md'), 'utf8')).toBe('mine');
  });

  it('refuses to write, or make a folder, through a link that leaves the output folder', async () => {
    dir = tempDir('update');
    const out = join(dir, 'generated');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    put(join(out, 'docs', OWNERSHIP_MARKER), MARKER_TEXT);
    symlinkSync(elsewhere, join(out, 'docs/guide'));
    for (const path of ['docs/guide/page.md', 'docs/guide/new/deeper/page.md']) {
      const d = await updateInPlace(out, { write: [{ path, contents: 'x' }], remove: [] });
      expect(d.map((x) => x.code)).toEqual(['output-unsafe-path']);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('first rolls back a full run killed mid-swap (its journal), then updates the folder it put back', async () => {
    dir = tempDir('update');
    const out = join(dir, 'generated');
    put(join(out, 'docs', OWNERSHIP_MARKER), MARKER_TEXT);
    put(join(out, 'docs/a.md'), 'old');
    // the state `generate` leaves when killed after moving docs/ out and before moving the new one in
    const tag = 'killed';
    put(join(stageDir(out, tag), 'docs', OWNERSHIP_MARKER), MARKER_TEXT);
    put(join(stageDir(out, tag), 'docs/a.md'), 'half');
    mkdirSync(backupDir(out, tag));
    writeJournal(out, { version: 1, tag, entries: [{ name: 'docs', hadOld: true, keeps: [] }] });
    renameSync(join(out, 'docs'), join(backupDir(out, tag), 'docs'));
    const d = await updateInPlace(out, { write: [{ path: 'docs/a.md', contents: 'new' }], remove: [] });
    expect(d.map((x) => x.code)).toEqual(['output-recovered']);
    expect(readFileSync(join(out, 'docs/a.md'), 'utf8')).toBe('new');
    expect(existsSync(join(out, JOURNAL_FILE))).toBe(false);
    expect(existsSync(stageDir(out, tag))).toBe(false);
    expect(existsSync(backupDir(out, tag))).toBe(false);
  });

  it('takes the output folder lock: while another run holds it, nothing is written', async () => {
    dir = tempDir('update');
    const out = join(dir, 'generated');
    put(join(out, 'docs', OWNERSHIP_MARKER), MARKER_TEXT);
    put(join(out, 'docs/a.md'), 'old');
    const held = await acquireLock(realPathOf(out), 1000);
    expect(held.ok).toBe(true);
    // the holder is this process, alive: the lock is not taken over
    const d = await updateInPlace(out, { write: [{ path: 'docs/a.md', contents: 'new' }], remove: [] }, { lockWaitMs: 200 });
    if (held.ok) held.release();
    expect(d.map((x) => x.code)).toEqual(['output-locked']);
    expect(readFileSync(join(out, 'docs/a.md'), 'utf8')).toBe('old');
  });
});
