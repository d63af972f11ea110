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
  'profile-setting-unused': {
    severity: 'info',
    title: 'Profile setting not used',
    cause: 'The profile in sdkforge.config.json names a client the inputs do not have, or states a fact (servers, a security scheme) the input already states: the input wins. A profile belongs to a docs family: it is not applied when the inputs are OpenAPI documents only.',
    fix: 'Nothing to do when the inputs are a subset of the API; otherwise check the client name.',
  },
  'profile-scheme-unsupported': {
    severity: 'error',
    title: 'Profile security scheme not understood',
    cause: 'A scheme of `profile.securitySchemes` misses what its type needs (apiKey: `in` and `name`; http: `scheme` bearer or basic), or a requirement names a scheme the profile and the input do not define.',
    fix: 'See README, section "Servers, auth and the profile".',
  },
} satisfies Record<string, CodeInfo>;
