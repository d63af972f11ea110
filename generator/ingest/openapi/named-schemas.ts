import type { NamedType, TypeRef } from '../../ir/types.js';
import { unescapePointer } from '../../formats/json-pointer.js';
import { typeNameOf } from '../../naming/type-name.js';
import { isObject, type SpecContext, type Where } from './context.js';
import type { SpecFile } from './spec-file.js';
import { X } from '../../formats/openapi-extensions.js';

/** Schema-ish component folders whose entries are named by their key. */
const NAMED_HOME = /^\/(?:components\/schemas|definitions|\$defs)\/([^/]+)$/;

interface Entry {
  name: string;
  /** The key the spec uses (`simple-user`): the implicit discriminator value. */
  specName: string;
  file: SpecFile;
  pointer: string;
  value: unknown;
  done: boolean;
}

/**
 * Every schema reached through a `$ref` becomes one named type, created the first time it is
 * referenced and converted once: a reference cycle is a `ref` to a type already registered,
 * never a loop. Component schemas of the root are registered first, in document order, so
 * their names win collisions.
 */
export class NamedSchemas {
  private readonly byKey = new Map<string, Entry>();
  private readonly taken = new Set<string>();
  private readonly queue: Entry[] = [];
  readonly types: NamedType[] = [];

  constructor(
    private readonly ctx: SpecContext,
    private readonly convert: (schema: unknown, where: Where) => TypeRef,
  ) {}

  /** Registers the schema at `pointer` of `file` and returns its IR name. */
  register(file: SpecFile, pointer: string, value: unknown, refWhere?: Where): Entry {
    const key = `${file.path}#${pointer}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const home = NAMED_HOME.exec(pointer);
    const last = pointer.split('/').pop() ?? '';
    const specName = home ? unescapePointer(home[1]!) : pointer === '' ? (file.display.split('/').pop() ?? 'Schema').replace(/\.[^.]*$/, '') : unescapePointer(last);
    const given = isObject(value) && typeof value[X.typeName] === 'string' ? (value[X.typeName] as string) : undefined;
    let name = given ?? typeNameOf(specName || 'Schema');
    if (this.taken.has(name)) {
      let n = 2;
      while (this.taken.has(`${name}${n}`)) n++;
      const where = refWhere ?? this.ctx.at(file, pointer, value);
      this.ctx.report('openapi-type-name-collision', `schema ${specName} is named ${name}${n}: ${name} is taken`, where);
      name = `${name}${n}`;
    }
    this.taken.add(name);
    const entry: Entry = { name, specName, file, pointer, value, done: false };
    this.byKey.set(key, entry);
    this.queue.push(entry);
    return entry;
  }

  /** `ref` TypeRef for a `$ref` string, or unknown (with a diagnostic) when it does not resolve. */
  refType(ref: string, where: Where): TypeRef {
    const entry = this.entryFor(ref, where);
    return entry ? { kind: 'ref', name: entry.name } : { kind: 'unknown' };
  }

  entryFor(ref: string, where: Where): Entry | undefined {
    const target = this.ctx.refs.resolve(ref, where.file);
    if (!target) {
      this.ctx.report('openapi-ref-unresolved', `$ref ${ref} does not resolve`, where);
      return undefined;
    }
    return this.register(target.file, target.pointer, target.value, where);
  }

  /** Converts every registered schema not converted yet (conversion may register more). */
  drain(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const e = this.queue[i]!;
      if (e.done) continue;
      e.done = true;
      const where = this.ctx.at(e.file, e.pointer, e.value);
      const t: NamedType = { name: e.name, type: this.convert(e.value, where), source: where.loc };
      if (isObject(e.value) && typeof e.value.description === 'string' && e.value.description) t.description = e.value.description;
      this.types.push(t);
    }
  }
}
