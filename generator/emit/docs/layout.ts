import type { Diagnostic } from '../../diagnostics/types.js';
import type { Api, Client, Method } from '../../ir/types.js';
import { kebabCase, splitWords } from '../../naming/words.js';

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
  diagnostics: Diagnostic[];
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

/** The file stem: the rule-derived path's segment (`/api/v3/get-user` → get-user), else the kebab-case id. */
function stemOf(method: Method): string {
  const origin = method.http.pathOrigin;
  if (origin.kind === 'rule' && origin.rule === 'api-v3-file-name') {
    const seg = method.http.path.split('/').pop() ?? '';
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(seg)) return seg;
  }
  return kebabCase(method.words).replace(/[^A-Za-z0-9_-]/g, '') || 'method';
}

export function planLayout(api: Api): Layout {
  const diagnostics: Diagnostic[] = [];
  const clientFolder = new Map<string, string>();
  const usedFolders = new Set<string>();
  const pages = new Map<Method, PagePlace>();
  const usedFiles = new Set<string>();
  for (const client of api.clients) {
    let folder = clientFolderOf(client);
    for (let n = 2; usedFolders.has(folder) || folder === 'index'; n++) folder = `${clientFolderOf(client)}-${n}`;
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
  return { clientFolder, pages, diagnostics };
}
