import type { List, Root, RootContent } from 'mdast';
import type { Api, Client, Method } from '../../ir/types.js';
import { escapeHtml } from './inert.js';
import { relativeLink, TYPES_FOLDER, type Layout } from './layout.js';
import { titleContent } from './prose.js';
import type { DocsTemplate } from './templates.js';

/** Index pages (top, one per client) and the sidebar, from the same grouping. */

export interface CategoryGroup {
  category: string;
  methods: Method[];
}

/** Methods of a client by category: categories and methods in name order, uncategorised last. */
export function groupByCategory(client: Client, template: DocsTemplate): CategoryGroup[] {
  const groups = new Map<string, Method[]>();
  for (const m of client.methods) {
    const key = m.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => ({ category: k || template.index.uncategorized, methods: groups.get(k)! }));
}

export interface Names {
  className: (client: Client) => string;
  memberName: (method: Method) => string;
}

const label = (m: Method, names: Names): string => m.title?.replace(/\s+/g, ' ').trim() || names.memberName(m);


function methodList(methods: Method[], fromDir: string, layout: Layout, names: Names, className: string): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: methods.map((m) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: `./${relativeLink(fromDir === '' ? 'index.md' : `${fromDir}/index.md`, layout.pages.get(m)!.file)}`, children: [{ type: 'text', value: label(m, names) }] },
            { type: 'text', value: ' — ' },
            { type: 'inlineCode', value: `${className}.${names.memberName(m)}` },
          ],
        },
      ],
    })),
  };
}

export function clientIndex(client: Client, layout: Layout, names: Names, template: DocsTemplate): Root {
  const folder = layout.clientFolder.get(client.name)!;
  const className = names.className(client);
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: className }] }];
  if (client.description) children.push({ type: 'paragraph', children: titleContent(client.description) });
  for (const g of groupByCategory(client, template)) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: g.category }] });
    children.push(methodList(g.methods, folder, layout, names, className));
  }
  return { type: 'root', children };
}

export function topIndex(api: Api, layout: Layout, names: Names, template: DocsTemplate, title: string): Root {
  const types: RootContent[] =
    layout.typePages.size === 0
      ? []
      : [
          { type: 'heading', depth: 2, children: [{ type: 'text', value: template.sections.dataStructures }] },
          { type: 'paragraph', children: [{ type: 'link', url: `./${TYPES_FOLDER}/`, children: [{ type: 'text', value: `${layout.typePages.size} ${template.sections.dataStructures}` }] }] },
        ];
  return {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
      { type: 'paragraph', children: [{ type: 'text', value: template.index.intro }] },
      { type: 'heading', depth: 2, children: [{ type: 'text', value: template.index.clients }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: api.clients.map((c) => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: [
                { type: 'link', url: `./${layout.clientFolder.get(c.name)!}/`, children: [{ type: 'inlineCode', value: names.className(c) }] },
                { type: 'text', value: ` — ${c.methods.length} ${template.index.methods}` },
              ],
            },
          ],
        })),
      },
      ...types,
    ],
  };
}

export interface SidebarItem {
  /** HTML: VitePress renders sidebar text (and the prev/next links made from it) with `v-html`. */
  text: string;
  link?: string;
  collapsed?: boolean;
  items?: SidebarItem[];
}

/**
 * VitePress sidebar: client → category → method. Large APIs start with categories collapsed.
 * Every text is escaped: VitePress shows it as HTML.
 */
export function sidebar(api: Api, layout: Layout, names: Names, template: DocsTemplate): SidebarItem[] {
  const total = api.clients.reduce((n, c) => n + c.methods.length, 0);
  const collapsed = total > 60;
  const clients: SidebarItem[] = api.clients.map((c) => ({
    text: escapeHtml(names.className(c)),
    link: `/${layout.clientFolder.get(c.name)!}/`,
    items: groupByCategory(c, template).map((g) => ({
      text: escapeHtml(g.category),
      collapsed,
      items: g.methods.map((m) => ({ text: escapeHtml(label(m, names)), link: layout.pages.get(m)!.link })),
    })),
  }));
  if (layout.typePages.size === 0) return clients;
  const types = [...layout.typePages].map(([name, place]) => ({ text: escapeHtml(name), link: place.link }));
  return [...clients, { text: escapeHtml(template.sections.dataStructures), link: `/${TYPES_FOLDER}/`, collapsed: true, items: types }];
}
