// HttpClient: one call = encode args → (attempt: hooks, auth, fetch, read) → retry? → errors → validation.
import { encodeBody, encodeQuery, fillPath, paramHeaders, queryValues, type EncodedBody } from './encoding.js';
import { AbortError, InvalidRequestError, NetworkError, SdkError, TimeoutError } from './errors.js';
import { apiErrorFrom, readEnvelope, readPayload } from './response.js';
import { nextPage, PagedPromise, type FetchedPage } from './pagination.js';
import { capBody, checkSuccessBody, DEFAULT_MAX_RESPONSE_BYTES, redirectStep } from './response-guards.js';
import { isIdempotent, isRetryableStatus, resolveRetry, retryDelay, sleep } from './retry.js';
import { baseUrl, type ServerChoice } from './servers.js';
import type { AuthHook, ClientOptions, EnvelopeSpec, HttpMethod, OperationSpec, RequestContext, RequestOptions, SecurityRequirement, ServerSpec } from './types.js';
import { assertValid, checksRequest, checksResponse } from './validation.js';

/** The published SDK's default timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

type Args = Readonly<Record<string, unknown>>;
type Fetch = (input: URL, init: RequestInit) => Promise<Response>;

/** Everything about a call that does not change between attempts. */
interface PreparedCall {
  op: OperationSpec;
  path: string;
  query: Readonly<Record<string, unknown>>;
  /** The encoded query string, without `?`. */
  search: string;
  headers: Record<string, string>;
  body: EncodedBody;
  options: RequestOptions;
  /** A whole URL to call instead of host + path + query (the next page a `Link` header names). */
  url?: URL;
}

interface AttemptResult {
  response: Response;
  payload: unknown;
}

/** What a generated client knows of its API: servers, security, envelope, and its default auth. */
export interface ClientDefaults {
  auth?: AuthHook;
  /** The caller's host under the option name the client uses (`appHost`); else `options.host`. */
  host?: string | undefined;
  /** The API description's servers, the first one the default. */
  servers?: readonly ServerSpec[];
  /** Security of operations that state none. */
  security?: readonly SecurityRequirement[];
  envelope?: EnvelopeSpec;
}

export class HttpClient {
  /** The base URL of operations without servers of their own. */
  readonly host: string;
  readonly #options: ClientOptions;
  readonly #auth: AuthHook | undefined;
  readonly #fetch: Fetch;
  readonly #choice: ServerChoice;
  readonly #security: readonly SecurityRequirement[];
  readonly #envelope: EnvelopeSpec | undefined;

  constructor(options: ClientOptions, defaults: ClientDefaults = {}) {
    this.#options = options;
    this.#choice = { host: defaults.host ?? options.host, replaced: options.servers, variables: options.serverVariables };
    // decided here, so a client of an API without a server fails at construction, not on a call
    this.host = baseUrl(defaults.servers ?? [], this.#choice, true, 'client');
    let url: URL;
    try {
      url = new URL(this.host);
    } catch (cause) {
      throw new InvalidRequestError(`the base URL ${JSON.stringify(this.host)} is not a valid URL; check \`host\``, { cause });
    }
    const unfit = unfitUrl(url);
    if (unfit) throw new InvalidRequestError(`the base URL ${JSON.stringify(this.host)} ${unfit}; check \`host\``);
    this.#security = defaults.security ?? [];
    this.#envelope = defaults.envelope;
    this.#auth = options.auth ?? defaults.auth;
    const custom = options.fetch;
    // Wrapped so platform fetch is never called with the client as `this` (browsers reject that).
    this.#fetch = custom ? (input, init) => custom(input, init) : (input, init) => globalThis.fetch(input, init);
  }

  async request<T>(op: OperationSpec, args: object | undefined, options: RequestOptions = {}): Promise<T> {
    return (await this.#call(op, (args ?? {}) as Args, options)).payload as T;
  }

  /**
   * A paginated operation: the first page when awaited, every item when iterated. Each page is
   * one call with the same options (signal, timeout, retry, validation).
   */
  paginated<Page, Item>(op: OperationSpec, args: object | undefined, options: RequestOptions = {}): PagedPromise<Page, Item> {
    const spec = op.pagination;
    const first = (args ?? {}) as Record<string, unknown>;
    let current: Record<string, unknown> = first;
    return new PagedPromise<Page, Item>(
      spec ?? { kind: 'page', items: [] },
      () => this.#call(op, first, options),
      async (prev, seen) => {
        if (!spec) return undefined;
        if (options.signal?.aborted) throw abortError(op, options.signal);
        const next = nextPage(spec, current, prev, seen, this.host);
        if (!next) return undefined;
        if ('url' in next) return this.#call(op, current, options, next.url);
        current = next.args;
        return this.#call(op, current, options);
      },
    );
  }

  async #call(op: OperationSpec, values: Args, options: RequestOptions, url?: URL): Promise<FetchedPage> {
    const mode = this.#options.validate ?? 'off';
    if (checksRequest(mode) && op.paramsSchema && !url) assertValid(op.paramsSchema, values, op.id, 'request');

    let call: PreparedCall;
    try {
      call = {
        op,
        path: url ? url.pathname : fillPath(op, values),
        query: url ? searchParamsOf(url) : queryValues(op, values),
        search: url ? url.search.slice(1) : encodeQuery(op, values),
        headers: paramHeaders(op, values),
        body: await encodeBody(op, values),
        options,
        ...(url ? { url } : {}),
      };
    } catch (cause) {
      throw invalid(op, cause);
    }
    const retry = resolveRetry(options.retry ?? this.#options.retry);
    const attempts = 1 + (isIdempotent(op.method) || retry.retryNonIdempotent ? retry.retries : 0);

    for (let attempt = 1; ; attempt++) {
      let result: AttemptResult;
      try {
        result = await this.#attempt(call, attempt);
      } catch (error) {
        // Timeouts are not retried: the caller's time budget is spent. Other network errors are.
        if (error instanceof NetworkError && attempt < attempts) {
          await this.#pause(op, retryDelay(attempt, null, retry), options.signal);
          continue;
        }
        throw error;
      }
      const { response, payload } = result;
      if (!response.ok) {
        if (isRetryableStatus(response.status) && attempt < attempts) {
          await this.#pause(op, retryDelay(attempt, response.headers.get('retry-after'), retry), options.signal);
          continue;
        }
        throw apiErrorFrom(op.id, response, payload, this.#envelope);
      }
      if (this.#envelope && this.#options.envelopeErrors !== false) {
        const envelope = readEnvelope(payload, this.#envelope);
        if (envelope && !this.#envelope.success.includes(envelope.statusCode)) throw apiErrorFrom(op.id, response, payload, this.#envelope);
      }
      checkSuccessBody(response, payload, op.id, op.responseSchema);
      if (checksResponse(mode) && op.responseSchema) assertValid(op.responseSchema, payload, op.id, 'response');
      return { payload, response };
    }
  }

  async #attempt(call: PreparedCall, attempt: number): Promise<AttemptResult> {
    const { op, options } = call;
    const caller = options.signal;
    if (caller?.aborted) throw abortError(op, caller);

    const controller = new AbortController();
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new TimeoutError(`${op.id} timed out after ${timeoutMs} ms`, timeoutMs));
          }, timeoutMs)
        : undefined;
    const forwardAbort = (): void => controller.abort(caller?.reason);
    caller?.addEventListener('abort', forwardAbort, { once: true });
    // Which of the three stopped us decides the error kind; the platform's own error is the cause.
    const classify = (cause: unknown): SdkError => {
      if (caller?.aborted) return abortError(op, caller);
      if (timedOut) return new TimeoutError(`${op.id} timed out after ${timeoutMs} ms`, timeoutMs);
      return new NetworkError(`${op.id}: ${describe(cause)}`, { cause });
    };

    try {
      let ctx: RequestContext;
      let response: Response;
      // same-origin redirects are followed here, each hop signed again for its URL
      for (let hops = 0, redirect: { url: URL; method: string; keepBody: boolean } | undefined; ; hops++) {
        try {
          ctx = this.#context(call, attempt, controller.signal, redirect);
          await this.#options.hooks?.beforeRequest?.(ctx);
          await this.#auth?.(ctx);
        } catch (cause) {
          // a header value with a line break, a URL that does not parse: the platform's TypeError
          throw cause instanceof TypeError ? invalid(op, cause) : cause;
        }
        try {
          const init: RequestInit = { method: ctx.method, headers: ctx.headers, signal: controller.signal, redirect: 'manual' };
          if (ctx.body !== undefined && ctx.method !== 'GET' && ctx.method !== 'HEAD') init.body = ctx.body as NonNullable<RequestInit['body']>;
          response = await this.#fetch(ctx.url, init);
        } catch (cause) {
          throw classify(cause);
        }
        redirect = redirectStep(response, ctx.url, ctx.method, this.#options.redirects ?? 'same-origin', hops, op.id);
        if (!redirect) break;
        void response.body?.cancel().catch(() => undefined);
      }
      response = capBody(response, options.maxResponseBytes ?? this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, op.id);
      const afterResponse = this.#options.hooks?.afterResponse;
      if (afterResponse) await afterResponse(ctx, response.clone());
      let payload: unknown;
      try {
        payload = ctx.method === 'HEAD' ? undefined : await readPayload(response, op.id, op.binaryResponse === true);
      } catch (cause) {
        throw cause instanceof SdkError ? cause : classify(cause);
      }
      return { response, payload };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * Fresh per attempt (and per redirect hop): hooks and auth may change headers, and signatures
   * carry a date, a nonce and the path.
   */
  #context(call: PreparedCall, attempt: number, signal: AbortSignal, redirect?: { url: URL; method: string; keepBody: boolean }): RequestContext {
    let url: URL;
    if (redirect) url = new URL(redirect.url);
    else if (call.url) url = new URL(call.url); // the next page a Link header named
    else {
      // an operation's relative server is relative to the client's origin
      const base = call.op.servers ? baseUrl(call.op.servers, { ...this.#choice, host: this.#choice.host ?? new URL(this.host).origin }, false, call.op.id) : this.host;
      url = new URL(base + call.path);
      if (call.search !== '') url.search = url.search === '' ? call.search : `${url.search.slice(1)}&${call.search}`;
    }
    // an operation's own server (from the API description) is held to what the client's host is
    const unfit = unfitUrl(url);
    if (unfit) throw new InvalidRequestError(`${call.op.id}: the URL ${url.protocol}//${url.host} ${unfit}`);
    const headers = new Headers({ accept: call.op.accept ?? 'application/json' });
    for (const [name, value] of Object.entries(this.#options.headers ?? {})) headers.set(name, value);
    for (const [name, value] of Object.entries(call.headers)) headers.set(name, value);
    for (const [name, value] of Object.entries(call.options.headers ?? {})) headers.set(name, value);
    if (call.body.contentType !== undefined && !headers.has('content-type')) headers.set('content-type', call.body.contentType);
    return {
      operationId: call.op.id,
      method: (redirect?.method as HttpMethod | undefined) ?? call.op.method,
      url,
      headers,
      body: redirect && !redirect.keepBody ? undefined : call.body.body,
      attempt,
      signal,
      path: call.path,
      query: call.query,
      json: call.body.json,
      security: call.op.security ?? this.#security,
    };
  }

  /** Waits before a retry; the caller aborting meanwhile ends the call at once. */
  async #pause(op: OperationSpec, ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw abortError(op, signal);
    }
  }
}

/** A URL's query as name → value (forEach: compiles without the DOM.Iterable lib too). */
function searchParamsOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  url.searchParams.forEach((value, name) => (out[name] = value));
  return out;
}

/** Why fetch could never call `url` (it would fail the same way on every retry), or undefined. */
function unfitUrl(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `is not http or https (${url.protocol})`;
  if (url.username !== '' || url.password !== '') return 'carries a user name or password (fetch refuses them; use the auth options)';
  return undefined;
}

function invalid(op: OperationSpec, cause: unknown): SdkError {
  if (cause instanceof SdkError) return cause;
  return new InvalidRequestError(`${op.id}: the request cannot be built: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}

function abortError(op: OperationSpec, signal: AbortSignal | undefined): AbortError {
  return new AbortError(`${op.id} was aborted by the caller`, { cause: signal?.reason });
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ...) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}
