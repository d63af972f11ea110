import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Api } from '../ir/types.js';

/**
 * The SDK's memory of its last generation, kept inside the SDK folder: the API surface it was
 * generated from (`api-snapshot.json`), the version it was given (package.json) and its
 * changelog (CHANGELOG.md). The next `generate` compares the new API with the snapshot.
 */
export const SNAPSHOT_FILE = 'api-snapshot.json';
export const CHANGELOG_FILE = 'CHANGELOG.md';

export interface PreviousRelease {
  /** Undefined before the first generation with a snapshot. */
  snapshot?: Api;
  /** `version` of the SDK's package.json, when it has one. */
  version?: string;
  changelog?: string;
}

/** Larger files are not read: a snapshot of GitHub's whole API (1,223 operations) is about 34 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The snapshot as written: the IR without samples and examples (they are not part of the
 * surface a caller compiles against, and they are most of a large API's bytes).
 */
export function snapshotText(api: Api): string {
  // stripped and key-sorted in one copy (as stableStringify would sort it): on GitHub's API the
  // snapshot is 33 MB, and each extra deep copy of the IR was ~100 MB of peak memory
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (k !== 'sample' && k !== 'example' && v !== undefined) out[k] = strip(v);
      }
      return out;
    }
    return value;
  };
  return JSON.stringify(strip(api), null, 2) + '\n';
}

const looksLikeApi = (v: unknown): v is Api =>
  typeof v === 'object' && v !== null && Array.isArray((v as Api).clients) && Array.isArray((v as Api).types) && (v as Api).clients.every((c) => Array.isArray(c?.methods));

/** Reads the previous release from the SDK folder `sdkDir` (absent files: a first generation). */
export async function readPreviousRelease(sdkDir: string, displayDir: string): Promise<{ previous: PreviousRelease; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const previous: PreviousRelease = {};
  const text = async (name: string): Promise<string | undefined> => {
    try {
      const file = join(sdkDir, name);
      if ((await stat(file)).size > MAX_BYTES) return undefined;
      return await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const [snapshot, pkg, changelog] = await Promise.all([text(SNAPSHOT_FILE), text('package.json'), text(CHANGELOG_FILE)]);
  if (snapshot !== undefined) {
    let data: unknown;
    try {
      data = JSON.parse(snapshot);
    } catch {
      data = undefined;
    }
    if (looksLikeApi(data)) previous.snapshot = data;
    else diagnostics.push(diagnostic('release-snapshot-unreadable', `${displayDir}/${SNAPSHOT_FILE} is not an API snapshot sdkforge wrote; the changelog starts anew`, { file: `${displayDir}/${SNAPSHOT_FILE}`, line: 1, column: 1 }));
  }
  if (pkg !== undefined) {
    try {
      const version = (JSON.parse(pkg) as { version?: unknown }).version;
      if (typeof version === 'string') previous.version = version;
    } catch {
      // a package.json that does not parse is regenerated; its version is simply not known
    }
  }
  if (changelog !== undefined) previous.changelog = changelog;
  return { previous, diagnostics };
}
