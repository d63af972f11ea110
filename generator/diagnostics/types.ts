import type { SourceLocation } from '../ir/types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  message: string;
  location: SourceLocation;
}

/** A finding about the input (or the output), as data: formatted only at the edge (cli). */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  related?: RelatedLocation[];
}
