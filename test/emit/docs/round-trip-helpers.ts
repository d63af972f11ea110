import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { vitepressRenderer, writeHtmlPages } from '../../helpers/vitepress-render.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { dirname, join, relative } from 'node:path';
import { ConfigSchema, type Config } from '../../../generator/config.js';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { ingest, type IngestResult } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import type { GeneratedFile } from '../../../generator/output/files.js';

export const ROOT = join(import.meta.dirname, '../../..');

export function config(overrides: Record<string, unknown> = {}): Config {
  return ConfigSchema.parse({ sdk: { packageName: 'genauth-sdk' }, ...overrides });
}

export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.contents);
  }
}

const LOCATIONS = new Set(['source', 'docs']);
const LOCATIONS_AND_ORIGINS = new Set([...LOCATIONS, 'verbOrigin', 'pathOrigin']);

/** The IR without what depends on where it was read from: `source` locations and docs file refs. */
export function comparable(value: unknown, without: ReadonlySet<string> = LOCATIONS): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v, without));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (without.has(k)) continue;
      out[k] = comparable(v, without);
    }
    return out;
  }
  return value;
}

/**
 * The IR as the emitted pages give it back: every emitted page states its endpoint in a request
 * line, the first evidence of verb and path, so they read back with origin `request-line`
 * (checked by `notFromRequestLine`) whatever decided them in the input; the rest as `comparable`.
 */
export const readBackComparable = (value: unknown): unknown => comparable(value, LOCATIONS_AND_ORIGINS);

/** Methods (`Client.id`) whose verb or path was not read from a request line. */
export function notFromRequestLine(api: Api): string[] {
  const fromLine = (o: Method['http']['verbOrigin']) => o.kind === 'evidence' && o.evidence === 'request-line';
  return api.clients.flatMap((c) => c.methods.filter((m) => !fromLine(m.http.verbOrigin) || !fromLine(m.http.pathOrigin)).map(methodKey));
}

/**
 * Compared without the verb's and path's origins (`readBackComparable`): the pages read back
 * record their request line; `notFromRequestLine` lists the methods read back otherwise.
 */
export interface RoundTrip extends Comparison {
  notFromRequestLine: string[];
  first: IngestResult;
  second: IngestResult;
  files: GeneratedFile[];
}

const methodKey = (m: Method): string => `${m.client}.${m.id}`;

/** input pages → IR → emitted pages (written to `outDir`) → IR again, compared method by method. */
export async function roundTrip(inputs: string[], outDir: string, cfg: Config = config()): Promise<RoundTrip> {
  const first = await ingest(inputs, { cwd: ROOT });
  const emitted = await emitDocs(first.api, { config: cfg, templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  writeFiles(outDir, emitted.files);
  const second = await ingest([relative(ROOT, join(outDir, 'docs'))], { cwd: ROOT });
  return { first, second, files: emitted.files, notFromRequestLine: notFromRequestLine(second.api), ...compareApis(first.api, second.api, readBackComparable) };
}

export interface HtmlRoundTrip extends Comparison {
  /** The site's markdown pages read back (RoundTrip.second) and its HTML pages read back. */
  markdown: IngestResult;
  html: IngestResult;
  pages: number;
}

/**
 * The docs site of a round trip (its markdown pages in `outDir/docs`) rendered to HTML as
 * VitePress renders it (`outDir/html`), read back and compared with its markdown pages read back.
 */
export async function htmlRoundTrip(r: RoundTrip, outDir: string): Promise<HtmlRoundTrip> {
  const render = await vitepressRenderer(join(outDir, 'docs'));
  const htmlDir = join(outDir, 'html');
  rmSync(htmlDir, { recursive: true, force: true });
  const pages = writeHtmlPages(
    render,
    r.files.filter((f) => f.path.startsWith('docs/')).map((f) => ({ path: f.path.slice('docs/'.length), contents: String(f.contents) })),
    htmlDir,
  );
  const html = await ingest([relative(ROOT, htmlDir)], { cwd: ROOT });
  return { markdown: r.second, html, pages, ...compareApis(r.second.api, html.api) };
}

interface Comparison {
  /** Method keys (`Client.id`) whose comparable IR differs, with the differing keys. */
  differing: { key: string; fields: string[] }[];
  identical: number;
  typesDiffering: string[];
}

function compareApis(firstApi: Api, secondApi: Api, seen: (value: unknown) => unknown = comparable): Comparison {
  const methods = (api: Api) => new Map(api.clients.flatMap((c) => c.methods.map((m) => [methodKey(m), m] as const)));
  const a = methods(firstApi);
  const b = methods(secondApi);
  const differing: RoundTrip['differing'] = [];
  let identical = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (!x || !y) {
      differing.push({ key, fields: [x ? 'missing after round trip' : 'new after round trip'] });
      continue;
    }
    const cx = seen(x) as Record<string, unknown>;
    const cy = seen(y) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(cx), ...Object.keys(cy)])].filter((k) => JSON.stringify(cx[k]) !== JSON.stringify(cy[k]));
    if (fields.length === 0) identical++;
    else differing.push({ key, fields });
  }
  const ta = new Map(firstApi.types.map((t) => [t.name, JSON.stringify(seen(t))]));
  const tb = new Map(secondApi.types.map((t) => [t.name, JSON.stringify(seen(t))]));
  const typesDiffering = [...new Set([...ta.keys(), ...tb.keys()])].filter((n) => ta.get(n) !== tb.get(n)).sort();
  return { differing, identical, typesDiffering };
}
