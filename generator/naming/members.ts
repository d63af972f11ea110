import type { Client, Method } from '../ir/types.js';
import { IdentifierScope, isReservedWord } from './identifiers.js';
import { camelCase, pascalCase, splitWords } from './words.js';

/** Names every emitter agrees on, so docs snippets call what the client emitter wrote. */

/** Members of the generated client classes besides API methods; method names avoid them. */
export const CLIENT_RESERVED_MEMBERS = ['constructor', 'http', 'options', 'request', 'setAccessToken', 'withOptions'];

/**
 * Names an object has before any method is added, which an API method must not take: every
 * member of `Object.prototype` (a method `toString(args)` does not compile against Object's, and
 * code everywhere calls them expecting Object's meaning), and `then`: an object with a `then`
 * method is a thenable, so `await` on anything that returns the client would call the API
 * instead of settling. A test checks the list against `Object.prototype` of the running engine.
 */
export const INHERITED_MEMBERS: readonly string[] = [
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__',
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
  'toString', 'valueOf', 'then',
];
const INHERITED = new Set(INHERITED_MEMBERS);

/** SDK languages whose method names are TypeScript's own casing: their pages are asked first. */
const TS_LANGUAGES = ['node', 'typescript', 'ts', 'javascript', 'js'];

/**
 * camelCase of the words, in the casing a page writes it when that is camelCase of the same
 * words (`signInByAD`, from the name line or the sample code's call, rather than `signInByAd`);
 * pages of TypeScript's SDK first, then the others in file order.
 */
function plainMemberName(m: Method): string {
  const words = m.words.length > 0 ? m.words : ['method'];
  const rank = (language: string | undefined): number => (language && TS_LANGUAGES.includes(language) ? 0 : 1);
  const written = [...m.docs]
    .sort((a, b) => rank(a.language) - rank(b.language))
    .map((d) => d.writtenName?.slice(d.writtenName.lastIndexOf('.') + 1))
    .find((n) => n !== undefined && /^[a-z][A-Za-z0-9]*$/.test(n) && splitWords(n).join('_') === words.join('_'));
  return written ?? camelCase(words);
}

/** Why a method cannot have its plain member name, or undefined when it can. */
export function reservedMemberReason(name: string): string | undefined {
  if (name === 'then') return 'an object with a `then` method is a thenable: `await` would call it';
  if (INHERITED.has(name)) return `every object has \`${name}\` from Object.prototype`;
  if (CLIENT_RESERVED_MEMBERS.includes(name)) return `the client class has its own \`${name}\``;
  if (isReservedWord(name)) return `\`${name}\` is a reserved word`;
  return undefined;
}

/**
 * TypeScript method name of every method of a client, by method id: camelCase of the words,
 * made safe (reserved words and inherited members get a trailing `_`, leading digits a leading
 * `_`) and unique inside the class (`getX` twice → `getX2`), assigned in id order so the result
 * never depends on input order. The wire name (path, operation id) does not change.
 */
export function methodMemberNames(client: Client): Map<string, string> {
  const scope = new IdentifierScope([...CLIENT_RESERVED_MEMBERS, ...INHERITED_MEMBERS]);
  const out = new Map<string, string>();
  for (const m of [...client.methods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const plain = plainMemberName(m);
    out.set(m.id, scope.claim(INHERITED.has(plain) || CLIENT_RESERVED_MEMBERS.includes(plain) ? `${plain}_` : plain, 'method'));
  }
  return out;
}

/** Methods whose member name is not their plain name because that name is reserved (see above). */
export function reservedMemberRenames(client: Client): { method: Method; from: string; to: string; reason: string }[] {
  const names = methodMemberNames(client);
  return [...client.methods]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((method) => {
      const from = plainMemberName(method);
      const reason = reservedMemberReason(from);
      return reason ? [{ method, from, to: names.get(method.id)!, reason }] : [];
    });
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
