import type { SourceLocation } from '../ir/types.js';
import type { DiagnosticCode } from './catalog.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  message: string;
  location: SourceLocation;
}

/** A finding about the input (or the output), as data: formatted only at the edge (cli). */
export interface Diagnostic {
  /** A key of the catalog (diagnostics/codes/): its title, cause and fix are documented there. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  related?: RelatedLocation[];
}
