import type { SourceLocation } from '../../ir/types.js';
import { splitWords } from '../../naming/words.js';
import type { Block } from '../page/model.js';

/**
 * What a page's sample code shows about its method: the SDK client it constructs and the methods
 * it calls on that client, in the six SDK languages of the docs:
 *
 *   const authenticationClient = new AuthenticationClient({...});   authenticationClient.signInByAD(
 *   authentication_client = AuthenticationClient(...)                authentication_client.sign_in_by_ad(
 *   AuthenticationClient client = new AuthenticationClient(options); client.signInByAD(
 *   client, err := authentication.NewAuthenticationClient(options)   client.SignInByAD(
 *   $authenticationClient = new Authing\AuthenticationClient(...);   $authenticationClient->signInByAd(
 */
export interface SampleClient {
  /** The class constructed: `AuthenticationClient`, `ManagementClient` (`Client` when the code says only that). */
  className: string;
  variable: string;
  /** Where it is constructed. */
  source: SourceLocation;
  /** Distinct methods called on the variable, in order of first call. */
  calls: { name: string; source: SourceLocation }[];
}

/** `x = new Cls(`, `x = Cls(`, `Cls x = new Cls(`, `x, err := pkg.NewCls(`, `$x = new Ns\Cls(` */
const CONSTRUCTION = /(?:^|[\s(,;])\$?([A-Za-z_]\w*)(?:\s*,\s*\w+)?\s*:?=\s*(?:new\s+)?(?:[\w\\.]+[.\\])?(?:New(?=[A-Z]))?([A-Z]\w*Client|Client)\s*\(/g;

/** Clients constructed in the page's code blocks (a sample result constructs none), with the methods called on each. */
export function readSampleClients(blocks: readonly Block[], pageFile: string): SampleClient[] {
  const out: SampleClient[] = [];
  for (const b of blocks) {
    if (b.kind !== 'code') continue;
    const file = b.file ?? pageFile;
    const at = (offset: number): SourceLocation => {
      const before = b.text.slice(0, offset).split('\n');
      return { file, line: b.line + before.length, column: before[before.length - 1]!.length + 1 };
    };
    const clients: SampleClient[] = [];
    for (const m of b.text.matchAll(CONSTRUCTION)) {
      const variable = m[1]!;
      if (clients.some((c) => c.variable === variable)) continue;
      clients.push({ className: m[2]!, variable, source: at(m.index + m[0].indexOf(variable)), calls: [] });
    }
    for (const c of clients) {
      const call = new RegExp(`(?<![\\w.$])\\$?${c.variable}\\s*(?:\\.|->)\\s*([A-Za-z_]\\w*)\\s*\\(`, 'g');
      for (const m of b.text.matchAll(call)) {
        if (!c.calls.some((x) => x.name === m[1])) c.calls.push({ name: m[1]!, source: at(m.index + m[0].indexOf(m[1]!)) });
      }
    }
    out.push(...clients);
  }
  return out;
}

export type SampleCallChoice =
  | { ok: true; client: SampleClient; call: SampleClient['calls'][number] }
  | { ok: false; calls: string[] };

/** Letters of a name, lower-case: `signInByAD`, `sign_in_by_ad`, `signin-by-ad` → `signinbyad`. */
const letters = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The call that is the page's method. One method called: that one. Several (a sample that first
 * sends a code, or sets a token): the one whose letters are the file name's, else the one sharing
 * the most words with the file name (then having the fewest others); when no call shares a word,
 * or two fit equally, none (`calls` lists them).
 */
export function chooseSampleCall(clients: readonly SampleClient[], stem: string): SampleCallChoice {
  const all = clients.flatMap((client) => client.calls.map((call) => ({ client, call })));
  const names = [...new Set(all.map((x) => x.call.name))];
  if (names.length === 1) return { ok: true, ...all[0]! };
  if (names.length === 0) return { ok: false, calls: [] };
  const exact = all.filter((x) => letters(x.call.name) === letters(stem));
  if (exact.length > 0) return { ok: true, ...exact[0]! };
  // most words of the file name, then fewest words besides (getAccessTokenByCode over
  // getNewAccessTokenByRefreshToken on get-access-token.md)
  const stemWords = new Set(splitWords(stem));
  const fit = (name: string): [number, number] => {
    const words = new Set(splitWords(name));
    const shared = [...words].filter((w) => stemWords.has(w)).length;
    return [shared, words.size - shared];
  };
  const better = (a: [number, number], b: [number, number]): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  const best = all.reduce((x, y) => (better(fit(y.call.name), fit(x.call.name)) ? y : x));
  const bestFit = fit(best.call.name);
  if (bestFit[0] > 0 && all.every((x) => x.call.name === best.call.name || better(bestFit, fit(x.call.name)))) return { ok: true, ...best };
  return { ok: false, calls: names };
}
