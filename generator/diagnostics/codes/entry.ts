import type { Severity } from '../types.js';

/** One catalog entry: what a diagnostic code means and what to do about it. */
export interface CodeInfo {
  severity: Severity;
  title: string;
  cause: string;
  fix: string;
}
