import type { CodeInfo } from './entry.js';

/** Codes about inputs and configuration in general. */
export const generalCodes = {
  'input-not-found': {
    severity: 'error',
    title: 'Input not found',
    cause: 'A path given as input does not exist.',
    fix: 'Check the path (relative paths are resolved from the working directory).',
  },
  'input-unreadable': {
    severity: 'error',
    title: 'Input cannot be read',
    cause: 'A file could not be read (permissions, encoding or a directory where a file was expected).',
    fix: 'Check the file.',
  },
  'input-unsupported': {
    severity: 'error',
    title: 'Input kind not supported',
    cause: 'The file is neither a markdown page (.md) nor an OpenAPI document (.json, .yaml, .yml).',
    fix: 'Pass markdown pages or an OpenAPI document.',
  },
  'input-empty': {
    severity: 'error',
    title: 'No method found',
    cause: 'The inputs hold no method page and no operation.',
    fix: 'Point the command at the docs pages or at a spec.',
  },
  'config-invalid': {
    severity: 'error',
    title: 'Configuration not understood',
    cause: 'sdkforge.config.json is not valid JSON or has an unknown or mistyped setting.',
    fix: 'See README, section Configuration.',
  },
} satisfies Record<string, CodeInfo>;
