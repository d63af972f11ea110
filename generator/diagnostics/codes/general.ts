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
  'input-refused': {
    severity: 'error',
    title: 'Input file refused',
    cause: 'A file is not read because reading it would be unsafe: it is not a regular file (a device such as /dev/zero, a pipe, a folder), or it lies outside the tree it was found in (a page reached through a symbolic link that leaves its input folder, a `$ref` that leaves the spec\'s folder). Inputs are untrusted: anyone who can edit a page or a spec could point it at a secret or at endless input.',
    fix: 'Point the input or the `$ref` at a regular file inside its folder. To let `$ref`s read another folder, list it in `openapi.refRoots` of sdkforge.config.json.',
  },
  'input-too-large': {
    severity: 'error',
    title: 'Input exceeds a size limit',
    cause: 'A file is larger than `limits.maxFileBytes` (64 MiB by default), or a YAML document expands its aliases beyond `limits.yamlAliases` (10,000 by default; a few aliases of aliases can expand a kilobyte into gigabytes).',
    fix: 'Check the file. If it is genuine, raise the limit the message names in sdkforge.config.json.',
  },
  'input-too-deep': {
    severity: 'error',
    title: 'Input nested too deeply',
    cause: 'A spec or a sample JSON nests objects and arrays more than 128 levels deep (real APIs stay under 30), or refers to itself through a YAML alias. sdkforge and the code it generates walk such values recursively, so the limit is fixed.',
    fix: 'Flatten the structure: give nested schemas names (`$ref`), shorten the sample.',
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
