import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api, Client, Method } from '../../ir/types.js';
import { kebabCase, splitWords } from '../../naming/words.js';
import { fileStemOfPath } from '../../formats/page-file-path.js';

/**
 * Where each page goes, in the published layout the markdown ingester reads back:
 * `<client folder>/<category>/<file>.md`, where `management/` stands for ManagementClient and
 * the file name is the API path's last segment (it gives the HTTP path when read back).
 */
export interface PagePlace {
  /** Path inside the docs folder, `/`-separated: `management/管理用户/get-user-mfa-info.md`. */
  file: string;
  /** Site link without `.md`: `/management/管理用户/get-user-mfa-info`. */
  link: string;
}

export interface Layout {
  clientFolder: Map<string, string>;
  pages: Map<Method, PagePlace>;
  /** Linked layout only: each data structure's own page, under `types/`. */
  typePages: Map<string, PagePlace>;
  diagnostics: Diagnostic[];
}

/** Folder of the data structures' pages in the linked layout (a client folder never takes it). */
export const TYPES_FOLDER = 'types';

/** A relative link from a page file to another (both inside docs/): `../../types/user.md`. */
export function relativeLink(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * One page per named type: `types/<name>.md`, the name kept where it is a plain file name
 * (letters, digits, `_`, `-`), else its other characters as `-`; case-insensitively unique.
 */
function planTypePages(api: Api): Map<string, PagePlace> {
  const out = new Map<string, PagePlace>();
  const used = new Set<string>(['index']);
  for (const t of api.types) {
    const base = t.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 100) || 'type';
    let stem = base;
    for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    used.add(stem.toLowerCase());
    const file = `${TYPES_FOLDER}/${stem}.md`;
    out.set(t.name, { file, link: `/${TYPES_FOLDER}/${stem}` });
  }
  return out;
}

const SAFE_SEGMENT = /^[^/\\\0-\x1f\x7f<>:"|?*]+$/;

/** A folder or file name that stays one segment on every OS, or undefined. */
export function safeSegment(name: string): string | undefined {
  const s = name.trim();
  if (s === '' || s === '.' || s === '..' || s.startsWith('.') || !SAFE_SEGMENT.test(s) || s.length > 120) return undefined;
  return s;
}

function clientFolderOf(client: Client): string {
  const words = splitWords(client.name);
  if (words.length > 1 && words[words.length - 1] === 'client') words.pop();
  return kebabCase(words) || 'client';
}

/** Path origins that come from the docs pages (their file name or their text), which read back from the file name. */
const PAGE_PATH_ORIGINS = new Set(['rule:api-v3-file-name', 'rule:file-name-outside-base', 'evidence:path-mention']);

/**
 * The file stem: for a path the pages gave, the docs generator's name for it
 * (formats/page-file-path.ts: `/api/v3/get-user` → get-user), else the kebab-case id.
 */
function stemOf(method: Method): string {
  const origin = method.http.pathOrigin;
  const key = origin.kind === 'rule' ? `rule:${origin.rule}` : origin.kind === 'evidence' ? `evidence:${origin.evidence}` : '';
  // a convenience call's path is another page's: its page keeps its own file name, which tells it
  const stem = key === 'evidence:convenience-call' ? (method.source.file.split('/').pop() ?? '').replace(/\.md$/, '') : PAGE_PATH_ORIGINS.has(key) ? fileStemOfPath(method.http.path) : '';
  if (/^[A-Za-z0-9-][A-Za-z0-9._-]*$/.test(stem) && !/^-+$/.test(stem)) return stem;
  return kebabCase(method.words).replace(/[^A-Za-z0-9_-]/g, '') || 'method';
}

export function planLayout(api: Api, options: { typePages?: boolean } = {}): Layout {
  const diagnostics: Diagnostic[] = [];
  const clientFolder = new Map<string, string>();
  const usedFolders = new Set<string>();
  const pages = new Map<Method, PagePlace>();
  const usedFiles = new Set<string>();
  for (const client of api.clients) {
    let folder = clientFolderOf(client);
    for (let n = 2; usedFolders.has(folder) || folder === 'index' || (options.typePages && folder === TYPES_FOLDER); n++) folder = `${clientFolderOf(client)}-${n}`;
    usedFolders.add(folder);
    clientFolder.set(client.name, folder);
    for (const method of client.methods) {
      let category: string | undefined;
      if (method.category !== undefined) {
        category = safeSegment(method.category);
        if (category === undefined) {
          category = safeSegment(method.category.replace(/[/\\\0-\x1f\x7f<>:"|?*]+/g, '-').replace(/^[.\s-]+/, '')) ?? 'category';
          diagnostics.push({
            code: 'docs-path-renamed',
            severity: 'info',
            message: `category "${method.category}" of ${client.name}.${method.id} is not a safe folder name; its pages go in "${category}/"`,
            location: method.source,
          });
        }
      }
      const dir = category === undefined ? folder : `${folder}/${category}`;
      const stem = stemOf(method);
      let file = `${dir}/${stem}.md`;
      for (let n = 2; usedFiles.has(file.toLowerCase()) || stem === 'index'; n++) {
        file = `${dir}/${stem}-${n}.md`;
        if (!usedFiles.has(file.toLowerCase())) {
          diagnostics.push({ code: 'docs-path-renamed', severity: 'info', message: `${client.name}.${method.id} would share ${dir}/${stem}.md; its page is ${file}`, location: method.source });
          break;
        }
      }
      usedFiles.add(file.toLowerCase());
      pages.set(method, { file, link: `/${file.replace(/\.md$/, '')}` });
    }
  }
  return { clientFolder, pages, typePages: options.typePages ? planTypePages(api) : new Map(), diagnostics };
}
