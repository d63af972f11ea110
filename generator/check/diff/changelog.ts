import { formatLocation } from '../../diagnostics/format.js';
import type { Api } from '../../ir/types.js';
import { allMethods, methodTypes, reachableTypes } from '../../ir/walk.js';
import { clientClassName, methodMemberNames } from '../../naming/members.js';
import type { ApiChange } from './compare.js';
import { code, escapeMarkdown } from './format.js';
import { isAddition, isDeprecation, type Verdict } from './verdict.js';

/**
 * A Keep a Changelog entry (https://keepachangelog.com/en/1.1.0/) for a set of API changes:
 * Added, Changed, Deprecated, Removed; breaking changes marked and listed first in each section;
 * every line names the method (for a type, the methods that use it) and the docs file:line.
 */
export interface ChangelogEntry {
  /** `1.3.0`, or `Unreleased` when the version is not known. */
  version: string;
  /** `YYYY-MM-DD`; no date unless asked (the output is deterministic). */
  date?: string;
  verdict: Verdict;
  changes: readonly ApiChange[];
}

export const CHANGELOG_HEADER = [
  '# Changelog',
  '',
  'All notable changes to this SDK, newest first. The format is based on',
  '[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and versions follow',
  '[Semantic Versioning](https://semver.org/spec/v2.0.0.html). Written by sdkforge from the',
  'changes of the API between two generations.',
  '',
].join('\n');

type Section = 'Added' | 'Changed' | 'Deprecated' | 'Removed';
const SECTIONS: Section[] = ['Added', 'Changed', 'Deprecated', 'Removed'];

function sectionOf(c: ApiChange): Section {
  if (isDeprecation(c)) return 'Deprecated';
  if (/-removed$/.test(c.kind)) return 'Removed';
  if (isAddition(c)) return 'Added';
  return 'Changed';
}

/**
 * Which methods use each named type, by display name (`ManagementClient.getUser`): a change to
 * a DTO is told by the methods a user calls. Both versions count (a removed type was used in base).
 */
export function typeUsers(...apis: Api[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const api of apis) {
    for (const c of api.clients) {
      const members = methodMemberNames(c);
      const cls = clientClassName(c);
      for (const m of c.methods) {
        const display = `${cls}.${members.get(m.id) ?? m.id}`;
        for (const name of reachableTypes(api, methodTypes(m))) {
          const set = out.get(name) ?? new Set<string>();
          set.add(display);
          out.set(name, set);
        }
      }
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

const USERS_SHOWN = 3;

function line(c: ApiChange, users: ReadonlyMap<string, readonly string[]>): string {
  const loc = c.head ?? c.base;
  const where = c.path ? ` ${escapeMarkdown(c.path)}` : '';
  const usedBy = users.get(c.subject);
  const by =
    usedBy && usedBy.length > 0
      ? ` (used by ${usedBy.slice(0, USERS_SHOWN).map(code).join(', ')}${usedBy.length > USERS_SHOWN ? ` and ${usedBy.length - USERS_SHOWN} more` : ''})`
      : '';
  const mark = c.level === 'breaking' ? '**BREAKING** ' : '';
  return `- ${mark}${code(c.subject)}${where}${by}: ${escapeMarkdown(c.message)}${loc ? ` (${code(formatLocation(loc))})` : ''}`;
}

/** The entry as markdown: `## [1.3.0] - 2025-01-31`, then the non-empty sections. */
export function formatChangelogEntry(entry: ChangelogEntry, users: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const heading = `## [${entry.version}]${entry.date ? ` - ${entry.date}` : ''}`;
  const out = [heading, ''];
  if (entry.changes.length === 0) out.push('No API changes.', '');
  for (const section of SECTIONS) {
    const list = entry.changes.filter((c) => sectionOf(c) === section);
    if (list.length === 0) continue;
    // breaking first, then substance, then prose-only changes (sortChanges already orders by level)
    const rank = (c: ApiChange): number => (c.level === 'breaking' ? 0 : 2) + (/description-changed$/.test(c.kind) ? 1 : 0);
    const ordered = [...list].sort((a, b) => rank(a) - rank(b));
    out.push(`### ${section}`, '', ...ordered.map((c) => line(c, users)), '');
  }
  return out.join('\n');
}

/**
 * `changelog` with `entry` put before its newest entry (or after the header of a new file).
 * An entry of the same version already at the top is replaced, so regenerating twice writes one entry.
 */
export function prependEntry(changelog: string | undefined, entryText: string, version: string): string {
  const text = changelog && changelog.trim() !== '' ? changelog : CHANGELOG_HEADER;
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^## \[/.test(l));
  if (first < 0) return `${text.replace(/\n*$/, '\n\n')}${entryText.replace(/\n*$/, '\n')}`;
  let rest = lines.slice(first);
  if (rest[0]!.startsWith(`## [${version}]`)) {
    const next = rest.findIndex((l, i) => i > 0 && /^## \[/.test(l));
    rest = next < 0 ? [] : rest.slice(next);
  }
  const head = lines.slice(0, first).join('\n');
  return `${head.replace(/\n*$/, '\n\n')}${entryText.replace(/\n*$/, '\n')}${rest.length > 0 ? '\n' + rest.join('\n') : ''}`.replace(/\n*$/, '\n');
}

/**
 * Dates the newest entry when it is `version`'s and has no date yet (`generate --release-date`
 * on the day of the release, after the entry was written undated with the change).
 */
export function dateTopEntry(changelog: string, version: string, date: string): string {
  const lines = changelog.split('\n');
  const first = lines.findIndex((l) => /^## \[/.test(l));
  if (first < 0 || lines[first] !== `## [${version}]`) return changelog;
  lines[first] = `## [${version}] - ${date}`;
  return lines.join('\n');
}
