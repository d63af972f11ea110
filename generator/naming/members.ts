import type { Client, Method } from '../ir/types.js';
import { IdentifierScope } from './identifiers.js';
import { camelCase, pascalCase, splitWords } from './words.js';

/** Names every emitter agrees on, so docs snippets call what the client emitter wrote. */

/** Members of the generated client classes besides API methods; method names avoid them. */
export const CLIENT_RESERVED_MEMBERS = ['constructor', 'http', 'options', 'request', 'withOptions'];

/**
 * TypeScript method name of every method of a client, by method id: camelCase of the words,
 * made safe (reserved words, leading digits) and unique inside the class (`getX` twice → `getX2`),
 * assigned in id order so the result never depends on input order.
 */
export function methodMemberNames(client: Client): Map<string, string> {
  const scope = new IdentifierScope(CLIENT_RESERVED_MEMBERS);
  const out = new Map<string, string>();
  for (const m of [...client.methods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    out.set(m.id, scope.claim(camelCase(m.words.length > 0 ? m.words : ['method']), 'method'));
  }
  return out;
}

/** Class name of a client (`ManagementClient`), made safe. */
export function clientClassName(client: Client): string {
  return new IdentifierScope().claim(pascalCase(splitWords(client.name)) || 'Client', 'Client');
}

/** Name of a method's parameters type / schema stem: `ResetFactorParams`. */
export function paramsTypeStem(method: Method): string {
  return `${pascalCase(method.words)}Params`;
}

/**
 * Property names of a method's arguments object, aligned with `method.parameters`, plus the key
 * of the whole request body (`body`) when there is one. A key is the wire name (`'user-id'`)
 * unless it names a member every object inherits (`__proto__`, `constructor`, `toString`): such a
 * key would read `Object.prototype` when absent, so it gets a trailing `_`. Duplicates (a query
 * and a body parameter of one name) get `2`.
 */
export function parameterKeys(method: Method): { params: string[]; body?: string } {
  const used = new Set<string>();
  const claim = (name: string): string => {
    const base = name in Object.prototype ? `${name}_` : name;
    let key = base;
    for (let n = 2; used.has(key) || key in Object.prototype; n++) key = `${base}${n}`;
    used.add(key);
    return key;
  };
  const params = method.parameters.map((p) => claim(p.name));
  return method.requestBody ? { params, body: claim('body') } : { params };
}
