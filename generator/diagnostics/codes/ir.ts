import type { CodeInfo } from './entry.js';

/** Codes of IR validation (generator/ir/validate). */
export const irCodes = {
  'ir-unresolved-type': {
    severity: 'error',
    title: 'Unresolved type reference',
    cause: 'A type refers to a named type that is defined nowhere in the input.',
    fix: 'Add the data structure section (or schema) for it, or correct the name.',
  },
  'ir-duplicate-method': {
    severity: 'error',
    title: 'Method defined twice',
    cause: 'Two inputs define the same method of the same client differently and they could not be merged.',
    fix: 'Remove one definition or rename one method.',
  },
  'ir-conflicting-type': {
    severity: 'warning',
    title: 'Named type defined differently in two places',
    cause: 'A data structure (DTO) of one name has different fields in two places; the first definition is used.',
    fix: 'Make the definitions agree, or give the structures different names.',
  },
} satisfies Record<string, CodeInfo>;
