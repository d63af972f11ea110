/** Server Object (OpenAPI 3.x §4.8.5–6) → IR Server. */
import type { Server, ServerVariable } from '../../ir/types.js';
import { isObject, type SpecContext, type Where } from './context.js';

/** `servers` of the document, a Path Item or an Operation; undefined when absent or empty. */
export function serversOf(raw: unknown, at: Where, ctx: SpecContext): Server[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    ctx.report('openapi-server-skipped', '`servers` is not a list', at);
    return undefined;
  }
  const out: Server[] = [];
  raw.forEach((s, i) => {
    const where = ctx.child(at, i, s);
    if (!isObject(s) || typeof s.url !== 'string' || s.url === '') {
      ctx.report('openapi-server-skipped', 'a server without a `url` is skipped', where);
      return;
    }
    const server: Server = { url: s.url, source: where.loc };
    if (typeof s.description === 'string' && s.description) server.description = s.description;
    const variables = variablesOf(s, where, ctx);
    if (variables.length > 0) server.variables = variables;
    out.push(server);
  });
  return out.length > 0 ? out : undefined;
}

function variablesOf(s: Record<string, unknown>, at: Where, ctx: SpecContext): ServerVariable[] {
  const declared = isObject(s.variables) ? s.variables : {};
  const out: ServerVariable[] = [];
  for (const [name, v] of Object.entries(declared)) {
    if (!isObject(v) || typeof v.default !== 'string') {
      ctx.report('openapi-server-skipped', `server variable ${name} has no string default; the caller must give it`, ctx.child(ctx.child(at, 'variables', declared), name, v));
      continue;
    }
    const variable: ServerVariable = { name, default: v.default };
    if (Array.isArray(v.enum) && v.enum.every((e) => typeof e === 'string') && v.enum.length > 0) variable.enum = v.enum as string[];
    if (typeof v.description === 'string' && v.description) variable.description = v.description;
    out.push(variable);
  }
  return out;
}
