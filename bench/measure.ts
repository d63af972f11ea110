/**
 * Running a command as a child process and measuring it: wall time here, peak memory (max RSS)
 * from /usr/bin/time when the machine has it. Shared by every bench part that runs a CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Run {
  ms: number;
  maxRssKb: number;
  stdout: string;
  stderr: string;
  code: number;
}

export function runMeasured(cmd: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    const timeFile = join(tmpdir(), `sdkforge-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const useTime = existsSync('/usr/bin/time');
    const [c, a] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, [...args]];
    const t = performance.now();
    execFile(c, a as string[], { cwd, maxBuffer: 256 * 1024 * 1024 }, async (err, stdout, stderr) => {
      const ms = performance.now() - t;
      let maxRssKb = 0;
      if (useTime) {
        maxRssKb = Number((await readFile(timeFile, 'utf8').catch(() => '0')).trim().split('\n').pop()) || 0;
        await rm(timeFile, { force: true });
      }
      done({ ms, maxRssKb, stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** (max − min) / median, as a percentage. */
export const spreadPct = (xs: readonly number[]): number => (xs.length ? ((Math.max(...xs) - Math.min(...xs)) / median(xs)) * 100 : NaN);

async function countTs(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('node_modules')) n++;
  return n;
}

export interface TypecheckResult {
  ms: number;
  maxRssKb: number;
  errors: number;
  /** Distinct error codes (TS7056 …), sorted. */
  codes: string[];
  files: number;
}

/**
 * tsc over a generated folder as a package build runs it: strict, declarations emitted (into a
 * scratch folder; that is where TS7056 shows), the repo's node_modules linked in for zod & co.
 */
export async function typecheck(root: string, dir: string): Promise<TypecheckResult> {
  if (!existsSync(join(dir, 'node_modules'))) await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM'],
      strict: true,
      declaration: true,
      emitDeclarationOnly: true,
      outDir: join(dir, '.tsc-out'),
      skipLibCheck: true,
      types: [],
    },
    include: ['**/*.ts'],
    exclude: ['node_modules', '.tsc-out'],
  };
  await writeFile(join(dir, 'tsconfig.bench.json'), JSON.stringify(tsconfig));
  const r = await runMeasured(process.execPath, ['--max-old-space-size=8192', join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.bench.json')], dir);
  await rm(join(dir, '.tsc-out'), { recursive: true, force: true });
  const codes = r.stdout.match(/error TS\d+/g) ?? [];
  return { ms: r.ms, maxRssKb: r.maxRssKb, errors: codes.length, codes: [...new Set(codes.map((c) => c.slice(6)))].sort(), files: await countTs(dir) };
}

export async function folderBytes(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.parentPath.includes('node_modules')) n += (await readFile(join(e.parentPath, e.name))).length;
  }
  return n;
}
