import { escapePointer } from '../../formats/json-pointer.js';
import { Diagnostics } from '../../diagnostics/collector.js';
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import type { SourceLocation } from '../../ir/types.js';
import type { SpecFile } from './spec-file.js';
import type { SpecRefs } from './spec-refs.js';
import type { NamedSchemas } from './named-schemas.js';
import { PatternJudge } from './patterns.js';

/** A place in the spec: the file, the JSON pointer, and its line/column (nearest recorded object). */
export interface Where {
  file: SpecFile;
  pointer: string;
  loc: SourceLocation;
}

export type OpenApiVersion = '3.0' | '3.1';


export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** State shared by the object mappers of one spec: references, named schemas, diagnostics. */
export class SpecContext {
  readonly diagnostics = new Diagnostics();
  /** Which `pattern`s the generated schemas may check (patterns.ts). */
  readonly patterns = new PatternJudge();
  /** Set once named-schemas.ts is constructed (they reference each other). */
  types!: NamedSchemas;

  constructor(
    readonly refs: SpecRefs,
    readonly version: OpenApiVersion,
  ) {}

  at(file: SpecFile, pointer: string, value: unknown, fallback?: SourceLocation): Where {
    const pos = file.positions.locate(value);
    const loc = pos ? { file: file.display, ...pos } : (fallback ?? { file: file.display, line: 1, column: 1 });
    return { file, pointer, loc };
  }

  /** The place of `value`, found at `key` under `parent`. */
  child(parent: Where, key: string | number, value: unknown): Where {
    return this.at(parent.file, `${parent.pointer}/${escapePointer(String(key))}`, value, parent.loc);
  }

  report(code: DiagnosticCode, message: string, where: Where): void {
    this.diagnostics.report(code, `${message} (at #${where.pointer})`, where.loc);
  }
}
