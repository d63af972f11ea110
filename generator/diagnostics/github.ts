import type { SourceLocation } from '../ir/types.js';
import type { Diagnostic, Severity } from './types.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): the runner
 * turns each line into an annotation on the pull request's diff. Escaping follows the runner's
 * rules: `%`, CR and LF in the message; also `:` and `,` in property values.
 */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

export const annotationLevel = (s: Severity): AnnotationLevel => (s === 'info' ? 'notice' : s);

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotation(level: AnnotationLevel, message: string, location?: SourceLocation, title?: string): string {
  const props: string[] = [];
  if (location) {
    props.push(`file=${escapeProperty(location.file)}`, `line=${location.line}`, `col=${location.column}`);
  }
  if (title) props.push(`title=${escapeProperty(title)}`);
  return `::${level}${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}`;
}

/** One diagnostic as one annotation; its related locations go into the message. */
export function formatGithubDiagnostic(d: Diagnostic): string {
  const related = (d.related ?? []).map((r) => `\n${r.location.file}:${r.location.line}:${r.location.column}  ${r.message}`).join('');
  return githubAnnotation(annotationLevel(d.severity), `${d.message}${related}`, d.location, d.code);
}
