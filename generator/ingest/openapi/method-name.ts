import { pascalCase, splitWords } from '../../naming/words.js';

/** Client name of a tag: `pets` → `PetsClient`; a tag without latin words stays as written. */
export function clientNameOfTag(tag: string): string {
  const words = splitWords(tag);
  if (words.length === 0) return tag;
  return words[words.length - 1] === 'client' ? pascalCase(words) : `${pascalCase(words)}Client`;
}

/** The one client of an API whose tags are categories: named after its title. */
export function clientNameOfTitle(title: string | undefined): string {
  const words = splitWords(title ?? '');
  return clientNameOfTag(words.length > 0 ? pascalCase(words) : 'Api');
}

/**
 * Canonical words of an operation: its operationId's words, without a leading `tag/`
 * namespace that repeats the client (GitHub's `repos/get-content` in tag `repos` → get, content);
 * with no usable operationId, the verb and the path (`GET /pets/{petId}` → get, pets, by, pet, id).
 */
export function operationWords(operationId: unknown, tag: string | undefined, verb: string, path: string): string[] {
  if (typeof operationId === 'string') {
    const slash = operationId.indexOf('/');
    if (tag !== undefined && slash > 0) {
      const head = splitWords(operationId.slice(0, slash));
      const rest = splitWords(operationId.slice(slash + 1));
      const tagWords = splitWords(tag);
      if (rest.length > 0 && head.join(' ') === tagWords.join(' ')) return rest;
    }
    const words = splitWords(operationId);
    if (words.length > 0) return words;
  }
  const words = [verb.toLowerCase()];
  for (const seg of path.split('/')) {
    const param = /^\{(.+)\}$/.exec(seg);
    if (param) words.push('by', ...splitWords(param[1]!));
    else words.push(...splitWords(seg));
  }
  return words;
}
