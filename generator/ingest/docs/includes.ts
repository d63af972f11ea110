import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import { diagnostic } from '../../diagnostics/collector.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { LineRun } from '../page/relocate.js';

/**
 * Include directives, expanded the way the docs site does it (markdown-it-include): the text of
 * `!!!include(reference/sdk/common/token_response_table.md)!!!` replaces the directive before the
 * page is parsed, minus one trailing newline, and a fragment's own directives are expanded too.
 * This module does the splicing (pure); include-files.ts finds and reads the files.
 */

/** markdown-it-include's default pattern; the parentheses around the path are optional. */
const DIRECTIVE = /!{3}\s*include(.+?)!{3}/gi;

/** What the resolver says about one directive's target, as seen from the file holding it. */
export type IncludeTarget =
  | { ok: true; file: string; text: string; /** identity for cycle checks (the real path) */ key: string }
  | { ok: false; code: Extract<DiagnosticCode, `md-include-${string}`>; message: string };

export type IncludeResolver = (target: string, fromFile: string) => IncludeTarget;

export interface Expansion {
  /** The page's text with every resolvable directive replaced by its file's text. */
  text: string;
  /** Which file and line each line of `text` comes from (runs of consecutive lines). */
  runs: LineRun[];
  /** The files pulled in, in order of first use (cwd-relative). */
  fragments: string[];
  diagnostics: Diagnostic[];
}

/** Limits that keep a hostile page from looping or exhausting memory. */
export const INCLUDE_LIMITS = { depth: 8, includes: 200, chars: 4_000_000 };

interface Lines {
  lines: string[];
  origins: { file: string; line: number }[];
}

/** True when the text holds a directive (cheap test before any work). */
export const hasIncludes = (text: string): boolean => /!{3}\s*include/i.test(text);

/**
 * Expands the directives of one page. Unresolved, refused or cyclic directives stay as written
 * (the reader skips them as prose) and are reported where they are written.
 */
export function expandIncludes(file: string, text: string, resolve: IncludeResolver, pageKey = file): Expansion {
  const diagnostics: Diagnostic[] = [];
  const fragments: string[] = [];
  const budget = { includes: 0, chars: text.length };

  const expand = (from: string, source: string, chain: readonly string[]): Lines => {
    const out: Lines = { lines: [], origins: [] };
    const srcLines = source.split(/\r?\n/);
    srcLines.forEach((line, i) => {
      const here = { file: from, line: i + 1 };
      if (!line.includes('!!!')) {
        out.lines.push(line);
        out.origins.push(here);
        return;
      }
      let cur = '';
      let origin = here;
      let last = 0;
      for (const m of line.matchAll(DIRECTIVE)) {
        cur += line.slice(last, m.index);
        last = m.index + m[0].length;
        const at = { file: from, line: i + 1, column: m.index + 1 };
        const target = m[1]!.trim().replace(/^\((.*)\)$/, '$1').trim();
        const fail = (code: Extract<DiagnosticCode, `md-include-${string}`>, message: string): void => {
          diagnostics.push(diagnostic(code, message, at));
          cur += m[0];
        };
        if (++budget.includes > INCLUDE_LIMITS.includes) {
          // reported once: the directives left are not expanded
          if (budget.includes === INCLUDE_LIMITS.includes + 1) fail('md-include-refused', `more than ${INCLUDE_LIMITS.includes} includes on one page; "${target}" and the rest are not expanded`);
          else cur += m[0];
          continue;
        }
        if (chain.length > INCLUDE_LIMITS.depth) {
          fail('md-include-cycle', `include of "${target}" is nested more than ${INCLUDE_LIMITS.depth} deep; not expanded`);
          continue;
        }
        const found = resolve(target, from);
        if (!found.ok) {
          fail(found.code, found.message);
          continue;
        }
        if (chain.includes(found.key)) {
          fail('md-include-cycle', `"${target}" (${found.file}) is already being included here: a cycle; not expanded`);
          continue;
        }
        budget.chars += found.text.length;
        if (budget.chars > INCLUDE_LIMITS.chars) {
          budget.includes = INCLUDE_LIMITS.includes + 1;
          fail('md-include-refused', `expanding "${target}" would make the page longer than ${INCLUDE_LIMITS.chars} characters; not expanded`);
          continue;
        }
        if (!fragments.includes(found.file)) fragments.push(found.file);
        // markdown-it-include drops one trailing newline, so a fragment does not end the paragraph it is in
        const sub = expand(found.file, found.text.replace(/\r?\n$/, ''), [...chain, found.key]);
        // a directive alone on its line: the line is the fragment's; text before it keeps the line the page's
        if (cur.trim() === '' && sub.lines[0] !== '') origin = sub.origins[0]!;
        cur += sub.lines[0]!;
        if (sub.lines.length > 1) {
          out.lines.push(cur);
          out.origins.push(origin);
          for (let k = 1; k < sub.lines.length - 1; k++) {
            out.lines.push(sub.lines[k]!);
            out.origins.push(sub.origins[k]!);
          }
          cur = sub.lines[sub.lines.length - 1]!;
          origin = sub.origins[sub.origins.length - 1]!;
        }
      }
      cur += line.slice(last);
      out.lines.push(cur);
      out.origins.push(origin);
    });
    return out;
  };

  const { lines, origins } = expand(file, text, [pageKey]);
  return { text: lines.join('\n'), runs: toRuns(origins), fragments, diagnostics };
}

/** Consecutive lines of one file become one run. */
function toRuns(origins: readonly { file: string; line: number }[]): LineRun[] {
  const runs: LineRun[] = [];
  origins.forEach((o, i) => {
    const prev = runs[runs.length - 1];
    if (prev && prev.file === o.file && prev.line + prev.count === o.line && prev.from + prev.count === i + 1) prev.count++;
    else runs.push({ from: i + 1, count: 1, file: o.file, line: o.line });
  });
  return runs;
}
