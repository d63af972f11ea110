import type { SourceLocation } from '../ir/types.js';
import { catalog, type DiagnosticCode } from './catalog.js';
import type { Diagnostic, RelatedLocation, Severity } from './types.js';

/** A diagnostic with the severity the catalog gives its code (the one way to make one). */
export function diagnostic(code: DiagnosticCode, message: string, location?: SourceLocation, related?: readonly RelatedLocation[]): Diagnostic {
  const d: Diagnostic = { code, severity: catalog[code].severity, message };
  if (location) d.location = location;
  if (related && related.length > 0) d.related = [...related];
  return d;
}

/** Collects diagnostics during a run instead of stopping at the first one. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  report(
    code: DiagnosticCode,
    message: string,
    location?: SourceLocation,
    related?: RelatedLocation[],
    severity: Severity = catalog[code].severity,
  ): void {
    const d: Diagnostic = { code, severity, message };
    if (location) d.location = location;
    if (related && related.length > 0) d.related = related;
    this.items.push(d);
  }

  addAll(items: readonly Diagnostic[]): void {
    for (const d of items) this.items.push(d);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

/** Stable order: by file, line, column, then code and message. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; each in file, line, column order (what a reader sees first). */
export function errorsFirst(items: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(items).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
