import type { Api, Client, Method, NamedType } from '../../ir/types.js';
import { safeIdentifier } from '../../naming/identifiers.js';
import { clientClassName, methodMemberNames, paramsTypeStem } from '../../naming/members.js';
import { kebabCase, pascalCase, splitWords } from '../../naming/words.js';
import { API_DESCRIPTION_NAMES } from './api-description.js';

/**
 * Every exported name of the SDK is decided here, once, before any file is built: the entry
 * re-exports all modules, so a name may exist only once across DTOs, schemas, params, clients
 * and the runtime.
 */

/** Globals the generated modules use by name; a DTO called `Record` or `Promise` would shadow them. */
const GLOBALS = [
  'z', 'OPERATIONS', 'Record', 'Promise', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'Date',
  'Error', 'Map', 'Set', 'JSON', 'Math', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude',
  'Extract', 'NonNullable', 'ReturnType', 'URL', 'Headers', 'Response', 'Request', 'FormData', 'Blob',
  'Uint8Array', 'ArrayBuffer', 'AbortSignal', 'fetch', 'globalThis', 'console', 'NaN', 'Infinity',
];

/** Windows cannot create these file names, whatever the extension. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Hands out unique names; `taken` checks every name a candidate needs (`X` and `XSchema`). */
class NameSpace {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string>, private readonly fold: (s: string) => string = (s) => s) {
    for (const r of reserved) this.used.add(this.fold(r));
  }
  claim(base: string, companions: (name: string) => string[] = (n) => [n], separator = ''): string {
    let name = base;
    for (let n = 2; companions(name).some((c) => this.used.has(this.fold(c))); n++) name = `${base}${separator}${n}`;
    for (const c of companions(name)) this.used.add(this.fold(c));
    return name;
  }
}

export interface TypeNames {
  /** Interface / type alias name. */
  type: string;
  schema: string;
  /** Module stem under src/models/. */
  file: string;
}

export interface ClientNames {
  client: Client;
  className: string;
  /** Module stem under src/clients/. */
  file: string;
  members: Map<string, string>;
  /** By method id; `error` when the method documents typed error responses (`ApiError<…>` alias). */
  params: Map<string, { type: string; schema: string; error?: string }>;
}

export interface SdkNames {
  types: Map<string, TypeNames>;
  /** First definition of each named type, by IR name. */
  definitions: Map<string, NamedType>;
  clients: ClientNames[];
}

const withSchema = (n: string): string[] => [n, `${n}Schema`];

function fileStem(name: string, files: NameSpace, fallback: string): string {
  let stem = kebabCase(splitWords(name)) || fallback;
  if (DEVICE_NAMES.test(stem)) stem = `${stem}-type`;
  // folded to lower case: `UserDto` and `UserDTO` must not share a file on macOS/Windows
  return files.claim(stem, (n) => [n], '-');
}

export function sdkNames(api: Api, runtimeExports: readonly string[]): SdkNames {
  const exported = new NameSpace([...GLOBALS, ...API_DESCRIPTION_NAMES, ...runtimeExports]);
  const clients = [...api.clients].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  // client class names first: they are what users type most
  const classNames = clients.map((c) => exported.claim(clientClassName(c)));

  const types = new Map<string, TypeNames>();
  const modelFiles = new NameSpace([], (s) => s.toLowerCase());
  for (const t of uniqueTypes(api).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const type = exported.claim(safeIdentifier(t.name, 'Type'), withSchema);
    types.set(t.name, { type, schema: `${type}Schema`, file: fileStem(type, modelFiles, 'type') });
  }

  // a params stem used by two clients is qualified by the client (`ManagementGetUserParams`)
  const stemCount = new Map<string, number>();
  for (const c of clients) for (const m of c.methods) stemCount.set(paramsTypeStem(m), (stemCount.get(paramsTypeStem(m)) ?? 0) + 1);

  const clientFiles = new NameSpace([], (s) => s.toLowerCase());
  const out: ClientNames[] = clients.map((client, i) => {
    const className = classNames[i]!;
    const params = new Map<string, { type: string; schema: string; error?: string }>();
    const prefix = pascalCase(splitWords(className).filter((w, j, all) => !(w === 'client' && j === all.length - 1)));
    for (const m of sortedMethods(client)) {
      const stem = paramsTypeStem(m);
      const base = safeIdentifier((stemCount.get(stem) ?? 0) > 1 ? `${prefix}${stem}` : stem, 'Params');
      const type = exported.claim(base, withSchema);
      const entry: { type: string; schema: string; error?: string } = { type, schema: `${type}Schema` };
      if (typedErrors(m).length > 0) entry.error = exported.claim(base.replace(/Params$/, '') + 'Error');
      params.set(m.id, entry);
    }
    return { client, className, file: fileStem(className, clientFiles, 'client'), members: methodMemberNames(client), params };
  });
  return { types, definitions: new Map(uniqueTypes(api).map((t) => [t.name, t])), clients: out };
}

/** Named types by first definition: the IR may define a name twice (ir-conflicting-type). */
export function uniqueTypes(api: Api): NamedType[] {
  const seen = new Set<string>();
  return api.types.filter((t) => (seen.has(t.name) ? false : (seen.add(t.name), true)));
}

export function sortedMethods(client: Client): Method[] {
  return [...client.methods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The error responses of a method whose body the spec types. */
export function typedErrors(m: Method): NonNullable<Method['errors']> {
  return (m.errors ?? []).filter((e) => e.type.kind !== 'unknown');
}
