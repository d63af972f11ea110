import type { CodeInfo } from './entry.js';

/** Codes of the release step of `generate`: the API snapshot, the version and the changelog of the SDK. */
export const releaseCodes = {
  'release-snapshot-unreadable': {
    severity: 'warning',
    title: 'API snapshot of the last generation cannot be read',
    cause: 'The SDK folder holds an api-snapshot.json that is not the JSON sdkforge wrote (edited by hand, truncated, or from an incompatible version), so the API cannot be compared with the last release.',
    fix: 'Restore the file from version control, or delete it: the next `sdkforge generate` starts a new changelog at the version of sdkforge.config.json.',
  },
  'release-version-invalid': {
    severity: 'warning',
    title: 'SDK version is not a semantic version',
    cause: 'The version in the SDK\'s package.json or in sdkforge.config.json (`sdk.version`) is not of the form 1.2.3, so it cannot be raised by the release verdict.',
    fix: 'Set `sdk.version` in sdkforge.config.json to a semantic version (1.2.3).',
  },
} satisfies Record<string, CodeInfo>;
