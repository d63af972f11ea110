import { parseDocument } from 'yaml';
import { indexJsonPositions, indexYamlPositions, PositionIndex } from './positions.js';

/** One parsed file of a spec (the root document or a file reached by a `$ref`). */
export interface SpecFile {
  /** Absolute path: the base `$ref`s inside this file resolve against. */
  path: string;
  /** The path as shown in diagnostics and `source` (cwd-relative, `/`-separated). */
  display: string;
  value: unknown;
  positions: PositionIndex;
}

export interface ParseError {
  message: string;
  line: number;
  column: number;
}

const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/**
 * Parses JSON or YAML text and indexes where its objects start. JSON goes through `JSON.parse`
 * (the fast path for big specs); anything else, or JSON that fails, through the yaml package.
 */
export function parseSpecText(text: string, path: string, display: string): { file?: SpecFile; error?: ParseError } {
  const positions = new PositionIndex(text);
  if (looksLikeJson(text)) {
    try {
      const value: unknown = JSON.parse(text);
      indexJsonPositions(text, value, positions);
      return { file: { path, display, value, positions } };
    } catch (e) {
      if (/\.json$/i.test(path)) {
        const at = /position (\d+)/.exec((e as Error).message);
        const where = positions.lineColumn(at ? Number(at[1]) : 0);
        return { error: { message: (e as Error).message, ...where } };
      }
    }
  }
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const where = positions.lineColumn(err.pos[0]);
    return { error: { message: err.message.split('\n')[0] ?? 'YAML error', ...where } };
  }
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  indexYamlPositions(doc.contents, value, positions);
  return { file: { path, display, value, positions } };
}
