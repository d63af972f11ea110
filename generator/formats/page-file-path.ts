/**
 * How the docs generator of the Authing/GenAuth reference (authing-docs-factory) names a method's
 * page after its HTTP path: the path without the API's base `/api/v3/`, each `/` written `-`.
 * `/api/v3/get-user-mfa-info` → `get-user-mfa-info.md`, `/api/v3/metadata/create-field` →
 * `metadata-create-field.md`, and a path outside the base keeps its leading slash as a dash:
 * `/get-row-batch` → `-get-row-batch.md`.
 *
 * The file name cannot tell a `-` of the path from a `/` (`metadata-create-field` reads back as
 * `/api/v3/metadata-create-field`): what the pages say elsewhere (a path written in their text)
 * or the overrides file settles those. The reader (ingest/docs/http-path.ts) inverts the naming;
 * the docs emitter (emit/docs/layout.ts) applies it, so a path read from the pages survives a
 * round trip through the emitted pages.
 */
export const API_BASE = '/api/v3/';

/** The page's file name (without `.md`) for a path. */
export function fileStemOfPath(path: string): string {
  const rest = path.startsWith(API_BASE) ? path.slice(API_BASE.length) : path;
  return rest.replace(/\//g, '-');
}

/**
 * The path a page's file name gives by the naming alone: the base + the name, or, for a name
 * with a leading dash, a path outside the base.
 */
export function pathOfFileStem(stem: string): { path: string; outsideBase: boolean } {
  if (stem.startsWith('-') && stem.length > 1) return { path: `/${stem.slice(1)}`, outsideBase: true };
  return { path: `${API_BASE}${stem}`, outsideBase: false };
}

/**
 * A path written in a page's text: `请使用 /api/v3/get-user-posts 接口`, or a sample's request
 * line `POST https://api.example.com/api/v3/create-user`. Under the base, after a space, a quote
 * or a host (not inside a longer path), made of path characters.
 */
export const PATH_MENTION = new RegExp(`(?:(?<=https?://[A-Za-z0-9.:-]+)|(?<![\\w/.:-]))${API_BASE.replace(/\//g, '\\/')}[A-Za-z0-9._~{}-]+(?:\\/[A-Za-z0-9._~{}-]+)*`, 'g');

/** Trims what prose glues to a path (`/api/v3/x。`, `/api/v3/x.`). */
export function trimMention(text: string): string {
  return text.replace(/[._~-]+$/, '');
}
