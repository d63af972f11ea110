// zod validation of arguments and responses, with errors that point into the payload.
import { ValidationError, type ValidationIssue } from './errors.js';
import type { ValidationMode, Validator } from './types.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['data', 'list', 0, 'authenticated']` → `data.list[0].authenticated`; odd keys are quoted. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

export function checksRequest(mode: ValidationMode): boolean {
  return mode === 'request' || mode === 'both';
}

export function checksResponse(mode: ValidationMode): boolean {
  return mode === 'response' || mode === 'both';
}

/**
 * Throws ValidationError when `value` does not match. The value itself is returned unchanged:
 * schemas describe the wire shape, and parsing would strip fields a newer API version added.
 */
export function assertValid(schema: Validator, value: unknown, operationId: string, direction: 'request' | 'response'): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
  throw new ValidationError(operationId, direction, issues);
}
