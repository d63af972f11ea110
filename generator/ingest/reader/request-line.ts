import { parseRequestLine, placementOfVerb } from '../../formats/request-line.js';
import type { Block } from '../page/model.js';
import { stripInvisible } from '../page/inline.js';
import type { VerbTrace } from './verb-evidence.js';

/**
 * The request line of a page (formats/request-line.ts): only where the layout puts it, the
 * paragraph right after the method name in the "Method name" section. A `GET /x` code span
 * anywhere else (prose, a table, a sample) is not read as one.
 */
export function readRequestLine(nameBlocks: readonly Block[], file: string): VerbTrace | undefined {
  const at = nameBlocks.findIndex((b) => b.kind === 'paragraph' || b.kind === 'code');
  const next = at < 0 ? undefined : nameBlocks[at + 1];
  if (!next || next.kind !== 'paragraph') return undefined;
  const line = parseRequestLine(stripInvisible(next.text));
  if (!line) return undefined;
  return { evidence: 'request-line', placement: placementOfVerb(line.verb), verb: line.verb, path: line.path, source: { file: next.file ?? file, line: next.line, column: 1 } };
}
