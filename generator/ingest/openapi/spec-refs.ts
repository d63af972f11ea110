import { realpathSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { $RefParser, type FileInfo } from '@apidevtools/json-schema-ref-parser';
import { diagnostic } from '../../diagnostics/collector.js';
import { displayPath } from '../../diagnostics/display-path.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { unescapePointer } from '../../formats/json-pointer.js';
import { DEFAULT_LIMITS, readInputFile, type InputLimits } from '../read-input.js';
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

export interface LoadSpecOptions {
  limits?: InputLimits;
  /** Absolute folders that file `$ref`s may read besides the root spec's own folder tree. */
  refRoots?: readonly string[];
}

export interface LoadedSpec {
  refs?: SpecRefs;
  error?: ParseError & { file: string };
  /** Files a `$ref` reached that were not read (outside the allowed folders, not regular, too large). */
  refused: Diagnostic[];
}

/**
 * Reads a spec file and every file its `$ref`s reach. External files are found by
 * @apidevtools/json-schema-ref-parser (`resolve`, not `bundle`/`dereference`: the objects stay
 * as written, so refs to component schemas become named types and cycles stay references), but
 * read and parsed by our hooks: a `$ref` may read only a regular file, under the size cap,
 * whose real path is inside the root spec's folder tree or a folder of `refRoots`; http refs
 * are not followed. Every file gets a position index. A single-file spec (the usual case,
 * GitHub's 13 MB one included) skips the library's crawl.
 */
export async function loadSpec(absPath: string, cwd: string, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const display = displayPath(absPath, cwd);
  const read = readInputFile(absPath, display, { maxFileBytes: limits.maxFileBytes });
  if (!read.ok) return { error: { file: display, code: read.diagnostic.code, message: read.diagnostic.message, line: 1, column: 1 }, refused: [] };
  const text = read.text;
  const parsed = parseSpecText(text, absPath, display, limits.yamlAliases);
  if (!parsed.file) return { error: { file: display, ...parsed.error! }, refused: [] };
  const files = new Map<string, SpecFile>([[absPath, parsed.file]]);
  if (!EXTERNAL_REF.test(text)) return { refs: new SpecRefs(parsed.file, files), refused: [] };

  const rootDir = dirname(realOrSelf(absPath));
  // as written and as real paths: a $ref is checked as written first, then where it leads
  const roots = [...new Set([rootDir, dirname(absPath), ...(options.refRoots ?? []).flatMap((r) => [r, realOrSelf(r)])])];
  const rootsLabel = [displayPath(rootDir, cwd) + '/', ...(options.refRoots ?? []).map((r) => displayPath(r, cwd) + '/')].join(', ');
  const refused: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const resolver = {
    order: 1,
    canRead: true,
    read: (info: FileInfo): string => {
      const path = filePathOf(info.url);
      if (path === undefined) {
        refused.push(diagnostic('input-refused', `a $ref to ${JSON.stringify(info.url.slice(0, 200))} is refused: only files are read`, { file: display, line: 1, column: 1 }));
        throw new RefusedRef();
      }
      const got = readInputFile(path, displayPath(path, cwd), { maxFileBytes: limits.maxFileBytes, roots, rootsLabel: `the spec's folder tree (${rootsLabel}; widen it with openapi.refRoots in sdkforge.config.json)` });
      if (!got.ok) {
        refused.push(got.diagnostic);
        throw new RefusedRef();
      }
      texts.set(path, got.text);
      return got.text;
    },
  };
  let failure: (ParseError & { file: string }) | undefined;
  const parser = {
    order: 1,
    canParse: true,
    parse: (info: FileInfo): unknown => {
      const path = filePathOf(info.url) ?? resolvePath(info.url);
      const got = files.get(path);
      if (got) return got.value;
      const text = texts.get(path);
      if (text === undefined) return {};
      const r = parseSpecText(text, path, displayPath(path, cwd), limits.yamlAliases);
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
      resolve: { file: false, http: false, external: true, sdkforge: resolver },
      parse: { json: false, yaml: false, text: false, binary: false, sdkforge: parser },
      continueOnError: true,
    } as never);
  } catch (e) {
    // a missing or refused file surfaces later as an unresolved $ref with its position; keep
    // what loaded (the library's messages quote no file content, but keep only their first line)
    if (refused.length === 0) failure ??= { file: display, message: (e as Error).message.split('\n')[0]?.slice(0, 300) ?? 'reference error', line: 1, column: 1 };
  }
  const refs = new SpecRefs(parsed.file, files);
  return failure ? { refs, error: failure, refused } : { refs, refused };
}

/** Thrown by the resolver for a refused file: the refusal itself is already recorded. */
class RefusedRef extends Error {
  constructor() {
    super('refused');
  }
}

/** The file path a `$ref` URL names (plain path or file: URL), or undefined for other schemes. */
function filePathOf(url: string): string | undefined {
  if (/^file:/i.test(url)) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return undefined;
  return resolvePath(url);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
