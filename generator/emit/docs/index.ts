import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Root, RootContent } from 'mdast';
import type { Api, Client, Method, NamedType } from '../../ir/types.js';
import { allMethods, methodTypes, reachableTypes } from '../../ir/walk.js';
import { clientClassName, methodMemberNames } from '../../naming/members.js';
import type { GeneratedFile } from '../../output/files.js';
import type { EmitContext, EmitResult, Emitter } from '../types.js';
import { trusted } from './inert.js';
import { planLayout, TYPES_FOLDER } from './layout.js';
import { methodPage } from './method-page.js';
import { proseTooComplex } from './prose-limits.js';
import { clientIndex, sidebar, topIndex, type Names } from './navigation.js';
import { typesByName } from './sample-values.js';
import { loadDocsTemplate, type DocsLanguage } from './templates.js';
import { typePage, typesIndex } from './type-page.js';
import { writeMarkdown } from './write-markdown.js';

/** Docs pages, indexes, sidebar and site config under `docs/` of the output. */

export const DOCS_DIR = 'docs';

/** English unless the input was Chinese (`api.language`) or the config forces a language. */
export function docsLanguage(api: Api, setting: 'auto' | 'en' | 'zh'): DocsLanguage {
  if (setting !== 'auto') return setting;
  return api.language === 'zh' ? 'zh' : 'en';
}

async function siteConfigSource(templatesDir: string, builtinTemplatesDir: string): Promise<string> {
  try {
    return await readFile(join(templatesDir, 'docs', 'site', 'config.mts'), 'utf8');
  } catch {
    return readFile(join(builtinTemplatesDir, 'docs', 'site', 'config.mts'), 'utf8');
  }
}

/**
 * Named types that no method reaches (a page defined a structure but no field links to it).
 * They stay on the page that defined them, so the docs still describe them; a type whose page
 * is not known is left out, with a diagnostic.
 */
function strayTypes(api: Api): { byMethod: Map<Method, NamedType[]>; diagnostics: Diagnostic[] } {
  const methods = allMethods(api);
  const reached = new Set(reachableTypes(api, methods.flatMap(methodTypes)));
  const byFile = new Map<string, Method>();
  for (const m of methods) for (const d of m.docs) if (!byFile.has(d.file)) byFile.set(d.file, m);
  const byMethod = new Map<Method, NamedType[]>();
  const diagnostics: Diagnostic[] = [];
  for (const t of api.types) {
    if (reached.has(t.name)) continue;
    const owner = byFile.get(t.source.file);
    if (owner) byMethod.set(owner, [...(byMethod.get(owner) ?? []), t]);
    else diagnostics.push({ code: 'docs-type-unplaced', severity: 'info', message: `data structure ${t.name} is used by no method and was defined on no method's page; it has no docs page`, location: t.source });
  }
  return { byMethod, diagnostics };
}

/** Descriptions and titles written as literal text because parsing them is unsafe (prose-limits.ts). */
function literalProse(api: Api): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (text: string | undefined, what: string, location: Diagnostic['location']): void => {
    const why = text === undefined ? undefined : proseTooComplex(text);
    if (why) out.push(diagnostic('docs-prose-literal', `${what} is written as literal text, not as markdown: ${why}`, location));
  };
  for (const c of api.clients) check(c.description, `the description of ${c.name}`, undefined);
  for (const m of allMethods(api)) {
    check(m.title, `the title of ${m.client}.${m.id}`, m.source);
    check(m.description, `the description of ${m.client}.${m.id}`, m.source);
    check(m.response.description, `the response description of ${m.client}.${m.id}`, m.source);
  }
  for (const t of api.types) check(t.description, `the description of ${t.name}`, t.source);
  return out;
}

/** `inline` for the markdown docs family (its published layout), `linked` for a spec alone. */
export function dataStructuresLayout(api: Api, setting: 'auto' | 'inline' | 'linked'): 'inline' | 'linked' {
  if (setting !== 'auto') return setting;
  return api.origin === 'openapi' ? 'linked' : 'inline';
}

export interface DocsPages {
  /** Markdown pages as mdast, paths inside `docs/`. */
  pages: { path: string; tree: Root }[];
  /** Other files (sidebar, site config), paths inside `docs/`. */
  files: GeneratedFile[];
  /** Pad table columns (the published layout's style; the linked layout does not). */
  alignTables: boolean;
  diagnostics: Diagnostic[];
}

/** Every docs page as a syntax tree, before it is written as markdown. */
export async function docsPages(api: Api, ctx: EmitContext): Promise<DocsPages> {
  const diagnostics: Diagnostic[] = [];
  const language = docsLanguage(api, ctx.config.docs.language);
  const linked = dataStructuresLayout(api, ctx.config.docs.dataStructures) === 'linked';
  const loaded = await loadDocsTemplate(ctx.templatesDir, ctx.assets.templatesDir, language);
  diagnostics.push(...loaded.diagnostics);
  const template = loaded.template;

  const layout = planLayout(api, { typePages: linked });
  diagnostics.push(...layout.diagnostics);
  const members = new Map<Client, Map<string, string>>(api.clients.map((c) => [c, methodMemberNames(c)]));
  const clientOf = new Map<Method, Client>(api.clients.flatMap((c) => c.methods.map((m) => [m, c] as const)));
  const names: Names = {
    className: clientClassName,
    memberName: (m) => members.get(clientOf.get(m)!)!.get(m.id)!,
  };
  const types = typesByName(api);
  const strays = linked ? { byMethod: new Map<Method, NamedType[]>(), diagnostics: [] } : strayTypes(api);
  diagnostics.push(...strays.diagnostics, ...literalProse(api));
  const pages: DocsPages['pages'] = [];
  const files: GeneratedFile[] = [];
  const put = (path: string, contents: string): void => {
    files.push({ path, contents });
  };
  const page = (path: string, tree: Root): void => {
    pages.push({ path, tree });
  };

  for (const client of api.clients) {
    for (const method of client.methods) {
      const place = layout.pages.get(method)!;
      const built = methodPage({
        api,
        method,
        types,
        className: clientClassName(client),
        memberName: names.memberName(method),
        packageName: ctx.config.sdk.packageName,
        template,
        strayTypes: strays.byMethod.get(method) ?? [],
        ...(linked ? { linked: { file: place.file, typePages: layout.typePages } } : {}),
      });
      diagnostics.push(...built.diagnostics);
      page(place.file, built.tree);
    }
    page(`${layout.clientFolder.get(client.name)!}/index.md`, clientIndex(client, layout, names, template));
  }
  if (linked) {
    const banner: RootContent[] = template.banner.trim() ? [trusted({ type: 'html', value: template.banner.trim() })] : [];
    for (const t of api.types) page(layout.typePages.get(t.name)!.file, typePage(t, layout.typePages.get(t.name)!, layout.typePages, template, banner));
    if (api.types.length > 0) page(`${TYPES_FOLDER}/index.md`, typesIndex(api.types, layout.typePages, template));
  }
  const title = ctx.config.docs.title ?? api.title ?? template.index.title;
  page('index.md', topIndex(api, layout, names, template, title));
  put('.vitepress/sidebar.json', `${JSON.stringify(sidebar(api, layout, names, template), null, 2)}\n`);
  put('.vitepress/site.json', `${JSON.stringify({ title, lang: template.site.lang, searchPlaceholder: template.site.searchPlaceholder }, null, 2)}\n`);
  put('.vitepress/config.mts', await siteConfigSource(ctx.templatesDir, ctx.assets.templatesDir));
  return { pages, files, alignTables: !linked, diagnostics };
}

export const emitDocs: Emitter = async (api: Api, ctx: EmitContext): Promise<EmitResult> => {
  const built = await docsPages(api, ctx);
  const files: GeneratedFile[] = built.pages.map((p) => ({ path: `${DOCS_DIR}/${p.path}`, contents: writeMarkdown(p.tree, { alignTables: built.alignTables }) }));
  for (const f of built.files) files.push({ path: `${DOCS_DIR}/${f.path}`, contents: f.contents });
  return { files, diagnostics: built.diagnostics };
};
