import type { Diagnostic } from '../../diagnostics/types.js';
import type { DocRef, Field, Method, NamedType, Parameter } from '../../ir/types.js';
import { kebabCase, splitWords } from '../../naming/words.js';
import { describeType } from '../../ir/describe.js';
import { decideHttpBinding } from './http-binding.js';
import { decidePath, indexPathMentions, type PathMentions } from './http-path.js';
import { bindConvenienceCalls } from './convenience-calls.js';
import { fileStemOfPath } from '../../formats/page-file-path.js';
import type { PageMethod, PageResult } from '../reader/read-page.js';
import { decidePageClients, type ClientDecisions, type MethodPage } from './misfiled-pages.js';
import { mergeTypes } from './named-types.js';
import { canonName, unionParameters } from './parameter-union.js';
import { languageRank } from '../reader/page-path.js';

export interface MergedPages {
  methods: Method[];
  types: NamedType[];
  diagnostics: Diagnostic[];
  /**
   * How many pages were method pages, how many were skipped, and into how many methods they
   * merged; `fragments` are the files other pages include, which are not pages.
   */
  stats: { pages: number; fragments: number; methodPages: number; skippedPages: number; droppedPages: number; methods: number; clientDecisions: ClientDecisions };
}

/**
 * Pages of one method share client and file name in every language edition; the name line's
 * casing differs per language and sometimes its words too (MiniProgram / Miniprogram), so the
 * file is the safer key. Pages outside the published layout fall back to the name.
 */
const methodKey = (m: PageMethod): string => `${m.client}/${layoutStem(m) ?? kebabCase(m.words)}`;

/**
 * The file name is the API path's last segment only in the published layout
 * (`<client>/<category>/<segment>.md`); a page saved elsewhere (`page.html`, a copied
 * `000_52f5.txt`) is named by its method instead.
 */
const layoutStem = (m: PageMethod): string | undefined => (m.path.client && m.path.stem ? m.path.stem : undefined);

/**
 * Merges the pages of one API into methods and named types. The pages of one method in several
 * SDK languages become one method; the facts come from the most complete page (then by language
 * order), and every disagreement of another page is a diagnostic naming both places.
 */
export function mergePages(pages: readonly PageResult[]): MergedPages {
  const diagnostics: Diagnostic[] = [];
  const methodPages = pages.filter((p): p is MethodPage => p.kind === 'method' && p.method !== undefined);
  const fragments = pages.filter((p) => p.kind === 'fragment').length;
  const { pages: kept, decisions } = decidePageClients(methodPages, diagnostics);

  const groups = new Map<string, MethodPage[]>();
  for (const p of kept) {
    const key = methodKey(p.method);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const mentions = indexPathMentions(pages);
  const named = renameDuplicates(
    [...groups.keys()].sort().map((key) => mergeMethod(groups.get(key)!, mentions, diagnostics)),
    diagnostics,
  );
  const keptFiles = new Set(kept.map((p) => p.file));
  const types = mergeTypes(
    pages.filter((p) => p.kind === 'method' && keptFiles.has(p.file)).flatMap((p) => p.types),
    diagnostics,
  );
  const methods = bindConvenienceCalls(named, types, diagnostics);
  return {
    methods,
    types,
    diagnostics,
    stats: {
      pages: pages.length - fragments,
      fragments,
      methodPages: methodPages.length,
      skippedPages: pages.length - fragments - methodPages.length,
      droppedPages: methodPages.length - kept.length,
      methods: methods.length,
      clientDecisions: decisions,
    },
  };
}

function mergeMethod(group: MethodPage[], mentions: PathMentions, diagnostics: Diagnostic[]): Method {
  // a page that lost a damaged row (its name survived nowhere) yields to one that recovered it,
  // and that one to a page without damage
  const ordered = [...group].sort(
    (a, b) =>
      a.method.lostParameters - b.method.lostParameters ||
      a.method.partialParameters.length - b.method.partialParameters.length ||
      languageRank(a.method.path.language) - languageRank(b.method.path.language) ||
      (a.file < b.file ? -1 : 1),
  );
  const primary = ordered[0]!.method;
  const params: Field[] = primary.parameters.map((p) => {
    if (!primary.partialParameters.includes(p.name)) return p;
    const full = ordered.slice(1).flatMap((o) => o.method.parameters.filter((q) => q.name === p.name && !o.method.partialParameters.includes(q.name)))[0];
    return full ?? p;
  });
  const allParams = unionParameters(primary, params, ordered.slice(1).map((o) => o.method), diagnostics);
  for (const other of ordered.slice(1)) {
    compareMethod(primary, params, other.method, diagnostics);
    if (other.method.writtenName && primary.writtenName && other.method.words.join('_') !== primary.words.join('_')) {
      diagnostics.push({
        code: 'md-name-disagreement',
        severity: 'info',
        message: `${other.method.writtenName} reads as ${other.method.words.join('_')}, but the ${primary.path.language ?? 'primary'} page names it ${primary.writtenName} (${primary.words.join('_')}); the latter is used`,
        location: other.method.source,
        related: [{ message: primary.writtenName, location: primary.source }],
      });
    }
  }

  const words = primary.words;
  const docs: DocRef[] = ordered
    .map((p) => {
      const ref: DocRef = { file: p.file, format: p.format };
      if (p.method.writtenName) ref.writtenName = p.method.writtenName;
      if (p.method.path.language) ref.language = p.method.path.language;
      return ref;
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));

  const method: Method = {
    words,
    id: words.join('_'),
    client: primary.client,
    http: { verb: 'POST', path: '', verbOrigin: { kind: 'rule', rule: '', source: primary.source }, pathOrigin: { kind: 'rule', rule: '', source: primary.source } },
    parameters: [],
    response: {
      type: primary.responseType ? { kind: 'ref', name: primary.responseType } : { kind: 'unknown' },
      source: primary.source,
    },
    docs,
    source: primary.source,
  };
  if (primary.title) method.title = primary.title;
  if (primary.description) method.description = primary.description;
  if (primary.path.category) method.category = primary.path.category;
  if (primary.sample !== undefined) method.response.sample = primary.sample;
  const traces = ordered.map((p) => ({ file: p.file, traces: p.method.verbTraces ?? [] }));
  const stem = ordered.map((p) => layoutStem(p.method)).find((x) => x !== undefined);
  const path = decidePath(stem ?? kebabCase(words), stem === undefined ? 'api-v3-method-name' : 'api-v3-file-name', mentions, primary.source, diagnostics);
  const { http, location } = decideHttpBinding(words, path, allParams, traces, primary.source, diagnostics);
  method.http = http;
  method.parameters = allParams.map((p): Parameter => ({ ...p, in: location }));
  return method;
}

/**
 * Two pages (two files) that give the same method name: both are kept, since they document two
 * endpoints (their paths differ). The page whose file name matches the name keeps it; the other
 * is named after its file (`get-my-authorized-resources.md` → get_my_authorized_resources).
 */
function renameDuplicates(methods: Method[], diagnostics: Diagnostic[]): Method[] {
  const byId = new Map<string, Method[]>();
  for (const m of methods) {
    const key = `${m.client}.${m.id}`;
    byId.set(key, [...(byId.get(key) ?? []), m]);
  }
  const taken = new Set(byId.keys());
  const out: Method[] = [];
  for (const m of methods) {
    const same = byId.get(`${m.client}.${m.id}`)!;
    if (same.length === 1) {
      out.push(m);
      continue;
    }
    const stem = (x: Method): string => fileStemOfPath(x.http.path);
    const keeper = same.find((x) => stem(x) === kebabCase(x.words)) ?? same[0]!;
    if (m === keeper) {
      out.push(m);
      continue;
    }
    let words = splitWords(stem(m));
    if (words.length === 0 || taken.has(`${m.client}.${words.join('_')}`)) {
      // a number joins the last word, as every casing splits it (getRowBatch2 → get, row, batch2)
      words = [...m.words];
      words[words.length - 1] = `${words[words.length - 1] ?? 'method'}${same.indexOf(m) + 1}`;
    }
    taken.add(`${m.client}.${words.join('_')}`);
    diagnostics.push({
      code: 'md-duplicate-method-name',
      severity: 'warning',
      message: `${m.client}.${m.id} is also the name of another page's method; this one (${m.http.path}) is named ${words.join('_')} after its file`,
      location: m.source,
      related: [{ message: `${m.client}.${m.id} (${keeper.http.path})`, location: keeper.source }],
    });
    out.push({ ...m, words, id: words.join('_') });
  }
  return out;
}

function fieldFacts(f: Field): Record<string, string> {
  return {
    type: describeType(f.type),
    required: String(f.required),
    default: f.default === undefined ? '(none)' : JSON.stringify(f.default),
  };
}

function compareMethod(primary: PageMethod, params: Field[], other: PageMethod, diagnostics: Diagnostic[]): void {
  const related = (message: string, location = primary.source) => [{ message, location }];
  const push = (message: string, location = other.source, rel = related(`${primary.writtenName ?? 'primary page'} here`)) =>
    diagnostics.push({ code: 'md-merge-disagreement', severity: 'warning', message, location, related: rel });

  const canon = canonName;
  const byName = new Map(params.map((p) => [canon(p.name), p]));
  const otherNames = new Set(other.parameters.map((p) => canon(p.name)));
  for (const q of other.parameters) {
    if (other.partialParameters.includes(q.name)) continue;
    const p = byName.get(canon(q.name));
    if (!p) continue; // added to the method, or another SDK's name for one: parameter-union.ts reports it
    const a = fieldFacts(p);
    const b = fieldFacts(q);
    for (const k of Object.keys(a)) {
      if (a[k] !== b[k]) push(`parameter "${q.name}": ${k} is ${b[k]} here but ${a[k]} on the ${primary.path.language ?? 'primary'} page`, q.source, related(`${k} ${a[k]}`, p.source));
    }
  }
  for (const p of params) {
    if (!otherNames.has(canon(p.name))) push(`parameter "${p.name}" is missing on this page`, other.source, related('defined here', p.source));
  }
  if ((primary.responseType ?? '') !== (other.responseType ?? '')) {
    push(`response type is ${other.responseType ?? '(none)'} here but ${primary.responseType ?? '(none)'} on the ${primary.path.language ?? 'primary'} page`);
  }
}
