import type { CodeInfo } from './entry.js';

/**
 * Codes of `check` (drift), `diff` (API changes) and `lint` (docs quality). Lint codes are
 * `lint-<rule>`; the rule name (without the prefix) is what sdkforge.config.json's `lint`
 * setting turns off or sets to warn/error.
 */
export const checkCodes = {
  'check-drift': {
    severity: 'error',
    title: 'Generated output differs from the inputs',
    cause: 'A file under the output folder is not what `sdkforge generate` produces from the current inputs: it was edited by hand, or the inputs changed and generate was not run.',
    fix: 'Run `sdkforge generate` and commit the result (never edit generated files by hand).',
  },
  'diff-revision-unreadable': {
    severity: 'error',
    title: 'Git revision cannot be read',
    cause: 'A `git:<rev>:<path>` side of `sdkforge diff` names a revision or path git does not know, or this is not a git work tree.',
    fix: 'Check the revision (`git log`) and that the path exists in it (`git ls-tree <rev> <path>`).',
  },
  'lint-sample-mismatch': {
    severity: 'error',
    title: 'Sample does not match its declared type',
    cause: 'A sample result does not validate against the type the page declares: e.g. an object where the table says array, `true` for a string, a value outside the documented enum.',
    fix: 'Correct the sample or the table (the message names the payload path); the SDK validates real responses with the same schemas.',
  },
  'lint-sample-value-mismatch': {
    severity: 'warning',
    title: 'Sample value cell does not fit its type',
    cause: 'A Sample value cell of a parameter or field table is not a value of the row\'s type (text for a boolean, one item for an array, a value outside the listed enum values).',
    fix: 'Write the sample as a value of the type (JSON for arrays and objects).',
  },
  'lint-sample-missing-required': {
    severity: 'warning',
    title: 'Sample lacks a required field',
    cause: 'A sample object omits a field its data structure marks as required.',
    fix: 'Add the field to the sample, or mark it as not required in the table.',
  },
  'lint-sample-unparsable': {
    severity: 'warning',
    title: 'Sample result is not JSON',
    cause: 'The sample result block does not parse as JSON, so it cannot be checked (or shown as data).',
    fix: 'Fix the JSON (trailing commas, comments, unquoted keys).',
  },
  'lint-unresolved-type': {
    severity: 'error',
    title: 'Type reference with no definition',
    cause: 'A field, parameter or response refers to a data structure that no page defines.',
    fix: 'Add the data structure section, or correct the link.',
  },
  'lint-conflicting-type': {
    severity: 'warning',
    title: 'Same data structure defined differently on two pages',
    cause: 'Two pages define a DTO of one name with different fields, types or required flags.',
    fix: 'Make the definitions agree (they are usually copies of one another).',
  },
  'lint-page-disagreement': {
    severity: 'warning',
    title: 'Pages of one method disagree',
    cause: 'The editions of a method page (one per SDK language) differ on a parameter, its type, required flag or default, or on the response type.',
    fix: 'Make the editions agree; the related location names the page whose facts were used.',
  },
  'lint-parameter-description-missing': {
    severity: 'warning',
    title: 'Parameter without description',
    cause: 'A request parameter has an empty Description cell.',
    fix: 'Describe the parameter: what it is, its unit or format, its allowed values.',
  },
  'lint-prose-enum-disagreement': {
    severity: 'warning',
    title: 'Enum values in prose disagree between pages',
    cause: 'A field of one name lists its allowed values ("optional values are ...") differently on different pages.',
    fix: 'Make the lists agree, or rename one of the fields if they mean different things.',
  },
  'lint-spec-disagreement': {
    severity: 'warning',
    title: 'Docs and spec disagree',
    cause: 'The docs pages and the OpenAPI spec given with them differ on a method, parameter or type.',
    fix: 'Correct whichever side is wrong (the related location names the other place).',
  },
} satisfies Record<string, CodeInfo>;
