import { pascalCase, splitWords } from './words.js';

/**
 * IR name of a schema name: kept when it already is a PascalCase identifier (so `OIDCConfig`
 * and the docs' DTO names survive a round trip), else PascalCase of its words (`simple-user`
 * → `SimpleUser`).
 */
export function typeNameOf(specName: string): string {
  if (/^[A-Z][A-Za-z0-9_]*$/.test(specName)) return specName;
  const name = pascalCase(splitWords(specName));
  return /^[A-Za-z]/.test(name) ? name : `T${name}`;
}
