import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import { fileStemOfPath, pathOfFileStem } from '../../formats/page-file-path.js';
import type { Origin, SourceLocation } from '../../ir/types.js';
import type { PathMention } from '../reader/path-mentions.js';
import type { PageResult } from '../reader/read-page.js';
import type { PathRule } from './http-rule.js';

/** The paths the pages write out, by the page file name each would have (formats/page-file-path.ts). */
export type PathMentions = ReadonlyMap<string, readonly PathMention[]>;

export function indexPathMentions(pages: readonly PageResult[]): PathMentions {
  const index = new Map<string, PathMention[]>();
  const sorted = pages.flatMap((p) => p.pathMentions ?? []).sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line || a.source.column - b.source.column));
  for (const m of sorted) {
    const stem = fileStemOfPath(m.path);
    index.set(stem, [...(index.get(stem) ?? []), m]);
  }
  return index;
}

/**
 * A docs method's HTTP path (README, "HTTP verbs and paths"), from the first of:
 *
 * 1. a path the pages write out (`path-mention`) whose page file name would be this page's:
 *    `请使用 /api/v3/get-user-posts 接口` on another page gives get-user-posts.md its path, and a
 *    mention `/api/v3/metadata/create-field` would give metadata-create-field.md its slash. When
 *    the pages write two paths for one file name, the one the file name gives wins if written,
 *    else the most written, and the disagreement is reported;
 * 2. the page's file name (`api-v3-file-name`): `/api/v3/` + the name; a name with a leading
 *    dash is a path outside the base (`file-name-outside-base`: `-get-row-batch.md` →
 *    `/get-row-batch`), as the docs generator writes the slash it did not strip. A page outside
 *    the published layout is named by its method instead (`api-v3-method-name`).
 *
 * The overrides file (overrides.ts) comes after all of them, for paths the pages cannot give.
 */
export function decidePath(stem: string, rule: PathRule, mentions: PathMentions, source: SourceLocation, diagnostics: Diagnostic[]): { path: string; pathOrigin: Origin } {
  const named = rule === 'api-v3-file-name' ? pathOfFileStem(stem) : { path: `/api/v3/${stem}`, outsideBase: false };
  const written = mentions.get(stem) ?? [];
  if (written.length > 0) {
    const counts = new Map<string, PathMention[]>();
    for (const m of written) counts.set(m.path, [...(counts.get(m.path) ?? []), m]);
    const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const [path, seen] = ranked.find(([p]) => p === named.path) ?? ranked[0]!;
    if (ranked.length > 1) {
      const others = ranked.filter(([p]) => p !== path);
      diagnostics.push(
        diagnostic(
          'md-path-mention-conflict',
          `the pages write ${ranked.length} paths for ${stem}.md: ${path} (${seen.length}×) and ${others.map(([p, ms]) => `${p} (${ms.length}×)`).join(', ')}; ${path} is used`,
          others[0]![1][0]!.source,
          [{ message: path, location: seen[0]!.source }],
        ),
      );
    }
    return { path, pathOrigin: { kind: 'evidence', evidence: 'path-mention', source: seen[0]!.source } };
  }
  return { path: named.path, pathOrigin: { kind: 'rule', rule: named.outsideBase ? 'file-name-outside-base' : rule, source } };
}
