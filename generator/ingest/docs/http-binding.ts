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
 * 1. what the pages show (reader/verb-evidence.ts): the request line (`POST /api/v3/x`, which
 *    gives the path too), the layout of the parameter rows, the request type line, the request
 *    body built by the sample code. Each page speaks with its
 *    most trusted trace; the method takes the most trusted kind any page has, and the majority
 *    of the pages with that kind (ties go to the first page in language order). Pages that
 *    disagree are reported (`md-verb-evidence-disagreement`);
 * 2. the parameters' shapes: a parameter a query string cannot carry (an object, a DTO) sends
 *    a JSON body;
 * 3. the name rule (http-rule.ts).
 *
 * The overrides file (overrides.ts) comes before all of them. A query-string placement is a
 * GET, a body placement a POST: only a request line names another verb, so for the published
 * pages a DELETE is a per-method fact for the overrides file. The path is the request line's
 * when the deciding page has one, else the one http-path.ts gives (a path the pages write out,
 * else the file name's).
 */
export function decideHttpBinding(
  words: readonly string[],
  { path, pathOrigin }: Pick<HttpBinding, 'path' | 'pathOrigin'>,
  params: readonly Field[],
  pages: readonly PageTraces[],
  source: SourceLocation,
  diagnostics: Diagnostic[],
): { http: HttpBinding; location: ParameterLocation } {
  const given = { path, pathOrigin };
  const bind = (placement: ParameterPlacement, verbOrigin: HttpBinding['verbOrigin'], stated: Pick<VerbTrace, 'verb' | 'path' | 'source'> = {} as VerbTrace) => {
    const { path, pathOrigin } =
      stated.path === undefined ? given : { path: stated.path, pathOrigin: { kind: 'evidence' as const, evidence: 'request-line', source: stated.source } };
    return {
      http: { verb: stated.verb ?? (placement === 'query' ? ('GET' as const) : ('POST' as const)), path, verbOrigin, pathOrigin },
      location: placement,
    };
  };

  const fromPages = pagesSay(pages, diagnostics);
  if (fromPages) return bind(fromPages.placement, { kind: 'evidence', evidence: fromPages.evidence, source: fromPages.source }, fromPages);

  const object = params.find((p) => !isQueryable(p.type));
  if (object) return bind('body', { kind: 'evidence', evidence: 'parameter-shape', source: object.source });

  const rule = verbRule(words, params);
  return bind(rule === 'query-name-scalar-params' ? 'query' : 'body', { kind: 'rule', rule, source });
}

/** What a trace says: the verb (from its placement when it states none) and the path it states. */
const claim = (t: VerbTrace): string => `${t.verb ?? (t.placement === 'query' ? 'GET' : 'POST')}${t.path === undefined ? '' : ` ${t.path}`}`;

function pagesSay(pages: readonly PageTraces[], diagnostics: Diagnostic[]): VerbTrace | undefined {
  for (const evidence of PAGE_EVIDENCE_ORDER) {
    const voting = pages.flatMap((p) => {
      const t = p.traces[0];
      return t && t.evidence === evidence ? [{ page: p, trace: t }] : [];
    });
    if (voting.length === 0) continue;
    const count = (c: string): number => voting.filter((v) => claim(v.trace) === c).length;
    // the claim most pages make; a tie goes to the first page in language order
    const winner = voting.reduce((best, v) => (count(claim(v.trace)) > count(claim(best.trace)) ? v : best)).trace;
    const won = claim(winner);
    for (const v of voting) {
      if (claim(v.trace) === won) continue;
      const message =
        evidence === 'request-line'
          ? `on this page the request line says ${claim(v.trace)}, but ${count(won)} of the method's ${voting.length} pages say ${won}; ${won} is used`
          : `on this page ${describeTrace(v.trace)} puts the parameters in the ${where(v.trace.placement)}, but ${count(won)} of the method's ${voting.length} pages put them in the ${where(winner.placement)}; the ${where(winner.placement)} is used`;
      diagnostics.push(
        diagnostic('md-verb-evidence-disagreement', message, v.trace.source, [
          { message: evidence === 'request-line' ? `${won} here` : `${where(winner.placement)} here`, location: winner.source },
        ]),
      );
    }
    return winner;
  }
  return undefined;
}

const where = (p: ParameterPlacement): string => (p === 'query' ? 'query string' : 'request body');
