import { type ExportDeclarationStructure, type OptionalKind } from 'ts-morph';
import type { NamedType } from '../../ir/types.js';
import type { SdkNames } from './names.js';
import { sortedMethods } from './names.js';

/**
 * `src/index.ts`: the runtime (clients' options, errors), every client, every params type and
 * schema, every DTO and schema — each by name from its own module, so a bundler keeps only
 * what is used.
 */
export function entryExports(names: SdkNames, types: readonly NamedType[]): OptionalKind<ExportDeclarationStructure>[] {
  const out: OptionalKind<ExportDeclarationStructure>[] = [{ moduleSpecifier: './runtime/index.js' }];
  for (const c of names.clients) {
    out.push({ moduleSpecifier: `./clients/${c.file}.js`, namedExports: [{ name: c.className }] });
    out.push({
      moduleSpecifier: `./clients/${c.file}.params.js`,
      namedExports: sortedMethods(c.client).flatMap((m) => {
        const p = c.params.get(m.id)!;
        return [{ name: p.type, isTypeOnly: true }, { name: p.schema }];
      }),
    });
  }
  for (const t of types) {
    const n = names.types.get(t.name)!;
    out.push({ moduleSpecifier: `./models/${n.file}.js`, namedExports: [{ name: n.type, isTypeOnly: true }, { name: n.schema }] });
  }
  return out;
}
