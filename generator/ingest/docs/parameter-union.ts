import { diagnostic } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Field } from '../../ir/types.js';
import { camelCase, pascalCase, snakeCase, splitWords } from '../../naming/words.js';
import type { PageMethod } from '../reader/read-page.js';

const canonNames = new Map<string, string>();

/**
 * Parameter names compare by words: C# pages write RedirectUri where node pages write redirectUri.
 * Memoised: every language page of every method compares the same few hundred names.
 */
export function canonName(name: string): string {
  let c = canonNames.get(name);
  if (c === undefined) {
    c = splitWords(name).join('_');
    canonNames.set(name, c);
  }
  return c;
}

/** The casing a page writes its parameter names in, when they show one. */
function casingOf(names: readonly string[]): ((words: string[]) => string) | undefined {
  if (names.some((n) => n.includes('_'))) return snakeCase;
  if (names.some((n) => /^[a-z][a-z0-9]*[A-Z]/.test(n))) return camelCase;
  if (names.some((n) => /^[A-Z][a-z0-9]*[A-Z]/.test(n))) return pascalCase;
  return undefined;
}

/**
 * The parameters of a method: the union of the parameter tables of its language pages. The
 * primary page's come first, as it writes them; a parameter only another page lists is still a
 * parameter, placed after the one it follows on that page, named in the primary page's casing
 * when the two pages case the names they share differently (python's `phone_country_code` on a
 * node method is `phoneCountryCode`).
 *
 * A parameter in the place of one the other page lacks (front-channel-logout: `redirectUri` on
 * the node page, `postLogoutRedirectUri` on the java page, same description) is that parameter
 * under another SDK's name, not one more: it is reported, not added.
 */
export function unionParameters(primary: PageMethod, params: readonly Field[], others: readonly PageMethod[], diagnostics: Diagnostic[]): Field[] {
  const merged = [...params];
  const primaryIndex = new Map(params.map((p, i) => [canonName(p.name), i]));
  const where = (page: PageMethod): string => `the ${page.path.language ?? 'primary'} page`;
  for (const other of others) {
    const theirs = other.parameters.map((q) => canonName(q.name));
    const shared = other.parameters.filter((q) => primaryIndex.has(canonName(q.name)));
    const recase = shared.some((q) => params[primaryIndex.get(canonName(q.name))!]!.name !== q.name) ? casingOf(params.map((p) => p.name)) : undefined;
    other.parameters.forEach((q, i) => {
      const canon = theirs[i]!;
      if (primaryIndex.has(canon)) return;
      // the primary page's parameters between the shared ones around q on this page
      const before = theirs.slice(0, i).reverse().find((c) => primaryIndex.has(c));
      const after = theirs.slice(i + 1).find((c) => primaryIndex.has(c));
      const from = before === undefined ? 0 : primaryIndex.get(before)! + 1;
      const to = after === undefined ? params.length : primaryIndex.get(after)!;
      const replaced = params.slice(from, to).filter((p) => !theirs.includes(canonName(p.name)));
      if (replaced.length > 0) {
        diagnostics.push(
          diagnostic(
            'md-merge-disagreement',
            `parameter "${q.name}" is on this page in the place of ${replaced.map((p) => `"${p.name}"`).join(', ')} of ${where(primary)}, which this page lacks: read as another SDK's name for it, not added`,
            q.source,
            replaced.map((p) => ({ message: `${p.name} here`, location: p.source })),
          ),
        );
        return;
      }
      if (merged.some((m) => canonName(m.name) === canon)) return; // added from an earlier page
      const name = recase ? recase(splitWords(q.name)) : q.name;
      // after the parameter q follows on its page (which may itself have been added)
      const prev = theirs.slice(0, i).reverse().find((c) => merged.some((m) => canonName(m.name) === c));
      const at = prev === undefined ? 0 : merged.findIndex((m) => canonName(m.name) === prev) + 1;
      merged.splice(at, 0, name === q.name ? q : { ...q, name });
      diagnostics.push(
        diagnostic(
          'md-merge-disagreement',
          `parameter "${q.name}" is on this page but not on ${where(primary)}; added to the method as "${name}" (a method's parameters are the union of its language pages)`,
          q.source,
          [{ message: `${primary.writtenName ?? 'primary page'} here`, location: primary.source }],
        ),
      );
    });
  }
  return merged;
}
