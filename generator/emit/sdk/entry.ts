import { type ExportDeclarationStructure, type OptionalKind } from 'ts-morph';
import type { Api, NamedType } from '../../ir/types.js';
import { API_DESCRIPTION_MODULE, nestedSchemes } from './api-description.js';
import type { SdkNames } from './names.js';
import { sortedMethods } from './names.js';

/**
 * `src/index.ts`: the runtime (clients' options, errors), every client, every params type and
 * schema, every DTO and schema — each by name from its own module, so a bundler keeps only
 * what is used.
 */
export function entryExports(api: Api, names: SdkNames, types: readonly NamedType[]): OptionalKind<ExportDeclarationStructure>[] {
  const out: OptionalKind<ExportDeclarationStructure>[] = [{ moduleSpecifier: './runtime/index.js' }];
  // the servers and schemes, and the credentials type when the API has schemes callers fill in
  const credentials = nestedSchemes(api).length > 0;
  out.push({
    moduleSpecifier: `./${API_DESCRIPTION_MODULE}.js`,
    namedExports: [
      ...(credentials ? [{ name: 'ApiClientOptions', isTypeOnly: true }, { name: 'ApiCredentials', isTypeOnly: true }] : []),
      { name: 'SECURITY_SCHEMES' },
      { name: 'SERVERS' },
      ...(api.envelope ? [{ name: 'ENVELOPE' }] : []),
    ],
  });
  for (const c of names.clients) {
    out.push({ moduleSpecifier: `./clients/${c.file}.js`, namedExports: [{ name: c.className }] });
    out.push({
      moduleSpecifier: `./clients/${c.file}.params.js`,
      namedExports: sortedMethods(c.client).flatMap((m) => {
        const p = c.params.get(m.id)!;
        return [{ name: p.type, isTypeOnly: true }, { name: p.schema }, ...(p.error ? [{ name: p.error, isTypeOnly: true }] : [])];
      }),
    });
  }
  for (const t of types) {
    const n = names.types.get(t.name)!;
    out.push({ moduleSpecifier: `./models/${n.file}.js`, namedExports: [{ name: n.type, isTypeOnly: true }, { name: n.schema }] });
  }
  return out;
}
