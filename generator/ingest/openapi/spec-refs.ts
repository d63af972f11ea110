import { unescapePointer } from '../../formats/json-pointer.js';
import { readFile } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { displayPath } from '../../diagnostics/display-path.js';
import { parseSpecText, type ParseError, type SpecFile } from './spec-file.js';

/** What a `$ref` points to: the file, the JSON pointer inside it, and the value there. */
export interface RefTarget {
  file: SpecFile;
  pointer: string;
  value: unknown;
}

/** A loaded spec: its root file, every file reached through `$ref`s, and reference lookup. */
export class SpecRefs {
  constructor(
    readonly root: SpecFile,
    private readonly files: ReadonlyMap<string, SpecFile>,
  ) {}

  /** Resolves `ref` written in `from`, or undefined when the file or pointer does not exist. */
  resolve(ref: string, from: SpecFile): RefTarget | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    const file = filePart === '' ? from : this.files.get(resolvePath(dirname(from.path), safeDecode(filePart)));
    if (!file) return undefined;
    const value = getPointer(file.value, pointer);
    return value === undefined ? undefined : { file, pointer, value };
  }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Value at a JSON pointer (`/components/schemas/Pet`), percent- and ~-decoded. */
export function getPointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = unescapePointer(safeDecode(raw));
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** True when the text holds a `$ref` to another file (JSON or YAML spelling). */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/;

/**
 * Reads a spec file and every file its `$ref`s reach. External files are found and read by
 * @apidevtools/json-schema-ref-parser (`resolve`, not `bundle`/`dereference`: the objects stay
 * as written, so refs to component schemas become named types and cycles stay references).
 * Its parser hook is ours, so every file gets a position index. A single-file spec (the usual
 * case, GitHub's 13 MB one included) skips the library's crawl.
 */
export async function loadSpec(absPath: string, cwd: string): Promise<{ refs?: SpecRefs; error?: ParseError & { file: string } }> {
  const display = displayPath(absPath, cwd);
  let text: string;
  try {
    text = await readFile(absPath, 'utf8');
  } catch (e) {
    return { error: { file: display, message: (e as Error).message, line: 1, column: 1 } };
  }
  const parsed = parseSpecText(text, absPath, display);
  if (!parsed.file) return { error: { file: display, ...parsed.error! } };
  const files = new Map<string, SpecFile>([[absPath, parsed.file]]);
  if (!EXTERNAL_REF.test(text)) return { refs: new SpecRefs(parsed.file, files) };

  let failure: (ParseError & { file: string }) | undefined;
  const parser = {
    order: 1,
    canParse: true,
    parse: (info: FileInfo): unknown => {
      const path = resolvePath(info.url);
      const got = files.get(path);
      if (got) return got.value;
      const r = parseSpecText(Buffer.isBuffer(info.data) ? info.data.toString('utf8') : String(info.data), path, displayPath(path, cwd));
      if (!r.file) {
        failure ??= { file: displayPath(path, cwd), ...r.error! };
        return {};
      }
      files.set(path, r.file);
      return r.file.value;
    },
  };
  try {
    await new $RefParser().resolve(absPath, parsed.file.value as object, {
      resolve: { http: false, external: true },
      parse: { json: false, yaml: false, text: false, binary: false, sdkforge: parser },
      continueOnError: true,
    } as never);
  } catch (e) {
    // a missing file surfaces later as an unresolved $ref with its position; keep what loaded
    failure ??= { file: display, message: (e as Error).message.split('\n')[0] ?? 'reference error', line: 1, column: 1 };
  }
  return failure ? { refs: new SpecRefs(parsed.file, files), error: failure } : { refs: new SpecRefs(parsed.file, files) };
}
