import { dirname, join, posix } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { dataStructuresLayout, emitDocs } from '../../../generator/emit/docs/index.js';
import { planLayout } from '../../../generator/emit/docs/layout.js';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import { directRefs, methodTypes, reachableTypes, typeIndex } from '../../../generator/ir/walk.js';
import { parameterKeys } from '../../../generator/naming/members.js';
import type { GeneratedFile } from '../../../generator/output/files.js';
import { packageAssets } from '../../../generator/package-assets.js';
import { rel, ROOT } from '../../helpers/shared.js';
import { config } from './round-trip-helpers.js';

/**
 * The linked layout on a real spec (Star Trek's API from @readme/oas-examples: 120 operations,
 * 222 schemas nested several levels): each data structure is documented once, on its own page;
 * a method page shows only the structures its own tables name and links to the rest.
 */
const SPEC = rel(join(ROOT, 'node_modules/@readme/oas-examples/3.0/json/star-trek.json'));

let api: Api;
let linked: GeneratedFile[];
let inline: GeneratedFile[];

beforeAll(async () => {
  api = (await ingest([SPEC], { cwd: ROOT })).api;
  const ctx = (dataStructures: 'auto' | 'inline') => ({ config: config({ docs: { dataStructures } }), templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
  linked = (await emitDocs(api, ctx('auto'))).files;
  inline = (await emitDocs(api, ctx('inline'))).files;
}, 60_000);

const byPath = (files: GeneratedFile[]): Map<string, string> => new Map(files.map((f) => [f.path, f.contents]));
const headings3 = (md: string): string[] => [...md.matchAll(/^### (?:<a id="[^"]+"><\/a> )?(.+)$/gm)].map((m) => m[1]!);

/** What a method page's own tables name: parameters, body, and the response's fields (or the response). */
function namedByTables(method: Method): string[] {
  const roots = [...method.parameters.map((p) => p.type), ...(method.requestBody ? [method.requestBody.type] : [])];
  const r = method.response.type;
  const named = r.kind === 'ref' ? typeIndex(api).get(r.name) : undefined;
  if (named?.type.kind === 'object') roots.push(...named.type.fields.map((f) => f.type));
  else roots.push(r);
  return [...new Set(roots.flatMap(directRefs))].filter((n) => !(named?.type.kind === 'object' && n === named.name));
}

/** The heading of an inline body object's field table (it has no data structure of its own), in both layouts. */
function bodyHeading(method: Method): string[] {
  const body = method.requestBody?.type;
  const key = parameterKeys(method).body;
  return key && body?.kind === 'object' && body.fields.length > 0 ? [`\`${key}\``] : [];
}

describe('docs, linked layout (a spec alone)', () => {
  test('auto picks linked for a spec and inline for docs pages', () => {
    expect(dataStructuresLayout(api, 'auto')).toBe('linked');
    expect(dataStructuresLayout({ ...api, origin: 'docs' }, 'auto')).toBe('inline');
  });

  test('every data structure has one page of its own, listed in the types index and the sidebar', () => {
    const files = byPath(linked);
    const typePages = linked.filter((f) => /^docs\/types\/(?!index\.md$).+\.md$/.test(f.path));
    expect(typePages).toHaveLength(api.types.length);
    for (const t of api.types) {
      const pages = typePages.filter((p) => p.contents.startsWith(`# <a id="${t.name}"></a> ${t.name}\n`) || p.contents.startsWith(`# ${t.name}\n`));
      expect(pages, t.name).toHaveLength(1);
    }
    expect((files.get('docs/types/index.md')!.match(/^- \[/gm) ?? []).length).toBe(api.types.length);
    const sidebar = JSON.parse(files.get('docs/.vitepress/sidebar.json')!) as { text: string; link?: string; items?: { link: string }[] }[];
    const group = sidebar.find((g) => g.link === '/types/')!;
    expect(group.items).toHaveLength(api.types.length);
    for (const item of group.items!) expect(files.has(`docs${item.link}.md`), item.link).toBe(true);
  });

  test('a method page shows the structures its tables name, one level, and links to the rest', () => {
    const files = byPath(linked);
    const inlineFiles = byPath(inline);
    const layout = planLayout(api, { typePages: true });
    let deeper = 0;
    for (const m of api.clients.flatMap((c) => c.methods)) {
      const path = `docs/${layout.pages.get(m)!.file}`;
      const shown = headings3(files.get(path)!);
      expect(new Set(shown), path).toEqual(new Set([...namedByTables(m), ...bodyHeading(m)]));
      const envelope = m.response.type.kind === 'ref' && typeIndex(api).get(m.response.type.name)?.type.kind === 'object' ? m.response.type.name : '';
      const closure = reachableTypes(api, methodTypes(m)).filter((n) => n !== envelope);
      // the published layout copies the whole closure onto the page
      expect(new Set(headings3(inlineFiles.get(path)!)), path).toEqual(new Set([...closure, ...bodyHeading(m)]));
      if (closure.length + bodyHeading(m).length > shown.length) deeper++;
    }
    expect(deeper).toBeGreaterThan(10);
  });

  test('every link resolves: relative links to a generated page, anchors to a heading on the page', () => {
    const files = byPath(linked);
    let links = 0;
    for (const [path, md] of files) {
      if (!path.endsWith('.md')) continue;
      for (const m of md.matchAll(/\]\(([^)]+)\)/g)) {
        const target = m[1]!.startsWith('<') ? m[1]!.slice(1, -1) : m[1]!;
        const resolved = posix.normalize(posix.join(dirname(path), target));
        expect(files.has(resolved) || files.has(`${resolved}index.md`) || files.has(`${resolved}/index.md`), `${path} → ${target}`).toBe(true);
        links++;
      }
      for (const m of md.matchAll(/<a href="#([^"]+)">/g)) {
        expect(md.includes(`<a id="${m[1]}"></a>`), `${path} #${m[1]}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(1000);
  });

  test('the docs are smaller than the published layout\'s copies', () => {
    const size = (fs: GeneratedFile[]): number => fs.reduce((n, f) => n + f.contents.length, 0);
    expect(size(linked)).toBeLessThan(size(inline) / 2);
  });
});
