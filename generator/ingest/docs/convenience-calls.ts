import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import { fileStemOfPath } from '../../formats/page-file-path.js';
import type { Field, FixedBodyMember, Method, NamedType, Parameter, TypeRef } from '../../ir/types.js';
import { splitWords } from '../../naming/words.js';
import { codeSpans } from '../page/inline.js';

/**
 * Convenience methods (README, "HTTP verbs and paths"): a page that documents a call over another
 * endpoint of its client rather than an endpoint of its own. `signin-by-ad.md` documents
 * `signInByAD({ sAMAccountName, password, options })`, and the API has no `/api/v3/signin-by-ad`:
 * the call is `POST /api/v3/signin` (`signin.md`) with `connection: 'AD'` and
 * `adPayload: { sAMAccountName, password }`. The pages show it, all of it:
 *
 * 1. the page's file name extends the endpoint's (`signin-by-ad` → `signin`), as the docs
 *    generator names a variant of an endpoint;
 * 2. each of its parameters is either a body parameter of the endpoint, same name and type
 *    (`options`), or a field of one object parameter of the endpoint (`adPayload`, whose DTO has
 *    `sAMAccountName` and `password`) whose name shares a word with the method's name (`ad`:
 *    `ldapPayload` has the same fields);
 * 3. the endpoint's other required parameters are enums, and the object parameter's description
 *    names one value of each in backticks (`当认证方式为 `AD` 时此参数必填`): the call fixes it.
 *
 * Such a method keeps its parameters; they are sent where the endpoint takes them
 * (`Parameter.bodyPath`), with the fixed members (`HttpBinding.fixedBody`), to the endpoint's
 * verb and path, recorded as evidence `convenience-call`. Each decision is an info diagnostic.
 * A page that states its endpoint in a request line (the docs sdkforge emits) is one when its
 * line names the endpoint's verb and path: verb and path stay the line's, the body layout is added.
 */
export function bindConvenienceCalls(methods: readonly Method[], types: readonly NamedType[], diagnostics: Diagnostic[]): Method[] {
  const typeOf = new Map(types.map((t) => [t.name, t.type]));
  return methods.map((m) => {
    if (!isPageBodyCall(m)) return m;
    const stated = statesEndpoint(m);
    const found = methods.flatMap((t) => {
      if (t === m || t.client !== m.client || !isPageBodyCall(t)) return [];
      if (!pageStem(m).startsWith(`${fileStemOfPath(t.http.path)}-`)) return [];
      // a request line (the docs sdkforge emits) already names the endpoint called: it must be this one
      if (stated && (m.http.verb !== t.http.verb || m.http.path !== t.http.path)) return [];
      const call = callOver(m, t, typeOf);
      return call ? [call] : [];
    });
    if (found.length === 0) return m;
    const only = found[0]!;
    if (found.length > 1 || !('payload' in only)) {
      const fits = (c: Call | Unsure): string => `${c.target.http.path} (${'payload' in c ? c.payload.name : c.payloads.join(' or ')})`;
      diagnostics.push(diagnostic('md-convenience-call-ambiguous', `${m.client}.${m.id} fits more than one body as a convenience call: ${found.map(fits).join(', ')}; it keeps ${m.http.path}`, m.source));
      return m;
    }
    const { target, payload, fixed } = only;
    const origin = { kind: 'evidence' as const, evidence: 'convenience-call', source: payload.source };
    const inPayload = (p: Parameter): boolean => !target.parameters.some((q) => q.name === p.name && sameType(q.type, p.type));
    diagnostics.push(
      diagnostic(
        'md-convenience-call',
        `${m.client}.${m.id} is a convenience call over ${target.client}.${target.id}: ${target.http.verb} ${target.http.path} with ${fixed.map((f) => `${f.name} ${JSON.stringify(f.value)}`).join(', ')} and ${m.parameters
          .filter(inPayload)
          .map((p) => p.name)
          .join(', ')} in ${payload.name} (${m.http.path}, which its file name gives, is not called)`,
        m.source,
        [{ message: `${payload.name} of ${target.client}.${target.id}`, location: payload.source }],
      ),
    );
    return {
      ...m,
      http: stated ? { ...m.http, fixedBody: fixed } : { verb: target.http.verb, path: target.http.path, verbOrigin: origin, pathOrigin: origin, fixedBody: fixed },
      parameters: m.parameters.map((p) => (inPayload(p) ? { ...p, bodyPath: [payload.name] } : p)),
    };
  });
}

/** The path came from the page's request line (reader/request-line.ts), which names the endpoint called. */
const statesEndpoint = (m: Method): boolean => m.http.pathOrigin.kind === 'evidence' && m.http.pathOrigin.evidence === 'request-line';

/** The file name of the method's page: the path's, else (a request line's path) the page's own. */
const pageStem = (m: Method): string => (statesEndpoint(m) ? (m.source.file.split('/').pop() ?? '').replace(/\.[^.]*$/, '') : fileStemOfPath(m.http.path));

/**
 * A method whose path came from its page's file name (or its request line) and whose parameters
 * are body members.
 */
function isPageBodyCall(m: Method): boolean {
  const o = m.http.pathOrigin;
  return ((o.kind === 'rule' && o.rule === 'api-v3-file-name') || statesEndpoint(m)) && m.parameters.length > 0 && m.parameters.every((p) => p.in === 'body') && m.requestBody === undefined;
}

interface Call {
  target: Method;
  payload: Field;
  fixed: FixedBodyMember[];
}

/** The parameters fit several object parameters of the endpoint, and the method's name picks none. */
interface Unsure {
  target: Method;
  payloads: string[];
}

function callOver(m: Method, target: Method, typeOf: ReadonlyMap<string, TypeRef>): Call | Unsure | undefined {
  const shared = (p: Parameter): boolean => target.parameters.some((q) => q.name === p.name && sameType(q.type, p.type));
  const rest = m.parameters.filter((p) => !shared(p));
  if (rest.length === 0) return undefined;
  const calls = target.parameters.flatMap((payload): Call[] => {
    const t = payload.type.kind === 'ref' ? typeOf.get(payload.type.name) : undefined;
    if (t?.kind !== 'object' || !rest.every((p) => t.fields.some((x) => x.name === p.name && sameType(x.type, p.type)))) return [];
    const fixed = fixedMembers(m, target, payload);
    return fixed ? [{ target, payload, fixed }] : [];
  });
  // the payload's name shares a word with the method's (signInByAD: adPayload, not ldapPayload)
  const words = new Set(m.words);
  const named = calls.filter((c) => splitWords(c.payload.name).some((w) => words.has(w)));
  if (named.length === 1) return named[0];
  return calls.length > 1 ? { target, payloads: (named.length > 1 ? named : calls).map((c) => c.payload.name) } : undefined;
}

/**
 * The endpoint's required parameters the method does not give: each an enum whose value the
 * payload's description names (`当认证方式为 `AD` 时此参数必填`); undefined when one is not, or
 * when there is none (then nothing says the method is a variant of the endpoint).
 */
function fixedMembers(m: Method, target: Method, payload: Field): FixedBodyMember[] | undefined {
  const mentioned = new Set(codeSpans(payload.description ?? ''));
  const fixed: FixedBodyMember[] = [];
  for (const q of target.parameters) {
    if (!q.required || q === payload || m.parameters.some((p) => p.name === q.name)) continue;
    if (q.type.kind !== 'enum') return undefined;
    const values = q.type.values.filter((v) => mentioned.has(String(v.value)));
    if (values.length !== 1) return undefined;
    fixed.push({ name: q.name, value: values[0]!.value, source: values[0]!.source });
  }
  return fixed.length > 0 ? fixed : undefined;
}

const sameType = (a: TypeRef, b: TypeRef): boolean => JSON.stringify(a) === JSON.stringify(b);
