import { formatLocation } from '../../diagnostics/format.js';
import type { ApiChange } from './compare.js';
import { explainVerdict, releaseVerdict, type Verdict } from './verdict.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffSummary {
  breaking: number;
  nonBreaking: number;
}

export function summarizeChanges(changes: readonly ApiChange[]): DiffSummary {
  const breaking = changes.filter((c) => c.level === 'breaking').length;
  return { breaking, nonBreaking: changes.length - breaking };
}

const where = (c: ApiChange): string => (c.path ? `${c.subject} ${c.path}` : c.subject);

/** One line per change, breaking first: `BREAKING  Client.method  parameter x  message  (file:line:col)`. */
export function formatText(changes: readonly ApiChange[], labels: { base: string; head: string }, verdict = releaseVerdict(changes)): string {
  const s = summarizeChanges(changes);
  const lines = [`${labels.base} → ${labels.head}: ${s.breaking} breaking, ${s.nonBreaking} non-breaking change(s); release: ${verdict}`];
  for (const c of changes) {
    const loc = c.head ?? c.base;
    lines.push(`${c.level === 'breaking' ? 'BREAKING' : 'change  '}  ${c.kind.padEnd(30)}  ${c.subject}: ${c.message}${loc ? `  (${formatLocation(loc)})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** A changelog section ready to paste: breaking changes, then additions, then other changes. */
export function formatMarkdown(changes: readonly ApiChange[], labels: { base: string; head: string }, verdict = releaseVerdict(changes)): string {
  const breaking = changes.filter((c) => c.level === 'breaking');
  const added = changes.filter((c) => c.level !== 'breaking' && /-added$/.test(c.kind));
  const other = changes.filter((c) => c.level !== 'breaking' && !/-added$/.test(c.kind));
  const out = [`## API changes (${code(labels.base)} → ${code(labels.head)})`, ''];
  if (changes.length === 0) out.push('No API changes.', '');
  else out.push(`Release: **${explainVerdict(verdict, changes)}**.`, '');
  const section = (title: string, list: readonly ApiChange[]): void => {
    if (list.length === 0) return;
    out.push(`### ${title}`, '');
    for (const c of list) out.push(`- ${code(c.subject)}: ${escapeMarkdown(c.message)}`);
    out.push('');
  };
  section('⚠️ Breaking changes', breaking);
  section('Added', added);
  section('Other changes', other);
  return out.join('\n');
}

export function formatJson(changes: readonly ApiChange[], labels: { base: string; head: string }, verdict = releaseVerdict(changes)): string {
  return JSON.stringify({ base: labels.base, head: labels.head, verdict, summary: summarizeChanges(changes), changes }, null, 2) + '\n';
}

export function formatChanges(format: DiffFormat, changes: readonly ApiChange[], labels: { base: string; head: string }, verdict: Verdict = releaseVerdict(changes)): string {
  return format === 'json' ? formatJson(changes, labels, verdict) : format === 'markdown' ? formatMarkdown(changes, labels, verdict) : formatText(changes, labels, verdict);
}

/** Inline code that survives backticks in the text (a longer fence, CommonMark's rule). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Messages quote names and values: keep them from being read as markdown or HTML. */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

export type { ApiChange };
