// Public types of the SDK runtime. This folder is copied verbatim into every generated SDK
// (`src/runtime/`), so it imports only platform APIs (and zod, elsewhere in the folder): no node:* modules.
import type { PaginationSpec } from './pagination.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Which payloads the zod schemas check: none, the arguments, the parsed response, or both. */
export type ValidationMode = 'off' | 'request' | 'response' | 'both';

export interface RetryOptions {
  /** Extra attempts after the first one (0 = no retry). */
  retries: number;
  /** First backoff delay; doubled on each retry, then jittered. Default 200 ms. */
  minDelayMs?: number;
  /** Cap of one backoff delay. Default 5000 ms. */
  maxDelayMs?: number;
  /** Retry POST/PATCH too (they are not idempotent, so only when the API makes them safe). */
  retryNonIdempotent?: boolean;
  /** A `Retry-After` longer than this is not waited for; backoff is used instead. Default 60 s. */
  maxRetryAfterMs?: number;
}

/** One attempt of one call, as hooks and auth see it. Headers are mutable; set them here. */
export interface RequestContext {
  /** `ManagementClient.get_user_mfa_info` */
  operationId: string;
  method: HttpMethod;
  url: URL;
  headers: Headers;
  body: string | FormData | Uint8Array | undefined;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  signal: AbortSignal;
  /** The operation path with path parameters filled in, without the host (`/api/v3/get-user`). */
  path: string;
  /** Every declared query parameter by wire name, before encoding; undefined when not given. */
  query: Readonly<Record<string, unknown>>;
  /** The JSON body before serialisation, when the body is JSON. */
  json: unknown;
  /** The operation's security requirements, any one of which authorises it (`[]`: none needed). */
  security: readonly SecurityRequirement[];
}

export type AuthHook = (ctx: RequestContext) => void | Promise<void>;

/** A server of the API description: `{name}` placeholders in `url` are its variables. */
export interface ServerSpec {
  url: string;
  variables?: Readonly<Record<string, { default: string; enum?: readonly string[] }>>;
}

/** One way to authorise a call: scheme name → OAuth scopes. `{}`: no credentials needed. */
export type SecurityRequirement = Readonly<Partial<Record<string, readonly string[]>>>;

/**
 * A response envelope the API wraps every response in (`{ statusCode, message, data }`): a 2xx
 * whose `status` field holds a value not in `success` is an ApiError.
 */
export interface EnvelopeSpec {
  status: string;
  success: readonly number[];
  /** Fields ApiError reads its message, fine-grained code and request id from. */
  message?: string;
  code?: string;
  requestId?: string;
}

export interface Hooks {
  /** Runs before auth, so headers it adds are covered by a request signature. */
  beforeRequest?: (ctx: RequestContext) => void | Promise<void>;
  /** Sees a clone of each response (every attempt) before the runtime reads it. */
  afterResponse?: (ctx: RequestContext, response: Response) => void | Promise<void>;
}

export interface ClientOptions {
  /**
   * Base URL of the API, e.g. `https://api.example.com`; a missing scheme means https. Replaces
   * the API description's default server; required when the description names none.
   */
  host?: string;
  /** Values of the servers' `{variables}` (each defaults to the description's `default`). */
  serverVariables?: Record<string, string>;
  /**
   * Replaces servers of the description by their URL as written, e.g. an operation's own server
   * (`{ 'https://files.stripe.com/': 'http://localhost:12111' }`).
   */
  servers?: Record<string, string>;
  /** Defaults to the platform's global fetch. */
  fetch?: typeof fetch;
  /** Per attempt, covering the response body too. Default 10 000 ms (the published SDK's). 0 = none. */
  timeoutMs?: number;
  /** A number is `{ retries: n }`. Default `{ retries: 2 }`. */
  retry?: number | RetryOptions;
  /** Sent with every request. */
  headers?: Record<string, string>;
  hooks?: Hooks;
  /** Replaces the client's auth (the API's security schemes) with your own hook. */
  auth?: AuthHook;
  /** Default 'off'. */
  validate?: ValidationMode;
  /** For an API with a response envelope: throw ApiError when a 2xx envelope reports a failure. Default true. */
  envelopeErrors?: boolean;
  /**
   * Redirects followed: `same-origin` (default; the request is signed again for the new path)
   * or `none`. A redirect to another origin is never followed: it throws RedirectError.
   */
  redirects?: 'same-origin' | 'none';
  /** Largest response body read, in bytes (default 64 MiB; 0 = no limit). Over it: ResponseTooLargeError, not retried. */
  maxResponseBytes?: number;
}

export interface RequestOptions {
  /** The caller's cancel switch; aborting it rejects the call with AbortError. */
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  retry?: number | RetryOptions;
  /** Overrides the client's `maxResponseBytes` for this call. */
  maxResponseBytes?: number;
}

/** OpenAPI's serialisation styles (serialize.ts implements the table). */
export type ParamStyle = 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'label' | 'matrix';

/** As the spec writes them; absent: form for query/cookie/form fields, simple for path/header, explode only for form. */
export interface Serialization {
  style?: ParamStyle;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface ParamSpec extends Serialization {
  /** Property of the args object. */
  key: string;
  /** Name on the wire. */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** A parameter given by a media type (OpenAPI `content`): its value is written as JSON. */
  contentType?: string;
  /** A 'body' param sent inside these members of the body (`['adPayload']`), not at its top level. */
  at?: readonly string[];
}

/** How one field of a form or multipart body is written (OpenAPI's Encoding Object). */
export interface PropertyEncodingSpec extends Serialization {
  name: string;
  contentType?: string;
}

/** `any`: a wildcard (`*\/*`) body, sent as it is: bytes, text, or JSON. */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text' | 'any';

export interface OperationSpec {
  /** `ManagementClient.get_user_mfa_info` */
  id: string;
  method: HttpMethod;
  /** May hold `{name}` placeholders for path params. */
  path: string;
  /** 'body' params are gathered into one JSON object body, with `fixedBody`. */
  params: readonly ParamSpec[];
  /** The operation's own servers, replacing the client's. */
  servers?: readonly ServerSpec[];
  /** The operation's own security, replacing the client's (`[]`: none). */
  security?: readonly SecurityRequirement[];
  /** A whole-body argument (OpenAPI requestBody); wins over 'body' params. */
  body?: {
    key: string;
    encoding: BodyEncoding;
    contentType: string;
    properties?: readonly PropertyEncodingSpec[];
    /** Multipart: the schema's property order, which the parts follow. */
    order?: readonly string[];
  };
  /** Members the JSON body always carries (a convenience call's `connection: 'AD'`). */
  fixedBody?: Readonly<Record<string, unknown>>;
  /** The `Accept` header: the success response's media type (default `application/json`). */
  accept?: string;
  /** The success response is bytes: it resolves to a Blob, whatever its content type. */
  binaryResponse?: boolean;
  /** Validates the args object (request validation). */
  paramsSchema?: Validator;
  /** Validates the parsed JSON response (response validation). */
  responseSchema?: Validator;
  /** How the operation pages through a list (a paginated method). */
  pagination?: PaginationSpec;
}

/**
 * What the runtime needs of a zod schema: `safeParse`. Typed structurally rather than as
 * `ZodType` because checking each generated operation's schema against `ZodType` made
 * type-checking a large SDK twice as slow (GitHub's API: 13.5 s → 6.9 s).
 */
export interface Validator {
  safeParse(value: unknown):
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}
