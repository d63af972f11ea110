/**
 * Generated files live in memory until the very end: a run either writes all of them or none,
 * and `check` compares them with the disk without writing. Emitters only return these.
 */
export interface GeneratedFile {
  /** Path inside the output folder, `/`-separated, never absolute, never containing `..`. */
  path: string;
  contents: string;
}

/** True when `path` is a safe relative path that stays inside the output folder. */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Sorted by path: the order files are written and compared in. */
export function sortFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
