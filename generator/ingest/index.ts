import type { Diagnostic } from '../diagnostics/types.js';
import { validateApi } from '../ir/validate.js';
import { IR_VERSION, type Api } from '../ir/types.js';
import { resolveInputs, type ResolvedInputs } from './inputs.js';
import { ingestMarkdown, parsePagesInline, type MarkdownIngestResult, type PageParser } from './markdown/index.js';
import { ingestSpecs } from './sources.js';

export interface IngestResult {
  api: Api;
  diagnostics: Diagnostic[];
  inputs: ResolvedInputs;
  stats?: MarkdownIngestResult['stats'];
}

export interface IngestOptions {
  cwd?: string;
  /** How pages are parsed (inline, in worker threads, through the cache). */
  parsePages?: PageParser;
  /** OpenAPI options (how tags map to clients). */
  openapi?: { tagsAs?: 'clients' | 'categories' };
}

/** Any mix of docs pages and specs → one validated IR. The single entry every command uses. */
export async function ingest(paths: readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  const { inputs, diagnostics } = await resolveInputs(paths, options.cwd);
  let api: Api = { irVersion: IR_VERSION, origin: 'docs', clients: [], types: [] };
  let stats: MarkdownIngestResult['stats'] | undefined;
  if (inputs.markdown.length > 0) {
    const cwd = options.cwd ?? process.cwd();
    const md = await ingestMarkdown({ pages: inputs.markdown, overrides: inputs.overrides }, options.parsePages ?? parsePagesInline(cwd), cwd);
    api = md.api;
    stats = md.stats;
    diagnostics.push(...md.diagnostics);
  }
  if (inputs.specs.length > 0) {
    const spec = await ingestSpecs(inputs.specs, inputs.markdown.length > 0 ? api : undefined, { ...options.openapi, cwd: options.cwd });
    api = spec.api;
    diagnostics.push(...spec.diagnostics);
  }
  diagnostics.push(...validateApi(api));
  if (api.clients.every((c) => c.methods.length === 0) && diagnostics.every((d) => d.code !== 'input-not-found')) {
    diagnostics.push({ code: 'input-empty', severity: 'error', message: 'no method found in the inputs' });
  }
  const result: IngestResult = { api, diagnostics, inputs };
  if (stats) result.stats = stats;
  return result;
}
