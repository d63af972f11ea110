/**
 * OpenAPI benchmark: sdkforge (ingest + every registered emitter — client, zod, docs — + write)
 * against the generators a user would otherwise pick, on one spec (bench/specs.ts):
 * openapi-typescript (types only), @hey-api/openapi-ts (client + zod plugin) and, on GitHub's
 * spec, openapi-zod-client. Every run is a child process (bench/measure.ts); then each output
 * is type-checked once with tsc.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderBytes, median, runMeasured, spreadPct, typecheck, type TypecheckResult } from './measure.js';
import { SPEC_TITLES, specPath, type SpecName } from './specs.js';

export interface ToolResult {
  name: string;
  what: string;
  runsMs: number[];
  medianMs: number;
  spreadPct: number;
  peakRssMb: number;
  /** sdkforge median / this tool's median. */
  ratio?: number;
  typecheck?: TypecheckResult;
  /** Bytes on disk of the output (sdkforge: per owned folder too). */
  bytes?: number;
  error?: string;
  detail?: SdkforgeDetail;
}

/** What the sdkforge child reports (bench/openapi-sdkforge-child.ts). */
export interface SdkforgeDetail {
  totalMs: number;
  phases: Record<string, number>;
  perEmitterMs: Record<string, number>;
  bytesByFolder: Record<string, number>;
  files: number;
  methods: number;
  types: number;
}

export interface SpecResult {
  spec: SpecName;
  title: string;
  tools: ToolResult[];
}

export interface OpenApiBenchOptions {
  root: string;
  runs?: number;
  /** Tools to leave out (e.g. ['openapi-zod-client'] when time is short). */
  skip?: readonly string[];
  log?: (line: string) => void;
}

interface Tool {
  name: string;
  what: string;
  args: (spec: string, out: string) => string[];
  /** The folder of the output that holds the code to type-check (default: all of it). */
  codeDir?: string;
}

export async function benchSpec(spec: SpecName, options: OpenApiBenchOptions): Promise<SpecResult> {
  const { root } = options;
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const file = specPath(root, spec, log);
  const nm = (p: string): string => join(root, 'node_modules', p);
  const allTools: Tool[] = [
    {
      name: 'sdkforge',
      what: '`generate --no-cache`: client + zod + docs + write',
      args: (s, o) => [join(root, 'dist/generator/cli.js'), 'generate', '--input', s, '--out', o, '--no-cache', '--max-diagnostics', '0'],
      codeDir: 'sdk',
    },
    { name: 'openapi-typescript', what: 'types only (one .d.ts)', args: (s, o) => [nm('openapi-typescript/bin/cli.js'), s, '-o', join(o, 'schema.d.ts')] },
    {
      name: 'hey-api',
      what: '@hey-api/openapi-ts: client-fetch + typescript + sdk + zod',
      args: (s, o) => [nm('@hey-api/openapi-ts/bin/run.js'), '-i', s, '-o', o, '-p', '@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', 'zod', '-s', '--no-log-file'],
    },
  ];
  if (spec === 'github') allTools.push({ name: 'openapi-zod-client', what: 'zod schemas + zodios client', args: (s, o) => [nm('openapi-zod-client/bin.js'), s, '-o', join(o, 'client.ts')] });
  const tools = allTools.filter((t) => !(options.skip ?? []).includes(t.name));

  const work = await mkdtemp(join(tmpdir(), `sdkforge-bench-${spec}-`));
  const results: ToolResult[] = [];
  try {
    for (const tool of tools) {
      const ms: number[] = [];
      const rss: number[] = [];
      let error: string | undefined;
      let lastOut = '';
      for (let i = 0; i < runs; i++) {
        const out = join(work, tool.name, String(i));
        await mkdir(out, { recursive: true });
        const r = await runMeasured(process.execPath, tool.args(file, out), root);
        if (r.code !== 0) {
          error = `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`;
          break;
        }
        ms.push(r.ms);
        rss.push(r.maxRssKb);
        if (lastOut) await rm(lastOut, { recursive: true, force: true });
        lastOut = out;
        log(`  ${spec} ${tool.name} run ${i + 1}/${runs}: ${(r.ms / 1000).toFixed(2)} s, ${(r.maxRssKb / 1024).toFixed(0)} MiB`);
      }
      const res: ToolResult = { name: tool.name, what: tool.what, runsMs: ms, medianMs: median(ms), spreadPct: spreadPct(ms), peakRssMb: rss.length ? Math.max(...rss) / 1024 : NaN };
      if (error) res.error = error;
      if (tool.name === 'sdkforge' && !error) {
        // one more run, in-process phases (not counted in the median): where the time goes
        const out = join(work, 'phases');
        const r = await runMeasured(process.execPath, [join(root, 'dist/bench/openapi-sdkforge-child.js'), file, out], root);
        if (r.code === 0) res.detail = JSON.parse(r.stdout.trim().split('\n').pop()!) as SdkforgeDetail;
        await rm(out, { recursive: true, force: true });
      }
      if (lastOut) {
        res.bytes = await folderBytes(lastOut);
        res.typecheck = await typecheck(root, tool.codeDir ? join(lastOut, tool.codeDir) : lastOut);
        log(`  ${spec} ${tool.name} type-check: ${(res.typecheck.ms / 1000).toFixed(2)} s, ${res.typecheck.errors} error(s) in ${res.typecheck.files} file(s)`);
      }
      results.push(res);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const ours = results.find((r) => r.name === 'sdkforge');
  for (const r of results) if (ours && r !== ours && Number.isFinite(r.medianMs)) r.ratio = ours.medianMs / r.medianMs;
  return { spec, title: SPEC_TITLES[spec], tools: results };
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? '-' : (bytes / 1048576).toFixed(1));

export function formatSpecBench(r: SpecResult): string {
  const lines = [`OpenAPI bench, ${r.title}: median of runs, spread = (max-min)/median, ratio = sdkforge / tool`];
  lines.push('tool                  median s  spread  peak MiB  ratio    tsc s  tsc errors  out MiB  what');
  for (const t of r.tools) {
    const tc = t.typecheck;
    lines.push(
      [
        t.name.padEnd(20),
        (t.medianMs / 1000).toFixed(2).padStart(9),
        `${t.spreadPct.toFixed(0)}%`.padStart(7),
        t.peakRssMb.toFixed(0).padStart(9),
        (t.ratio === undefined ? '-' : t.ratio.toFixed(2)).padStart(6),
        (tc ? (tc.ms / 1000).toFixed(2) : '-').padStart(8),
        (tc ? `${tc.errors}${tc.codes.length ? ` ${tc.codes.slice(0, 2).join(',')}` : ''}` : '-').padStart(11),
        mb(t.bytes).padStart(8),
        ` ${t.what}${t.error ? ` (FAILED: ${t.error})` : ''}`,
      ].join(' '),
    );
  }
  const d = r.tools.find((t) => t.name === 'sdkforge')?.detail;
  if (d) {
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    lines.push(`sdkforge (last run): ${d.methods} methods, ${d.types} types, ${d.files} files; ${Object.entries(d.bytesByFolder).map(([k, v]) => `${k}/ ${mb(v)} MiB`).join(', ')}`);
    lines.push(`  phases: ${Object.entries(d.phases).map(([k, v]) => `${k.replace(/Ms$/, '')} ${s(v)}`).join(', ')}; emitters: ${Object.entries(d.perEmitterMs).map(([k, v]) => `${k} ${s(v)}`).join(', ')}`);
  }
  return lines.join('\n');
}
