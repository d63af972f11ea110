import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { loadConfig } from '../../generator/config.js';
import { recoverOutput } from '../../generator/output/journal.js';
import { LOCK_FILE } from '../../generator/output/lock.js';
import { OWNED_FOLDERS } from '../../generator/emit/index.js';
import type { GeneratedFile } from '../../generator/output/files.js';
import { writeOutput } from '../../generator/output/write.js';
import { build } from '../../generator/pipeline.js';
import { pathToFileURL } from 'node:url';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * Issue 10, item 11: the swap of sdk/ and docs/ is recoverable. The built writer runs in a child
 * process that kills itself (SIGKILL, as `kill -9`) at a chosen step (SDKFORGE_WRITE_CRASH_AT):
 * no timer decides where it stops. After each crash, recovery gives back the previous generation
 * exactly (kept install state included), and the next run writes the new one with nothing left
 * behind. The built CLI does the same end to end; two runs at once: the second waits.
 */

const CLI = join(ROOT, 'dist/generator/cli.js');
const WRITER = join(ROOT, 'dist/generator/output/write.js');
/** `node -e` child: writeOutput(out, files, { owned }) read from a JSON file. */
const CHILD = `const [{ writeOutput }, fs] = await Promise.all([import(${JSON.stringify(pathToFileURL(WRITER).href)}), import('node:fs')]);
const [out, json, cwd] = process.argv.slice(1);
const { files, owned } = JSON.parse(fs.readFileSync(json, 'utf8'));
const r = await writeOutput(out, files, { owned, cwd });
process.exitCode = r.diagnostics.some((d) => d.severity === 'error') ? 2 : 0;`;
const V1 = ['--input', 'docs-input'];
const V2 = ['--input', 'docs-input', '--input', 'test/fixtures/hostile/reserved-members/docs'];
/** What `cd out/sdk && npm install` and a docs build leave, and a file of the user's beside them. */
const INSTALLED: Record<string, string> = {
  'sdk/node_modules/zod/package.json': '{"name":"zod"}',
  'sdk/dist/index.js': 'export {};\n',
  'sdk/package-lock.json': '{"lockfileVersion":3}',
  'docs/.vitepress/cache/deps/_metadata.json': '{}',
  'notes.txt': 'mine',
};
const STEPS = ['staged', 'journal', 'old-out:docs', 'new-in:docs', 'old-out:sdk', 'new-in:sdk', 'kept:docs', 'kept:sdk', 'committed'];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name).slice(dir.length + 1);
    out[path] = readFileSync(join(dir, path), 'utf8');
  }
  return out;
}

async function generate(out: string, inputs: string[]): Promise<{ code: number; err: string }> {
  const io = bufferIO(ROOT);
  const code = await main(['generate', ...inputs, '--out', out, '--no-cache'], io);
  return { code, err: io.err.join('') };
}

async function filesOf(inputs: string[]): Promise<GeneratedFile[]> {
  const { config } = await loadConfig(ROOT);
  return (await build({ config, cwd: ROOT, inputs: inputs.filter((_, i) => i % 2 === 1) })).files;
}

/** The output folder as generate leaves it for these files, after an install. */
function expected(files: readonly GeneratedFile[]): Record<string, string> {
  const marker = readFileSync(join(ROOT, 'generated/sdk/.sdkforge'), 'utf8');
  return { ...Object.fromEntries(files.map((f) => [f.path, f.contents])), 'sdk/.sdkforge': marker, 'docs/.sdkforge': marker, ...INSTALLED };
}

describe.skipIf(!existsSync(CLI))('a run killed between renames is recovered', () => {
  const dir = tempDir('crash');
  let files1: GeneratedFile[];
  let files2: GeneratedFile[];
  let v1: Record<string, string>;
  let v2: Record<string, string>;
  const json2 = join(dir, 'v2.json');
  beforeAll(async () => {
    files1 = await filesOf(V1);
    files2 = await filesOf(V2);
    v1 = expected(files1);
    v2 = expected(files2);
    writeFileSync(json2, JSON.stringify({ files: files2, owned: OWNED_FOLDERS }));
  });
  afterAll(() => cleanup(dir));

  for (const step of STEPS) {
    it(`killed at ${step}: recovery restores the previous generation, the next run writes the new one`, async () => {
      const out = join(dir, step.replace(':', '-'));
      expect((await writeOutput(out, files1, { owned: OWNED_FOLDERS, cwd: dir })).diagnostics).toEqual([]);
      for (const [path, text] of Object.entries(INSTALLED)) {
        mkdirSync(dirname(join(out, path)), { recursive: true });
        writeFileSync(join(out, path), text);
      }
      expect(snapshot(out)).toEqual(v1);

      const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, out, json2, dir], { env: { ...process.env, SDKFORGE_WRITE_CRASH_AT: step }, encoding: 'utf8' });
      expect(child.signal, child.stderr).toBe('SIGKILL');

      // what the next run does first, under the (stale, taken over) lock
      await recoverOutput(realpathSync(out));
      const { [LOCK_FILE]: lock, ...recovered } = snapshot(out);
      expect(lock).toContain(`"pid":${child.pid}`);
      expect(recovered).toEqual(step === 'committed' ? v2 : v1);
      expect(readdirSync(out).filter((n) => n.startsWith('.sdkforge-'))).toEqual([]);

      const next = await writeOutput(out, files2, { owned: OWNED_FOLDERS, cwd: dir });
      expect(next.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(snapshot(out)).toEqual(v2);
      expect(readdirSync(out).sort()).toEqual(['docs', 'notes.txt', 'sdk']);
    }, 60_000);
  }

  it('the next run alone recovers too, and says so', async () => {
    const out = join(dir, 'next-run');
    expect((await generate(out, V1)).code).toBe(0);
    const child = spawnSync(process.execPath, [CLI, 'generate', ...V2, '--out', out, '--no-cache'], { cwd: ROOT, env: { ...process.env, SDKFORGE_WRITE_CRASH_AT: 'old-out:sdk' } });
    expect(child.signal).toBe('SIGKILL');
    // docs/ already new and sdk/ moved aside: the state the issue found
    expect(existsSync(join(out, 'sdk'))).toBe(false);
    const next = await generate(out, V2);
    expect(next.code).toBe(0);
    expect(next.err).toMatch(/warning {2}output-recovered {2}.*rolled back an interrupted run/);
    expect(existsSync(join(out, 'sdk/src/index.ts'))).toBe(true);
  }, 120_000);

  it('two runs into one folder at once: the second waits for the first, both succeed, nothing is lost', async () => {
    const out = join(dir, 'concurrent');
    const trace = join(dir, 'concurrent.trace');
    mkdirSync(out, { recursive: true });
    writeFileSync(trace, '');
    // hold the lock until both runs are waiting for it: then they certainly run at once
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = () =>
      new Promise<number | null>((done) => {
        const p = spawn(process.execPath, [CLI, 'generate', ...V2, '--out', out, '--no-cache'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, SDKFORGE_WRITE_TRACE: trace } });
        p.on('exit', (code) => done(code));
      });
    const both = Promise.all([run(), run()]);
    const waiting = () => readFileSync(trace, 'utf8').split('\n').filter((l) => l.endsWith(' lock-wait')).length;
    await new Promise<void>((ok) => {
      const poll = setInterval(() => {
        if (waiting() === 2) {
          clearInterval(poll);
          ok();
        }
      }, 50);
    });
    unlinkSync(join(out, LOCK_FILE));
    expect(await both).toEqual([0, 0]);
    // one run swapped, then the other: their steps do not interleave
    const steps = readFileSync(trace, 'utf8').trim().split('\n').filter((l) => !l.endsWith(' lock-wait'));
    const pids = steps.map((l) => l.split(' ')[0]);
    expect(pids.filter((p, i) => i > 0 && p !== pids[i - 1]).length).toBe(1);
    const want = Object.fromEntries(Object.entries(v2).filter(([k]) => !(k in INSTALLED)));
    expect(snapshot(out)).toEqual(want);
    expect(readdirSync(out).sort()).toEqual(['docs', 'sdk']);
  }, 120_000);
});
