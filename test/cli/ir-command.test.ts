import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import type { Api } from '../../generator/ir/types.js';
import { ROOT, SEEDS, hasSeeds, rel } from '../helpers/shared.js';

describe('sdkforge ir', () => {
  it('prints the IR of docs-input as JSON on stdout, a summary on stderr, exit 0', async () => {
    const io = bufferIO(ROOT);
    const code = await main(['ir', 'docs-input', '--no-cache'], io);
    expect(code).toBe(0);
    const api = JSON.parse(io.out.join('')) as Api;
    expect(api.clients.map((c) => c.name)).toEqual(['AuthenticationClient', 'ManagementClient']);
    expect(io.err.join('')).toMatch(/4 page\(s\): 4 method pages, 0 skipped; 4 method\(s\)/);
    // the seeds' tables are aligned, so their pages show nothing of the verb: names and shapes decide
    expect(io.err.join('')).toContain('\nverbs by evidence: name rule query-name-scalar-params 2, name rule default-post 1, parameter-shape 1\n');
    // their paths come from their file names
    expect(io.err.join('')).toContain('\npaths by evidence: api-v3-file-name 4\n');
  });

  it('exit 2 and a diagnostic line for a path that does not exist', async () => {
    const io = bufferIO(ROOT);
    expect(await main(['ir', 'no/such/folder'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^no\/such\/folder:1:1  error  input-not-found  no such file or folder/m);
  });

  it('exit 2 on bad usage, 0 on --help, and every command has --help', async () => {
    expect(await main(['nonsense'], bufferIO(ROOT))).toBe(2);
    const io = bufferIO(ROOT);
    expect(await main(['--help'], io)).toBe(0);
    const help = io.out.join('');
    const commands = [...help.matchAll(/^\s{2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toContain('ir');
    for (const c of commands) {
      const sub = bufferIO(ROOT);
      expect(await main([c, '--help'], sub), c).toBe(0);
      expect(sub.out.join('')).toContain(`Usage: sdkforge ${c}`);
    }
  });

  it.skipIf(!hasSeeds)('reports defects as file:line:col  severity  code  message', async () => {
    const io = bufferIO(ROOT);
    await main(['ir', rel(join(SEEDS, '002_1b209372de4a296b.txt')), '--no-cache'], io);
    expect(io.err.join('')).toMatch(/^\.\.\/shared\/seeds\/002_1b209372de4a296b\.txt:23:\d+  warning  md-table-fused-row  /m);
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/generator/cli.js')))('runs as a program (the built CLI), same bytes twice', () => {
    const run = () => spawnSync(process.execPath, ['dist/generator/cli.js', 'ir', 'docs-input', '--no-cache'], { cwd: ROOT, encoding: 'utf8' });
    const a = run();
    const b = run();
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/generator/cli.js')))('parses in worker threads when asked, with the same result', () => {
    const run = (workers: string) =>
      spawnSync(process.execPath, ['dist/generator/cli.js', 'ir', 'docs-input', '--no-cache', '--workers', workers], { cwd: ROOT, encoding: 'utf8' });
    const one = run('0');
    const two = run('2');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/generator/cli.js')))('runs through a bin link, as `npx sdkforge` does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-bin-'));
    try {
      const link = join(dir, 'sdkforge');
      symlinkSync(join(ROOT, 'dist/generator/cli.js'), link);
      // npm runs a package's bin directly: the built CLI must be executable (the build sets it)
      expect(statSync(join(ROOT, 'dist/generator/cli.js')).mode & 0o111).not.toBe(0);
      const r = spawnSync(link, ['--help'], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage: sdkforge');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
