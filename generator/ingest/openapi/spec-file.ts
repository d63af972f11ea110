import { parseDocument } from 'yaml';
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import { MAX_NESTING, nestingProblem } from '../../ir/values.js';
import { LIMIT_SETTING } from '../read-input.js';
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
  /** Default `openapi-unparsable`. */
  code?: DiagnosticCode;
  /** Never quotes the file: the file may be a secret a `$ref` pointed at. */
  message: string;
  line: number;
  column: number;
}

const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/**
 * Parses JSON or YAML text and indexes where its objects start. JSON goes through `JSON.parse`
 * (the fast path for big specs); anything else, or JSON that fails, through the yaml package,
 * with alias expansion capped (`yamlAliases`). A value nested deeper than MAX_NESTING, or
 * containing itself, is refused before anything walks it. Error messages give the position
 * and the kind of error, never the text.
 */
export function parseSpecText(text: string, path: string, display: string, yamlAliases: number): { file?: SpecFile; error?: ParseError } {
  const positions = new PositionIndex(text);
  const checked = (value: unknown, index: () => void): { file?: SpecFile; error?: ParseError } => {
    const problem = nestingProblem(value);
    if (problem) {
      const message = problem === 'cyclic' ? 'a YAML alias refers to a node that contains it' : `objects and arrays are nested more than ${MAX_NESTING} levels deep`;
      return { error: { code: 'input-too-deep', message: `${display} is refused: ${message}`, line: 1, column: 1 } };
    }
    index();
    return { file: { path, display, value, positions } };
  };
  if (looksLikeJson(text)) {
    try {
      const value: unknown = JSON.parse(text);
      return checked(value, () => indexJsonPositions(text, value, positions));
    } catch (e) {
      if (/\.json$/i.test(path)) {
        const at = /position (\d+)/.exec((e as Error).message);
        const where = positions.lineColumn(at ? Number(at[1]) : 0);
        return { error: { message: `not valid JSON (${jsonProblem((e as Error).message)})`, ...where } };
      }
    }
  }
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    const err = doc.errors[0];
    if (err) {
      const where = positions.lineColumn(err.pos[0]);
      return { error: { message: `not valid YAML (${err.code.toLowerCase().replace(/_/g, ' ')})`, ...where } };
    }
    const value: unknown = doc.toJS({ maxAliasCount: yamlAliases });
    return checked(value, () => indexYamlPositions(doc.contents, value, positions));
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      return { error: { code: 'input-too-large', message: `${display} expands its YAML aliases beyond ${yamlAliases} nodes; it was not read (raise ${LIMIT_SETTING.yamlAliases})`, line: 1, column: 1 } };
    }
    if (e instanceof RangeError) {
      return { error: { code: 'input-too-deep', message: `${display} is refused: it is nested too deeply to read`, line: 1, column: 1 } };
    }
    throw e;
  }
}

/** What JSON.parse found wrong, without the excerpt of the text its messages quote. */
function jsonProblem(message: string): string {
  return message
    .replace(/^Unexpected token [\s\S]*$/, 'unexpected character')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ at position \d+[\s\S]*$/, '')
    .replace(/ in JSON$/, '')
    .replace(/"[\s\S]*"/g, '…');
}
