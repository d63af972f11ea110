import type { List, Root, RootContent } from 'mdast';
import type { NamedType } from '../../ir/types.js';
import { relativeLink, TYPES_FOLDER, type PagePlace } from './layout.js';
import { dataStructure, pageLinker } from './method-page.js';
import type { DocsTemplate } from './templates.js';

/**
 * The linked layout's pages of data structures: each structure once, on its own page, with the
 * structures its table names linked to their pages; and an index of them all.
 */
export function typePage(named: NamedType, place: PagePlace, typePages: ReadonlyMap<string, PagePlace>, template: DocsTemplate, banner: RootContent[]): Root {
  const link = pageLinker(place.file, typePages, new Set([named.name]));
  const [title, ...body] = dataStructure(named, template, link, 1);
  return { type: 'root', children: [title!, ...banner, ...body] };
}

export function typesIndex(types: readonly NamedType[], typePages: ReadonlyMap<string, PagePlace>, template: DocsTemplate): Root {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: types.map((t) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'link', url: `./${relativeLink(`${TYPES_FOLDER}/index.md`, typePages.get(t.name)!.file)}`, children: [{ type: 'text', value: t.name }] }] }],
    })),
  };
  return { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: template.sections.dataStructures }] }, list] };
}
