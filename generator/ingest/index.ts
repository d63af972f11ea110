import { diagnostic } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { breakAliasCycles } from '../ir/alias-cycles.js';
import { detectPagination } from '../ir/pagination.js';
import { validateApi } from '../ir/validate.js';
import { IR_VERSION, type Api } from '../ir/types.js';
import type { Config } from '../config.js';
import { displayPath } from '../diagnostics/display-path.js';
import { ingestDocs, type DocsIngestResult, type DocsTree, type PageParser } from './docs/index.js';
import { pagesParser } from './docs/page-cache.js';
import { resolveInputs, type ResolvedInputs } from './inputs.js';
import { DEFAULT_LIMITS, type InputLimits } from './read-input.js';
import { ingestSpecs } from './specs.js';
import { applyProfile, type LocatedProfile } from './profile.js';

export type { PageParser } from './docs/index.js';
/** A docs page's text → the page model (for tools that look at a page's blocks, such as lint). */
export { pageModel } from './docs/parse-page.js';
/** The cached page parser, for a command that ingests the same pages twice in one run. */
export { pagesParser };

export interface IngestResult {
  api: Api;
  diagnostics: Diagnostic[];
  inputs: ResolvedInputs;
  stats?: DocsIngestResult['stats'];
}

export interface IngestOptions {
  cwd?: string;
  /** Read and write the content-hash caches in `<cwd>/.sdkforge-cache/` (default off). */
  cache?: boolean;
  /** Parse pages in this many worker threads (default 0: in this thread). */
  workers?: number | undefined;
  /** How pages are parsed; replaces `cache`/`workers` (tests, git revisions). */
  parsePages?: PageParser;
  /** OpenAPI options: how tags map to clients, folders `$ref`s may read besides the spec's own. */
  openapi?: { tagsAs?: 'clients' | 'categories'; refRoots?: readonly string[] };
  /** Input limits (file size, YAML aliases); default DEFAULT_LIMITS. */
  limits?: InputLimits;
  /**
   * The docs root that include paths are relative to (`docs.root` in sdkforge.config.json,
   * cwd-relative). Default: found by walking up from each page to the input folder it came from.
   */
  docsRoot?: string | undefined;
  /** The docs family's profile: servers, auth and envelope the inputs do not state. */
  profile?: LocatedProfile;
}

/** The ingest options sdkforge.config.json sets (OpenAPI tags and ref roots, the docs root, the profile, input limits). */
export function ingestOptionsOf(config: Config): Pick<IngestOptions, 'openapi' | 'docsRoot' | 'profile' | 'limits'> {
  return {
    openapi: config.openapi,
    docsRoot: config.docs.root,
    limits: config.limits,
    ...(config.profile ? { profile: { profile: config.profile, locations: config.locations } } : {}),
  };
}

/**
 * The folder each page's includes resolve in: the configured docs root when the page is inside
 * it, else the innermost input folder holding the page. Includes never leave that folder.
 */
function docsTree(folders: readonly string[], docsRoot: string | undefined): DocsTree {
  const contains = (dir: string, file: string): boolean => dir === '.' ? !file.startsWith('../') : file.startsWith(`${dir}/`);
  return {
    rootOf(file) {
      if (docsRoot !== undefined && contains(docsRoot, file)) return docsRoot;
      const holding = folders.filter((d) => contains(d, file)).sort((a, b) => b.length - a.length)[0];
      return holding ?? (file.split('/').slice(0, -1).join('/') || '.');
    },
  };
}

/** Any mix of docs pages and specs → one validated IR. The single entry every command uses. */
export async function ingest(paths: readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { inputs, diagnostics, folders } = await resolveInputs(paths, cwd, limits);
  let api: Api = { irVersion: IR_VERSION, origin: 'docs', clients: [], types: [] };
  let stats: DocsIngestResult['stats'] | undefined;
  if (inputs.pages.length > 0) {
    const parse = options.parsePages ?? pagesParser({ cwd, cache: options.cache ?? false, workers: options.workers, maxFileBytes: limits.maxFileBytes });
    const tree = docsTree(folders, options.docsRoot === undefined ? undefined : displayPath(options.docsRoot, cwd));
    const docs = await ingestDocs({ pages: inputs.pages, overrides: inputs.overrides, tree }, parse, cwd, limits.maxFileBytes);
    api = docs.api;
    stats = docs.stats;
    diagnostics.push(...docs.diagnostics);
  }
  if (inputs.specs.length > 0) {
    const spec = await ingestSpecs(inputs.specs, inputs.pages.length > 0 ? api : undefined, { ...options.openapi, cwd, limits });
    api = spec.api;
    diagnostics.push(...spec.diagnostics);
  }
  // the profile is the docs family's: a spec alone states its own servers, security and errors
  if (options.profile && api.origin !== 'openapi') {
    const profiled = applyProfile(api, options.profile);
    api = profiled.api;
    diagnostics.push(...profiled.diagnostics);
  } else if (options.profile && inputs.specs.length > 0) {
    diagnostics.push(diagnostic('profile-setting-unused', 'the inputs are OpenAPI documents only: the docs family\'s profile (sdkforge.config.json) is not applied; the spec\'s servers, security and responses are', options.profile.locations?.['profile'] ?? { file: 'sdkforge.config.json', line: 1, column: 1 }));
  }
  diagnostics.push(...validateApi(api), ...breakAliasCycles(api));
  detectPagination(api);
  if (api.clients.every((c) => c.methods.length === 0) && diagnostics.every((d) => d.code !== 'input-not-found')) {
    diagnostics.push({ code: 'input-empty', severity: 'error', message: 'no method found in the inputs' });
  }
  const result: IngestResult = { api, diagnostics, inputs };
  if (stats) result.stats = stats;
  return result;
}
