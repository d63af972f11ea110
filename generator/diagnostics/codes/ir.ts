import type { CodeInfo } from './entry.js';

/** Codes of IR validation (generator/ir/validate). */
export const irCodes = {
  'ir-type-cycle': {
    severity: 'error',
    title: 'Types defined only through each other',
    cause: 'Named types refer to each other with no object or array in between (`X: {$ref: Y}` and `Y: {$ref: X}`, or the same through `allOf` or a union). TypeScript cannot declare such types (TS2456), and `X = Y, Y = X` has no value at all.',
    fix: 'Give one of the types a real definition (an object, an array, a scalar). Until then the first of them is typed as `unknown`.',
  },
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
