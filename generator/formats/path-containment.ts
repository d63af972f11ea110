import { isAbsolute, relative, sep } from 'node:path';

/**
 * True when `path` is `root` or inside it, compared as written (give both as real paths to
 * compare where links lead). `..x` is a name inside; only `..` itself or `../…` leaves.
 */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
