import { relative, resolve, sep } from 'node:path';

/** How a file is named in diagnostics and IR sources: relative to the working directory, `/`-separated. */
export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, p));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}
