import type { HttpVerb } from '../ir/types.js';
import type { ParameterPlacement } from './parameter-rows.js';

/**
 * The request line of a method page: the endpoint stated as readers expect it,
 * `POST /api/v3/get-user-mfa-info`, one code span in the paragraph right after the method name
 * (with the template's lead-in, `Request: ` / `请求：`). The docs emitter (emit/docs/method-page.ts)
 * writes it; the page reader (ingest/reader/request-line.ts) takes it as the first evidence of
 * the verb and the path, so both survive a round trip through the pages, in any format: a
 * rendered page keeps the text where it loses the markdown's row layout.
 */
export const HTTP_VERBS: readonly HttpVerb[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** The code span's text: the verb, one space, the path as it is (the emitter escapes it like any text). */
export const formatRequestLine = (verb: HttpVerb, path: string): string => `${verb} ${path}`;

/**
 * Where a verb's parameters travel when the docs say nothing else: verbs without a body take
 * them in the query string, the others in a JSON body.
 */
export function placementOfVerb(verb: HttpVerb): ParameterPlacement {
  return verb === 'GET' || verb === 'DELETE' || verb === 'HEAD' || verb === 'OPTIONS' ? 'query' : 'body';
}

const VERB_AND_PATH = new RegExp(`^(${HTTP_VERBS.join('|')}) (/[^\\n]*)$`);
/** An optional short lead-in ending in a colon (the template's wording, any language), then the rest. */
const LEAD_IN = /^(?:[^`\n:：]{1,40}[:：])?[ \t\u3000]*/;

/**
 * The verb and path of a request line as the page layer has it (canonical inline text): the
 * lead-in, then one code span holding `VERB /path`, or, in copied text where code spans are
 * lost, `VERB /path` as plain text. Anything else is undefined.
 */
export function parseRequestLine(text: string): { verb: HttpVerb; path: string } | undefined {
  const line = text.trim();
  if (line.includes('\n')) return undefined;
  const rest = line.slice(LEAD_IN.exec(line)![0].length);
  let inner = rest;
  const code = /^(`+)([^`]|[^`][\s\S]*?[^`])\1$/.exec(rest);
  if (code) {
    inner = code[2]!;
    // two code spans (`a` or `b`) are not one
    if (new RegExp(`(?<!\`)${code[1]}(?!\`)`).test(inner)) return undefined;
    // CommonMark: one space each side is padding when both are there (a path next to a backtick)
    if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') inner = inner.slice(1, -1);
  } else if (rest.includes('`') || /\s/.test(rest.replace(/^\S+ /, ''))) return undefined; // copied text: a path has no space
  const m = VERB_AND_PATH.exec(inner);
  if (!m) return undefined;
  const path = m[2]!.trimEnd();
  return { verb: m[1] as HttpVerb, path };
}
