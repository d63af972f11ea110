/**
 * Splits a name written in any casing into lower-case words, so that one canonical form maps
 * every casing of the same name: `getUserMfaInfo`, `GetUserMfaInfo`, `get_user_mfa_info`,
 * `get-user-mfa-info` → ['get', 'user', 'mfa', 'info'].
 *
 * Acronyms stay one word (`getOIDCConfig` → get, oidc, config) and digits stay with the word
 * before them (`sha1Hash` → sha1, hash), which is how the SDK languages of the corpus write them.
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const chunk of name.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    // lower→Upper boundary, and ACRONYM→Word boundary (the last capital starts the next word)
    const parts = chunk
      .replace(/([a-z0-9])([A-Z])/g, '$1\u0000$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1\u0000$2')
      .split('\u0000');
    for (const p of parts) if (p) words.push(p.toLowerCase());
  }
  return words;
}

export const snakeCase = (words: readonly string[]): string => words.join('_');
export const kebabCase = (words: readonly string[]): string => words.join('-');

const cap = (w: string): string => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

export const pascalCase = (words: readonly string[]): string => words.map(cap).join('');
export const camelCase = (words: readonly string[]): string =>
  words.map((w, i) => (i === 0 ? w : cap(w))).join('');
