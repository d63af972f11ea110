import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { pageModel } from '../../ingest/index.js';
import { jsonEqual } from '../../ir/json.js';
import type { JsonValue, SourceLocation } from '../../ir/types.js';

/** The JSON code block a sample was read from, to point diagnostics at a line inside it. */
export interface LocatedSample {
  file: string;
  /** Line of the opening fence. */
  fenceLine: number;
  tree: Node | undefined;
  text: string;
}

/**
 * Finds where a page writes a sample: the IR keeps the parsed value, not its place, so the page's
 * JSON code blocks are scanned for the one that parses to the same value.
 */
export class SampleLocator {
  private readonly pages = new Map<string, Promise<string | undefined>>();

  constructor(private readonly cwd: string) {}

  async locate(file: string, sample: JsonValue): Promise<LocatedSample | undefined> {
    const text = await this.read(file);
    if (text === undefined) return undefined;
    for (const b of pageModel(file, text).blocks) {
      if (b.kind !== 'code' || !(b.lang === 'json' || b.lang === '' || b.lang === 'js')) continue;
      let value: unknown;
      try {
        value = JSON.parse(b.text);
      } catch {
        continue;
      }
      if (jsonEqual(value, sample)) return { file, fenceLine: b.line, tree: parseTree(b.text), text: b.text };
    }
    return undefined;
  }

  private read(file: string): Promise<string | undefined> {
    let p = this.pages.get(file);
    if (!p) {
      p = readFile(resolve(this.cwd, file), 'utf8').catch(() => undefined);
      this.pages.set(file, p);
    }
    return p;
  }
}

/**
 * The line:col of a payload path inside a located sample; a path that is absent (a missing
 * required field) points at the nearest object that is there.
 */
export function payloadLocation(at: LocatedSample, path: readonly (string | number)[]): SourceLocation {
  let node: Node | undefined;
  for (let n = path.length; n >= 0 && !node; n--) node = at.tree ? findNodeAtLocation(at.tree, path.slice(0, n) as (string | number)[]) : undefined;
  // a property's value node: point at its key, where the eye looks
  const target = node?.parent?.type === 'property' ? node.parent : node;
  const offset = target?.offset ?? 0;
  const before = at.text.slice(0, offset).split('\n');
  return { file: at.file, line: at.fenceLine + before.length, column: before[before.length - 1]!.length + 1 };
}
