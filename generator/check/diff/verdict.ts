import semver from 'semver';
import type { ApiChange } from './compare.js';

/**
 * The release a set of API changes calls for, by Semantic Versioning: `major` for a breaking
 * change, `minor` for an addition or a deprecation, `patch` for anything else (descriptions,
 * defaults), `none` when nothing changed.
 */
export type Verdict = 'major' | 'minor' | 'patch' | 'none';

/** Kinds that add to the API (when not breaking): a new method, type, parameter, field or value. */
export const isAddition = (c: ApiChange): boolean => c.level !== 'breaking' && /-added$/.test(c.kind);
export const isDeprecation = (c: ApiChange): boolean => /(^|-)deprecated$/.test(c.kind);

export function releaseVerdict(changes: readonly ApiChange[]): Verdict {
  if (changes.length === 0) return 'none';
  if (changes.some((c) => c.level === 'breaking')) return 'major';
  if (changes.some((c) => isAddition(c) || isDeprecation(c))) return 'minor';
  return 'patch';
}

/** Why the verdict is what it is, for people: `major (2 breaking changes)`. */
export function explainVerdict(verdict: Verdict, changes: readonly ApiChange[]): string {
  const n = (count: number, what: string): string => `${count} ${what}${count === 1 ? '' : 's'}`;
  switch (verdict) {
    case 'major':
      return `major (${n(changes.filter((c) => c.level === 'breaking').length, 'breaking change')})`;
    case 'minor':
      return `minor (${n(changes.filter((c) => isAddition(c) || isDeprecation(c)).length, 'addition or deprecation')}, nothing breaking)`;
    case 'patch':
      return `patch (${n(changes.length, 'change')}, no addition, nothing breaking)`;
    default:
      return 'none (no API change)';
  }
}

/** `version` raised by the verdict, the way `npm version` does (`1.2.3` + minor → `1.3.0`). */
export function bumpVersion(version: string, verdict: Verdict): string {
  if (verdict === 'none') return version;
  return semver.inc(version, verdict) ?? version;
}

export const isVersion = (v: string): boolean => semver.valid(v) !== null;
export const versionAfter = (a: string, b: string): boolean => semver.gt(a, b);
