/**
 * OpenAPI benchmark on GitHub's REST API description (@octokit/openapi, ~1,200 operations):
 * sdkforge (ingest + every registered emitter — client, zod, docs — + write) against the
 * generators a user would otherwise pick: openapi-typescript (types), @hey-api/openapi-ts
 * (client + zod plugin), openapi-zod-client (zod + zodios client). Every run is a child
 * process: wall time measured here, peak memory (max RSS) from /usr/bin/time. Then each output
 * is type-checked once with tsc. Exported for `npm run bench` (bench/run.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Sample {
  ms: number;
  maxRssKb: number;
}

export interface ToolResult {
  name: string;
  what: string;
  runs: Sample[];
  medianMs: number;
  /** (max − min) / median, as a percentage. */
  spreadPct: number;
  peakRssMb: number;
  /** sdkforge median / this tool's median. */
  ratio?: number;
  typecheck?: { ms: number; errors: number; files: number };
  error?: string;
  detail?: unknown;
}

export interface OpenApiBenchOptions {
  root?: string;
  runs?: number;
  spec?: string;
  /** Tools to leave out (e.g. ['openapi-zod-client'] when time is short). */
  skip?: string[];
  log?: (line: string) => void;
}

interface Tool {
  name: string;
  what: string;
  args: (spec: string, out: string) => string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function run(cmd: string, args: string[], cwd: string): Promise<{ ms: number; maxRssKb: number; stdout: string; stderr: string; code: number }> {
  return new Promise((done) => {
    const timeFile = join(tmpdir(), `sdkforge-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const useTime = existsSync('/usr/bin/time');
    const [c, a] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, args];
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

async function countTs(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('node_modules')) n++;
  return n;
}

/** tsc --noEmit over a generated folder (strict, the repo's node_modules linked in for zod & co). */
async function typecheck(root: string, dir: string): Promise<{ ms: number; errors: number; files: number }> {
  if (!existsSync(join(dir, 'node_modules'))) await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const tsconfig = {
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
    include: ['**/*.ts'],
    exclude: ['node_modules'],
  };
  await writeFile(join(dir, 'tsconfig.bench.json'), JSON.stringify(tsconfig));
  const r = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.bench.json')], dir);
  return { ms: r.ms, errors: (r.stdout.match(/error TS\d+/g) ?? []).length, files: await countTs(dir) };
}

export async function benchOpenApi(options: OpenApiBenchOptions = {}): Promise<ToolResult[]> {
  const root = resolve(options.root ?? process.cwd());
  const runs = options.runs ?? 3;
  const log = options.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const spec = resolve(root, options.spec ?? 'node_modules/@octokit/openapi/generated/api.github.com.json');
  const nm = (p: string): string => join(root, 'node_modules', p);
  const allTools: Tool[] = [
    { name: 'sdkforge', what: 'IR + every registered emitter + write', args: (s, o) => [join(root, 'dist/bench/openapi-sdkforge-child.js'), s, o] },
    { name: 'openapi-typescript', what: 'types (one .d.ts)', args: (s, o) => [nm('openapi-typescript/bin/cli.js'), s, '-o', join(o, 'schema.d.ts')] },
    {
      name: '@hey-api/openapi-ts',
      what: 'client-fetch + typescript + sdk + zod plugins',
      args: (s, o) => [nm('@hey-api/openapi-ts/bin/run.js'), '-i', s, '-o', o, '-p', '@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', 'zod', '-s', '--no-log-file'],
    },
    { name: 'openapi-zod-client', what: 'zod schemas + zodios client', args: (s, o) => [nm('openapi-zod-client/bin.js'), s, '-o', join(o, 'client.ts')] },
  ];
  const tools = allTools.filter((t) => !(options.skip ?? []).includes(t.name));

  const work = await mkdtemp(join(tmpdir(), 'sdkforge-bench-openapi-'));
  const results: ToolResult[] = [];
  try {
    for (const tool of tools) {
      const samples: Sample[] = [];
      let error: string | undefined;
      let detail: unknown;
      let lastOut = '';
      for (let i = 0; i < runs; i++) {
        const out = join(work, tool.name.replace(/[^a-z0-9]+/gi, '-'), String(i));
        await mkdir(out, { recursive: true });
        const r = await run(process.execPath, tool.args(spec, out), root);
        if (r.code !== 0) {
          error = `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`;
          break;
        }
        if (tool.name === 'sdkforge') detail = JSON.parse(r.stdout.trim().split('\n').pop()!);
        samples.push({ ms: r.ms, maxRssKb: r.maxRssKb || ((detail as { maxRssKb?: number } | undefined)?.maxRssKb ?? 0) });
        lastOut = out;
        log(`  ${tool.name} run ${i + 1}/${runs}: ${(r.ms / 1000).toFixed(2)} s, ${(samples.at(-1)!.maxRssKb / 1024).toFixed(0)} MB`);
      }
      const ms = samples.map((s) => s.ms);
      const res: ToolResult = {
        name: tool.name,
        what: tool.what,
        runs: samples,
        medianMs: ms.length ? median(ms) : NaN,
        spreadPct: ms.length ? ((Math.max(...ms) - Math.min(...ms)) / median(ms)) * 100 : NaN,
        peakRssMb: samples.length ? Math.max(...samples.map((s) => s.maxRssKb)) / 1024 : NaN,
      };
      if (error) res.error = error;
      if (detail) res.detail = detail;
      if (lastOut) {
        res.typecheck = await typecheck(root, lastOut);
        log(`  ${tool.name} type-check: ${(res.typecheck.ms / 1000).toFixed(2)} s, ${res.typecheck.errors} error(s) in ${res.typecheck.files} file(s)`);
      }
      results.push(res);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ours = results.find((r) => r.name === 'sdkforge');
  for (const r of results) if (ours && r !== ours && Number.isFinite(r.medianMs)) r.ratio = ours.medianMs / r.medianMs;
  log(formatOpenApiBench(results));
  return results;
}

export function formatOpenApiBench(results: readonly ToolResult[]): string {
  const lines = ['OpenAPI bench (GitHub REST API): median of runs, spread = (max-min)/median, ratio = sdkforge / peer'];
  lines.push('tool                  median s  spread   peak MB  ratio   tsc s  tsc errors  what');
  for (const r of results) {
    const tc = r.typecheck;
    lines.push(
      [
        r.name.padEnd(20),
        (r.medianMs / 1000).toFixed(2).padStart(9),
        `${r.spreadPct.toFixed(0)}%`.padStart(7),
        r.peakRssMb.toFixed(0).padStart(9),
        (r.ratio === undefined ? '-' : r.ratio.toFixed(2)).padStart(6),
        (tc ? (tc.ms / 1000).toFixed(2) : '-').padStart(7),
        String(tc ? tc.errors : '-').padStart(11),
        ` ${r.what}${r.error ? ` (FAILED: ${r.error})` : ''}`,
      ].join(' '),
    );
  }
  const d = results.find((r) => r.name === 'sdkforge')?.detail as { phases?: Record<string, number>; perEmitterMs?: Record<string, number>; emitters?: string[]; files?: number } | undefined;
  if (d?.phases) {
    lines.push(`sdkforge phases (last run): ${Object.entries(d.phases).map(([k, v]) => `${k.replace(/Ms$/, '')} ${(v / 1000).toFixed(2)} s`).join(', ')}; emit by emitter: ${Object.entries(d.perEmitterMs ?? {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ') || '(none registered)'}; ${d.files} file(s)`);
  }
  return lines.join('\n');
}

// run directly: node dist/bench/openapi.js [runs]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!) && process.argv[1].includes('openapi')) {
  void benchOpenApi({ runs: Number(process.argv[2] ?? 3) });
}
