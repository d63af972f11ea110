/**
 * Issue 12's table: each goal, the figure measured before the work (bench/baseline.json, taken
 * with `npm run bench -- --save-baseline` on the commit it names) and the figure of this run,
 * side by side. Ratios are always within one run (sdkforge against a peer measured by the same
 * command), so a loaded machine moves both sides.
 */
import type { SpecResult, ToolResult } from './openapi.js';
import type { SpecName } from './specs.js';
import type { TableResult } from './table.js';

export interface BenchRecord {
  commit?: string;
  date?: string;
  specs: Partial<Record<SpecName, SpecResult>>;
  table?: TableResult[];
  corpus?: { irColdMs?: number; checkWarmMs?: number };
}

interface Row {
  goal: string;
  target: string;
  before: string;
  now: string;
  met?: boolean;
}

const s = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '-' : `${(ms / 1000).toFixed(2)} s`);
const tool = (r: BenchRecord, spec: SpecName, name: string): ToolResult | undefined => r.specs[spec]?.tools.find((t) => t.name === name);
const ratio = (r: BenchRecord, spec: SpecName, peer: string): number | undefined => {
  const a = tool(r, spec, 'sdkforge');
  const b = tool(r, spec, peer);
  return a && b && Number.isFinite(a.medianMs) && Number.isFinite(b.medianMs) ? a.medianMs / b.medianMs : undefined;
};

function specRows(spec: SpecName, before: BenchRecord, now: BenchRecord): Row[] {
  const rows: Row[] = [];
  const cell = (r: BenchRecord, peer: string): string => {
    const t = tool(r, spec, 'sdkforge');
    const p = tool(r, spec, peer);
    const q = ratio(r, spec, peer);
    return t && p ? `${s(t.medianMs)} vs ${s(p.medianMs)} = ${q!.toFixed(2)}` : '-';
  };
  const peak = (r: BenchRecord): number | undefined => tool(r, spec, 'sdkforge')?.peakRssMb;
  const mib = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '-' : `${n.toFixed(0)} MiB`);
  if (spec === 'github') {
    rows.push({ goal: 'GitHub: sdkforge everything vs openapi-typescript types', target: 'ratio ≤ 1.0', before: cell(before, 'openapi-typescript'), now: cell(now, 'openapi-typescript'), met: maybe(ratio(now, spec, 'openapi-typescript'), (x) => x <= 1) });
    rows.push({ goal: 'GitHub: peak memory', target: '≤ 500 MiB', before: mib(peak(before)), now: mib(peak(now)), met: maybe(peak(now), (x) => x <= 500) });
  }
  if (spec === 'stripe') {
    rows.push({ goal: 'Stripe: sdkforge vs hey-api + zod', target: 'ratio ≤ 0.5', before: cell(before, 'hey-api'), now: cell(now, 'hey-api'), met: maybe(ratio(now, spec, 'hey-api'), (x) => x <= 0.5) });
    rows.push({ goal: 'Stripe: peak memory', target: '≤ 600 MiB', before: mib(peak(before)), now: mib(peak(now)), met: maybe(peak(now), (x) => x <= 600) });
    const docs = (r: BenchRecord): string => {
      const d = tool(r, spec, 'sdkforge')?.detail?.bytesByFolder;
      return d?.docs && d.sdk ? `${(d.docs / 1048576).toFixed(1)} / ${(d.sdk / 1048576).toFixed(1)} MiB = ${(d.docs / d.sdk).toFixed(2)}` : '-';
    };
    const d = tool(now, spec, 'sdkforge')?.detail?.bytesByFolder;
    rows.push({ goal: 'Stripe: docs on disk / SDK on disk', target: '≤ 3', before: docs(before), now: docs(now), met: d?.docs && d.sdk ? d.docs / d.sdk <= 3 : undefined });
  }
  if (spec === 'kubernetes') {
    rows.push({ goal: 'Kubernetes: sdkforge vs hey-api + zod', target: '(no goal)', before: cell(before, 'hey-api'), now: cell(now, 'hey-api') });
  }
  const tsc = (r: BenchRecord): string => {
    const a = tool(r, spec, 'sdkforge')?.typecheck;
    const b = tool(r, spec, 'hey-api')?.typecheck;
    return a && b ? `${s(a.ms)} vs ${s(b.ms)} = ${(a.ms / b.ms).toFixed(2)}${a.errors ? ` (${a.errors} errors)` : ''}` : '-';
  };
  const a = tool(now, spec, 'sdkforge')?.typecheck;
  const b = tool(now, spec, 'hey-api')?.typecheck;
  rows.push({ goal: `${spec}: tsc on the SDK vs on hey-api's output`, target: 'ratio ≤ 1.0, 0 errors', before: tsc(before), now: tsc(now), met: a && b ? a.ms <= b.ms && a.errors === 0 : undefined });
  return rows;
}

const maybe = (x: number | undefined, test: (x: number) => boolean): boolean | undefined => (x === undefined || !Number.isFinite(x) ? undefined : test(x));

function tableCell(t: TableResult[] | undefined): string {
  if (!t?.length) return '-';
  return t.map((r) => `${r.rows / 1000}k ${s(r.ms)} ${r.peakRssMb.toFixed(0)} MiB${r.typecheck ? (r.typecheck.errors ? ` tsc ${r.typecheck.codes.join(',')}` : ' tsc ok') : ` exit ${r.exit}`}`).join('; ');
}

/** Linear: time and memory per row at the largest size within 1.5× of the smallest's (memory above a 150 MiB floor). */
function tableLinear(t: TableResult[] | undefined): boolean | undefined {
  if (!t || t.length < 2) return undefined;
  const a = t[0]!;
  const b = t[t.length - 1]!;
  const k = b.rows / a.rows;
  return b.ms <= a.ms * k * 1.5 && b.peakRssMb - 150 <= Math.max(1, a.peakRssMb - 150) * k * 1.5 && (b.typecheck?.errors ?? 1) === 0;
}

export function formatGoals(before: BenchRecord | undefined, now: BenchRecord): string {
  const b = before ?? { specs: {} };
  const rows: Row[] = [];
  for (const spec of ['github', 'stripe', 'kubernetes'] as const) if (now.specs[spec]) rows.push(...specRows(spec, b, now));
  if (now.table) rows.push({ goal: 'Big table (5k, 25k, 50k rows): linear, compiles', target: 'linear, tsc ok', before: tableCell(b.table), now: tableCell(now.table), met: tableLinear(now.table) });
  if (now.corpus) {
    rows.push({ goal: 'Corpus: ir cold', target: '≤ 2 s', before: s(b.corpus?.irColdMs), now: s(now.corpus.irColdMs), met: maybe(now.corpus.irColdMs, (x) => x <= 2000) });
    rows.push({ goal: 'Corpus: check warm', target: '≤ 1 s', before: s(b.corpus?.checkWarmMs), now: s(now.corpus.checkWarmMs), met: maybe(now.corpus.checkWarmMs, (x) => x <= 1000) });
  }
  const w = [0, 0, 0, 0];
  const cells = rows.map((r) => [r.goal, r.target, r.before, r.now]);
  for (const c of cells) c.forEach((x, i) => (w[i] = Math.max(w[i]!, x.length)));
  const head = ['goal', 'target', `before (${before?.commit?.slice(0, 8) ?? 'none'}${before?.date ? `, ${before.date}` : ''})`, 'now'];
  head.forEach((x, i) => (w[i] = Math.max(w[i]!, x.length)));
  const line = (c: string[], met = ''): string => c.map((x, i) => x.padEnd(w[i]!)).join(' | ') + ` | ${met}`;
  return ['Issue 12 goals: before (bench/baseline.json) and now (this run)', line(head, 'met'), ...rows.map((r, i) => line(cells[i]!, r.met === undefined ? '?' : r.met ? 'yes' : 'NO'))].join('\n');
}
