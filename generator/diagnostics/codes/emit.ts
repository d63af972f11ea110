import type { CodeInfo } from './entry.js';

/** Codes of the SDK emitter (emit/sdk) and of writing the output folder (output/write.ts). */
export const emitCodes = {
  'sdk-runtime-missing': {
    severity: 'error',
    title: 'SDK runtime sources not found',
    cause: 'The runtime files copied into every SDK (generator/emit/sdk/runtime/*.ts) are missing from the sdkforge installation.',
    fix: 'Reinstall sdkforge; the package must ship generator/emit/sdk/runtime.',
  },
  'sdk-unknown-type': {
    severity: 'warning',
    title: 'Reference to an undefined type',
    cause: 'A field, parameter or response refers to a named type that no data structure defines.',
    fix: 'Document the data structure on the page, or fix the type name. The SDK types the value as `unknown`.',
  },
  'sdk-default-mismatch': {
    severity: 'warning',
    title: 'Default value does not fit the parameter type',
    cause: 'A parameter documents a default that is not a value of its type (e.g. "10" for an integer), so it cannot be compiled into the schema.',
    fix: 'Correct the default or the type in the docs. The default is kept in the JSDoc only.',
  },
  'sdk-name-changed': {
    severity: 'info',
    title: 'Name changed to a safe, unique identifier',
    cause: 'A type or parameter name is not a usable TypeScript identifier or object key (reserved word, hyphen, leading digit, `__proto__`) or collides with another name after casing.',
    fix: 'Nothing to do unless the new name surprises you; rename it in the docs to choose another.',
  },
  'sdk-method-renamed': {
    severity: 'warning',
    title: 'Method renamed: its name is reserved',
    cause: 'A method is named like a member every object has (`toString`, `valueOf`, `hasOwnProperty`, `constructor`, …), like `then` (which would make every client a thenable that `await` calls), like a member of the client class, or like a reserved word. It gets a trailing `_` in the SDK and the docs; the HTTP path and the operation id are unchanged.',
    fix: 'Nothing to do if the new name suits you; to choose another, rename the method in the docs (or the operationId in the spec).',
  },
  'output-unsafe-path': {
    severity: 'error',
    title: 'Generated path would leave the output folder',
    cause: 'An emitter produced a file path that is absolute, contains `..`, a backslash or an empty segment.',
    fix: 'This is a bug in the emitter; nothing was written. Report it with the input that caused it.',
  },
  'output-folder-unsafe': {
    severity: 'error',
    title: 'Output folder refused',
    cause: 'The output folder, with symbolic links followed, is the working directory, one of its parents or the file system root: its sdk/ and docs/ would be replaced.',
    fix: 'Pass a dedicated folder with --out (default: `out` of sdkforge.config.json).',
  },
  'output-not-owned': {
    severity: 'error',
    title: 'Output folder not written by sdkforge',
    cause: 'The output folder already has an `sdk/` or `docs/` (or another folder sdkforge writes) without the `.sdkforge` marker sdkforge puts in the folders it writes: it was written by hand or by another tool (or by sdkforge before it marked its folders). Replacing it would lose it.',
    fix: 'Move the folder away or choose another --out. If it is an older sdkforge output (or you do want it replaced), run once with --force.',
  },
  'output-locked': {
    severity: 'error',
    title: 'Another run is writing the output folder',
    cause: 'Another sdkforge run holds the output folder\'s lock (`.sdkforge.lock`) and did not finish within the wait.',
    fix: 'Wait for the other run. If none is running (the lock names its pid and host), remove the lock file.',
  },
  'output-recovered': {
    severity: 'warning',
    title: 'An interrupted run was rolled back',
    cause: 'A previous run was stopped while it swapped the output folders (killed, power cut) or left temporary folders. This run put the folders back as they were before that run, then wrote its own.',
    fix: 'Nothing to do; the message says what was restored or removed.',
  },
  'output-write-failed': {
    severity: 'error',
    title: 'Output could not be written',
    cause: 'Writing or swapping the output folder failed (permissions, disk full, a file locked); the folder was left as it was.',
    fix: 'Check the folder and the message, then run again.',
  },
} satisfies Record<string, CodeInfo>;
