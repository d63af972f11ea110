// Typed errors: one class per way a call can fail, so callers branch with `instanceof`.

/** Base of every error the SDK throws. */
export class SdkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface ApiErrorInit {
  operationId: string;
  status: number;
  body: unknown;
  statusCode?: number;
  apiCode?: number;
  message?: string;
  requestId?: string;
}

/**
 * The API answered, but with a failure: a non-2xx HTTP status, or a 2xx whose envelope
 * `statusCode` is not 200 (GenAuth reports most errors that way).
 */
export class ApiError<TBody = unknown> extends SdkError {
  /** HTTP status of the response. */
  readonly status: number;
  /** `statusCode` of the response envelope, when there is one. */
  readonly statusCode?: number;
  /** `apiCode` of the envelope: the fine-grained error code. */
  readonly apiCode?: number;
  readonly requestId?: string;
  /** The parsed response body (JSON, text, or undefined when empty); typed per operation where the spec documents it (`<Method>Error`). */
  readonly body: TBody;
  readonly operationId: string;

  constructor(init: ApiErrorInit) {
    const code = init.statusCode !== undefined && init.statusCode !== init.status ? ` (statusCode ${init.statusCode})` : '';
    const api = init.apiCode !== undefined ? ` [apiCode ${init.apiCode}]` : '';
    super(`${init.operationId} failed with HTTP ${init.status}${code}${api}: ${init.message ?? 'no message'}`);
    this.status = init.status;
    if (init.statusCode !== undefined) this.statusCode = init.statusCode;
    if (init.apiCode !== undefined) this.apiCode = init.apiCode;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    this.body = init.body as TBody;
    this.operationId = init.operationId;
  }
}

/** fetch itself failed (DNS, refused connection, reset, ...); `cause` keeps the platform error. */
export class NetworkError extends SdkError {}

/** The attempt took longer than `timeoutMs`. */
export class TimeoutError extends SdkError {
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class AbortError extends SdkError {}

/**
 * The server redirected the call where the SDK does not follow: to another origin (the body and
 * the signing headers would go there), or anywhere when `redirects: 'none'`, or too many times.
 */
export class RedirectError extends SdkError {
  readonly status: number;
  /** The `Location` it pointed to (empty when the platform hides it). */
  readonly location: string;
  constructor(message: string, status: number, location: string) {
    super(message);
    this.status = status;
    this.location = location;
  }
}

/**
 * A success status without the body the operation returns: an empty body, or one that is not
 * JSON (an HTML page from a proxy or a login wall). Never handed back typed as the result.
 */
export class UnexpectedResponseError extends SdkError {
  readonly status: number;
  readonly contentType: string;
  /** The body as received (text or bytes), undefined when empty. */
  readonly body: unknown;
  constructor(message: string, status: number, contentType: string, body: unknown) {
    super(message);
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }
}

/** The response body is larger than `maxResponseBytes`: reading stopped there. Not retried. */
export class ResponseTooLargeError extends SdkError {
  readonly limit: number;
  constructor(message: string, limit: number) {
    super(message);
    this.limit = limit;
  }
}

/** The request could not be built from the options and arguments (a bad host, a header value with a line break); `cause` keeps the platform error. */
export class InvalidRequestError extends SdkError {}

export interface ValidationIssue {
  /** Where in the payload: `data.list[0].authenticated`, or `(root)`. */
  path: string;
  message: string;
}

/** Arguments (direction 'request') or a response (direction 'response') did not match the schema. */
export class ValidationError extends SdkError {
  readonly direction: 'request' | 'response';
  readonly issues: ValidationIssue[];
  readonly operationId: string;

  constructor(operationId: string, direction: 'request' | 'response', issues: ValidationIssue[]) {
    const what = direction === 'request' ? 'Arguments of' : 'Response of';
    const listed = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super(`${what} ${operationId} failed validation: ${listed}${more}`);
    this.direction = direction;
    this.issues = issues;
    this.operationId = operationId;
  }
}
