import type { Api, Constraints, ErrorResponse, Method, Parameter, SecurityRequirement, SecurityScheme, Server } from '../../ir/types.js';
import type { ChangeLevel } from './compare.js';
import type { Direction } from './usage.js';

/**
 * What a change of the wire contract does to callers, beside the types: validation keywords,
 * how parameters are serialised, which credentials a call needs, where it goes, how it fails.
 * Each comparison reports through `push(kind, level, message)`; compare.ts adds the subject,
 * the path and the locations.
 */
export type Push = (kind: string, level: ChangeLevel, message: string) => void;

/** Level of a change that breaks callers in `breaksOn` directions only (compare.ts's rule). */
export function levelFor(direction: Direction, breaksOn: { request: boolean; response: boolean }): ChangeLevel {
  const breaks = direction === 'both' ? breaksOn.request || breaksOn.response : breaksOn[direction];
  return breaks ? 'breaking' : 'non-breaking';
}

type Bound = 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'minItems' | 'maxItems';
/** Lower bounds tighten when they rise, upper bounds when they fall. */
const BOUNDS: { key: Bound; lower: boolean }[] = [
  { key: 'minLength', lower: true },
  { key: 'maxLength', lower: false },
  { key: 'minimum', lower: true },
  { key: 'exclusiveMinimum', lower: true },
  { key: 'maximum', lower: false },
  { key: 'exclusiveMaximum', lower: false },
  { key: 'minItems', lower: true },
  { key: 'maxItems', lower: false },
];

/**
 * Validation keywords of one schema in two versions. A tightened constraint (fewer values pass)
 * breaks senders (request); a loosened one breaks receivers that validate (response), the same
 * rule as a narrowed or widened type. A changed pattern or multipleOf may do both.
 */
export function compareConstraints(a: Constraints | undefined, b: Constraints | undefined, direction: Direction, push: Push): void {
  const tightened = (kind: string, message: string): void => push(kind, levelFor(direction, { request: true, response: false }), message);
  const loosened = (kind: string, message: string): void => push(kind, levelFor(direction, { request: false, response: true }), message);
  const either = (kind: string, message: string): void => push(kind, levelFor(direction, { request: true, response: true }), message);
  for (const { key, lower } of BOUNDS) {
    const x = num(a?.[key]);
    const y = num(b?.[key]);
    if (x === y) continue;
    const text = `${key} ${x === undefined ? '(none)' : x} → ${y === undefined ? '(none)' : y}`;
    const tighter = x === undefined || (y !== undefined && (lower ? y > x : y < x));
    if (tighter) tightened('constraint-tightened', text);
    else loosened('constraint-loosened', text);
  }
  const pa = str(a?.pattern);
  const pb = str(b?.pattern);
  if (pa !== pb) {
    if (pa === undefined) tightened('constraint-tightened', `pattern ${JSON.stringify(pb)} added`);
    else if (pb === undefined) loosened('constraint-loosened', `pattern ${JSON.stringify(pa)} removed`);
    else either('constraint-changed', `pattern changed from ${JSON.stringify(pa)} to ${JSON.stringify(pb)}`);
  }
  const ma = num(a?.multipleOf);
  const mb = num(b?.multipleOf);
  if (ma !== mb) {
    if (ma === undefined) tightened('constraint-tightened', `multipleOf ${mb} added`);
    else if (mb === undefined) loosened('constraint-loosened', `multipleOf ${ma} removed`);
    // every multiple of a multiple of `ma` is a multiple of `ma`: a new step that is one only tightens
    else if (Number.isInteger(mb / ma)) tightened('constraint-tightened', `multipleOf ${ma} → ${mb}`);
    else either('constraint-changed', `multipleOf ${ma} → ${mb}`);
  }
  const ua = a?.uniqueItems === true;
  const ub = b?.uniqueItems === true;
  if (!ua && ub) tightened('constraint-tightened', 'items must now be unique');
  if (ua && !ub) loosened('constraint-loosened', 'items need no longer be unique');
}

// a snapshot read back from disk is untrusted: only numbers and strings count
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** OpenAPI's defaults (README, "Parameter serialisation"): what a parameter's absent keys mean. */
function effectiveStyle(p: Parameter): { style: string; explode: boolean; allowReserved: boolean } {
  const style = p.style ?? (p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple');
  return { style, explode: p.explode ?? style === 'form', allowReserved: p.allowReserved === true };
}

/** A parameter written differently on the wire: old callers' values reach the server in a form it no longer reads. */
export function compareSerialization(a: Parameter, b: Parameter, push: Push): void {
  if (a.in !== b.in || a.in === 'body') return;
  const x = effectiveStyle(a);
  const y = effectiveStyle(b);
  if (x.style !== y.style) push('parameter-style-changed', 'breaking', `style changed from ${x.style} to ${y.style}`);
  if (x.explode !== y.explode) push('parameter-style-changed', 'breaking', `explode changed from ${x.explode} to ${y.explode}`);
  if (x.allowReserved !== y.allowReserved) push('parameter-style-changed', 'non-breaking', `reserved characters are ${y.allowReserved ? 'no longer' : 'now'} escaped`);
  if ((a.contentType ?? '') !== (b.contentType ?? '')) push('parameter-content-type-changed', 'breaking', `content type changed from ${a.contentType ?? '(none)'} to ${b.contentType ?? '(none)'}`);
}

/** The security that applies to a method: its own, else its client's, else the API's. */
export function effectiveSecurity(api: Api, clientName: string, m: Method): SecurityRequirement[] {
  return m.security ?? api.clients.find((c) => c.name === clientName)?.security ?? api.security ?? [];
}

/** One alternative as text: `oauth(read:user write:user) + apiKey`; `(none)` for the empty one. */
const alternative = (r: SecurityRequirement): string =>
  r.schemes.length === 0
    ? '(none)'
    : r.schemes
        .map((s) => `${s.name}${s.scopes.length > 0 ? `(${[...s.scopes].sort().join(' ')})` : ''}`)
        .sort()
        .join(' + ');

/**
 * Credentials a method accepts, as its alternatives. A caller set up for an alternative the new
 * version no longer lists fails (breaking); a new alternative is one more way in. No security
 * at all counts as the one alternative "(none)", so adding a requirement where there was none breaks.
 */
export function compareSecurity(a: readonly SecurityRequirement[], b: readonly SecurityRequirement[], push: Push): void {
  const set = (rs: readonly SecurityRequirement[]): Set<string> => new Set(rs.length === 0 ? ['(none)'] : rs.map(alternative));
  const before = set(a);
  const after = set(b);
  for (const x of before) if (!after.has(x)) push('security-removed', 'breaking', `credentials ${x} no longer accepted`);
  for (const x of after) if (!before.has(x)) push('security-added', 'non-breaking', `credentials ${x} now accepted`);
}

/** A scheme of one name whose meaning changed (where the key travels, which kind of token) breaks the callers that use it. */
export function compareSecuritySchemes(a: readonly SecurityScheme[], b: readonly SecurityScheme[], push: (name: string, kind: string, level: ChangeLevel, message: string) => void): void {
  const shape = (s: SecurityScheme): string => [s.type, s.in ?? '', s.parameterName ?? ''].join(' ');
  const after = new Map(b.map((s) => [s.name, s]));
  for (const s of a) {
    const t = after.get(s.name);
    if (t && shape(s) !== shape(t)) push(s.name, 'security-scheme-changed', 'breaking', `scheme ${s.name} changed from ${shape(s).trim()} to ${shape(t).trim()}`);
  }
}

/**
 * Base URLs: a server that disappears breaks callers who chose it; a new default moves every
 * caller that did not choose (reported, not breaking: the API itself says where it lives now).
 */
export function compareServers(a: readonly Server[], b: readonly Server[], push: Push): void {
  const urls = (s: readonly Server[]): string[] => s.map((x) => x.url);
  const before = urls(a);
  const after = urls(b);
  for (const u of before) if (!after.includes(u)) push('server-removed', 'breaking', `server ${u} removed`);
  for (const u of after) if (!before.includes(u)) push('server-added', 'non-breaking', `server ${u} added`);
  if (before[0] !== undefined && after[0] !== undefined && before[0] !== after[0]) push('server-default-changed', 'non-breaking', `default server changed from ${before[0]} to ${after[0]}`);
  for (const s of a) {
    const t = b.find((x) => x.url === s.url);
    if (!t) continue;
    const vars = new Map((t.variables ?? []).map((v) => [v.name, v]));
    for (const v of s.variables ?? []) {
      const w = vars.get(v.name);
      if (!w) {
        push('server-variable-removed', 'breaking', `server ${s.url}: variable ${v.name} removed`);
        continue;
      }
      const gone = (v.enum ?? []).filter((e) => w.enum !== undefined && !w.enum.includes(e));
      if (gone.length > 0) push('server-variable-value-removed', 'breaking', `server ${s.url}: ${v.name} no longer takes ${gone.map((g) => JSON.stringify(g)).join(', ')}`);
      if (v.default !== w.default) push('server-variable-default-changed', 'non-breaking', `server ${s.url}: ${v.name} defaults to ${JSON.stringify(w.default)} (was ${JSON.stringify(v.default)})`);
    }
  }
}

/**
 * Documented failures, by status. A new or removed error status changes what callers may
 * catch, not what they compile against; its body's type is compared like a response.
 */
export function compareErrors(
  a: readonly ErrorResponse[],
  b: readonly ErrorResponse[],
  push: Push,
  body: (x: ErrorResponse, y: ErrorResponse) => void,
): void {
  const after = new Map(b.map((e) => [e.status, e]));
  const before = new Map(a.map((e) => [e.status, e]));
  for (const [status] of before) if (!after.has(status)) push('error-response-removed', 'non-breaking', `error response ${status} no longer documented`);
  for (const [status] of after) if (!before.has(status)) push('error-response-added', 'non-breaking', `error response ${status} documented`);
  for (const [status, x] of before) {
    const y = after.get(status);
    if (y) body(x, y);
  }
}
