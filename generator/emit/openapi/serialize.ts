import { stringify } from 'yaml';

/** The document as text: YAML when the file name ends in .yaml/.yml, else JSON. */
export function serializeOpenApi(document: unknown, fileName: string): string {
  if (/\.ya?ml$/i.test(fileName)) return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  return JSON.stringify(document, null, 2) + '\n';
}
