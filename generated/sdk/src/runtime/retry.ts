// When to retry and how long to wait: exponential backoff with jitter, Retry-After honoured.
import type { HttpMethod, RetryOptions } from './types.js';

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 2,
  minDelayMs: 200,
  maxDelayMs: 5000,
  retryNonIdempotent: false,
  maxRetryAfterMs: 60_000,
};

/** A number is a retry count; missing fields fall back to the defaults. */
export function resolveRetry(option: number | RetryOptions | undefined): Required<RetryOptions> {
  if (option === undefined) return DEFAULT_RETRY;
  const given = typeof option === 'number' ? { retries: option } : option;
  return {
    retries: Math.max(0, Math.floor(given.retries)),
    minDelayMs: given.minDelayMs ?? DEFAULT_RETRY.minDelayMs,
    maxDelayMs: given.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    retryNonIdempotent: given.retryNonIdempotent ?? DEFAULT_RETRY.retryNonIdempotent,
    maxRetryAfterMs: given.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs,
  };
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Repeating these cannot do something twice (RFC 9110 §9.2.2), so they may be retried. */
export function isIdempotent(method: HttpMethod): boolean {
  return IDEMPOTENT.has(method);
}

/** 429 and 5xx are worth another try; 501 (not implemented) will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Delay before retry number `retry` (1-based): doubling from minDelayMs, capped, "equal jitter". */
export function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (retry - 1));
  // Half fixed, half random: spreads clients out without ever retrying immediately.
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // an HTTP date names its weekday or month; `-5` or `1e9` is no date (Date.parse reads `-5` as a year)
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before the next attempt: the server's Retry-After when it is sane, clamped to at least
 * the backoff's first delay (a server cannot make the SDK retry at once) and at most
 * `maxRetryAfterMs` (beyond it, backoff is used); else backoff.
 */
export function retryDelay(retry: number, retryAfter: string | null, options: Required<RetryOptions>): number {
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined && asked <= options.maxRetryAfterMs) return Math.max(asked, options.minDelayMs);
  return backoffDelay(retry, options);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
