/** What a page's place in the published layout says: `<language>/<client>/<category>/<name>.md`. */
export interface PagePath {
  /** SDK language of the page (node, python, java, go, php, csharp), when the path names one. */
  language?: string;
  /** Client from the folder: management/ → ManagementClient, authentication/ → AuthenticationClient. */
  client?: string;
  clientFolder?: string;
  category?: string;
  /** File name without its extension (`.md`, `.html`, `.txt`, ...). */
  stem: string;
}

const LANGUAGES = new Set(['node', 'python', 'java', 'go', 'php', 'csharp', 'ts', 'typescript', 'js', 'javascript']);
const CLIENT_FOLDERS: Record<string, string> = {
  management: 'ManagementClient',
  authentication: 'AuthenticationClient',
};

export function readPagePath(file: string): PagePath {
  const parts = file.split('/');
  const stem = (parts[parts.length - 1] ?? '').replace(/\.(md|markdown|txt|text|html?)$/i, '');
  const out: PagePath = { stem };
  const ci = parts.findIndex((p, i) => i < parts.length - 1 && CLIENT_FOLDERS[p] !== undefined);
  if (ci >= 0) {
    out.clientFolder = parts[ci]!;
    out.client = CLIENT_FOLDERS[parts[ci]!]!;
    if (ci > 0 && LANGUAGES.has(parts[ci - 1]!)) out.language = parts[ci - 1]!;
    if (ci + 2 < parts.length) out.category = parts[ci + 1]!;
  }
  return out;
}

/** Order in which language editions are preferred when their pages are merged. */
export const LANGUAGE_ORDER = ['node', 'typescript', 'ts', 'javascript', 'js', 'java', 'python', 'go', 'php', 'csharp'];

export function languageRank(language: string | undefined): number {
  const i = language ? LANGUAGE_ORDER.indexOf(language) : -1;
  return i < 0 ? LANGUAGE_ORDER.length : i;
}
