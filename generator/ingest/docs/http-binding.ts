import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import type { ParameterPlacement } from '../../formats/parameter-rows.js';
import type { Field, HttpBinding, ParameterLocation, SourceLocation } from '../../ir/types.js';
import { PAGE_EVIDENCE_ORDER, describeTrace, type VerbTrace } from '../reader/verb-evidence.js';
import { isQueryable, verbRule } from './http-rule.js';

/** One page of a method, with what it says about where the parameters travel. */
export interface PageTraces {
  file: string;
  traces: readonly VerbTrace[];
}

/**
 * A method's verb (README, "HTTP verbs and paths"), bound with its path (http-path.ts). The verb
 * comes from the first of:
 *
 * 1. what the pages show (reader/verb-evidence.ts): the layout of the parameter rows, the
 *    request type line, the request body built by the sample code. Each page speaks with its
 *    most trusted trace; the method takes the most trusted kind any page has, and the majority
 *    of the pages with that kind (ties go to the first page in language order). Pages that
 *    disagree are reported (`md-verb-evidence-disagreement`);
 * 2. the parameters' shapes: a parameter a query string cannot carry (an object, a DTO) sends
 *    a JSON body;
 * 3. the name rule (http-rule.ts).
 *
 * The overrides file (overrides.ts) comes before all of them. A query-string placement is a
 * GET, a body placement a POST: the pages cannot tell a DELETE from a GET, so a DELETE is a
 * per-method fact for the overrides file.
 */
export function decideHttpBinding(
  words: readonly string[],
  { path, pathOrigin }: Pick<HttpBinding, 'path' | 'pathOrigin'>,
  params: readonly Field[],
  pages: readonly PageTraces[],
  source: SourceLocation,
  diagnostics: Diagnostic[],
): { http: HttpBinding; location: ParameterLocation } {
  const bind = (placement: ParameterPlacement, verbOrigin: HttpBinding['verbOrigin']) => ({
    http: { verb: placement === 'query' ? ('GET' as const) : ('POST' as const), path, verbOrigin, pathOrigin },
    location: placement,
  });

  const fromPages = pagesSay(pages, diagnostics);
  if (fromPages) return bind(fromPages.placement, { kind: 'evidence', evidence: fromPages.evidence, source: fromPages.source });

  const object = params.find((p) => !isQueryable(p.type));
  if (object) return bind('body', { kind: 'evidence', evidence: 'parameter-shape', source: object.source });

  const rule = verbRule(words, params);
  return bind(rule === 'query-name-scalar-params' ? 'query' : 'body', { kind: 'rule', rule, source });
}

function pagesSay(pages: readonly PageTraces[], diagnostics: Diagnostic[]): VerbTrace | undefined {
  for (const evidence of PAGE_EVIDENCE_ORDER) {
    const voting = pages.flatMap((p) => {
      const t = p.traces[0];
      return t && t.evidence === evidence ? [{ page: p, trace: t }] : [];
    });
    if (voting.length === 0) continue;
    const count = (pl: ParameterPlacement): number => voting.filter((v) => v.trace.placement === pl).length;
    const winner: ParameterPlacement = count('query') === count('body') ? voting[0]!.trace.placement : count('query') > count('body') ? 'query' : 'body';
    const majority = voting.find((v) => v.trace.placement === winner)!;
    for (const v of voting) {
      if (v.trace.placement === winner) continue;
      diagnostics.push(
        diagnostic(
          'md-verb-evidence-disagreement',
          `on this page ${describeTrace(v.trace)} puts the parameters in the ${where(v.trace.placement)}, but ${count(winner)} of the method's ${voting.length} pages put them in the ${where(winner)}; the ${where(winner)} is used`,
          v.trace.source,
          [{ message: `${where(winner)} here`, location: majority.trace.source }],
        ),
      );
    }
    return majority.trace;
  }
  return undefined;
}

const where = (p: ParameterPlacement): string => (p === 'query' ? 'query string' : 'request body');
