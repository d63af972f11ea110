import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import type { SourceLocation } from '../../ir/types.js';
import { kebabCase, splitWords } from '../../naming/words.js';
import type { Block, HeadingBlock } from '../page/model.js';
import { readMethodName } from './method-name.js';
import type { PagePath } from './page-path.js';
import { chooseSampleCall, type SampleClient } from './sample-calls.js';

/** Where a page's method name came from, in the order they are tried. */
export type NameOrigin = 'name-section' | 'sample-code' | 'file-name';

export interface PageMethodName {
  client: string;
  words: string[];
  /** `Client.method` as the page writes it (its name line, or the call in its sample code). */
  writtenName?: string;
  from: NameOrigin;
  source: SourceLocation;
}

/**
 * A page's method: its "Method name" section; without one (206 corpus pages), the method its
 * sample code calls (`authenticationClient.signInByAD(...)`: the words, and so the casing, of the
 * call); without a call, the file name. The client is the name line's, else the page's folder.
 * Undefined (after a diagnostic) when neither the page nor its folder names a client.
 */
export function readPageMethodName(
  page: { file: string; nameSection?: { heading: HeadingBlock; blocks: readonly Block[] }; title?: HeadingBlock; path: PagePath; sampleClients: readonly SampleClient[] },
  report: (code: DiagnosticCode, message: string, location: SourceLocation) => void,
): PageMethodName | undefined {
  const { file, nameSection, title, path } = page;
  const titleAt: SourceLocation = { file: title?.file ?? file, line: title?.line ?? 1, column: 1 };
  const mismatch = (name: PageMethodName): PageMethodName => {
    // only the published layout's file name names the method; a saved copy's (000_52f5.txt) says nothing
    if (path.client && path.stem && kebabCase(name.words) !== path.stem.toLowerCase()) report('md-file-name-mismatch', `file name "${path.stem}" does not match method ${name.writtenName}`, name.source);
    return name;
  };
  if (nameSection) {
    const read = readMethodName(nameSection.blocks);
    if (read.ok) {
      return mismatch({ client: read.client, words: read.words, writtenName: read.writtenName, from: 'name-section', source: { file: read.file ?? file, line: read.line, column: read.column } });
    }
    report('md-method-name-unreadable', `method name "${read.text}" is not Client.method`, { file: nameSection.heading.file ?? file, line: nameSection.heading.line + 1, column: 1 });
  }
  if (!path.client) {
    report('md-method-name-missing', 'no method name and no client folder (management/ or authentication/): page skipped', { file, line: 1, column: 1 });
    return undefined;
  }
  const client = path.client;
  const choice = chooseSampleCall(page.sampleClients, path.stem);
  if (choice.ok) {
    const name = { client, words: splitWords(choice.call.name), writtenName: `${client}.${choice.call.name}`, from: 'sample-code' as const, source: choice.call.source };
    report(
      'md-method-name-from-sample',
      `${nameSection ? 'the method name is unreadable' : 'no method name section'}; named ${name.writtenName} after the call in the sample code (${choice.client.variable} = ${choice.client.className})`,
      name.source,
    );
    return mismatch(name);
  }
  const words = splitWords(path.stem);
  if (!nameSection) {
    const calls = choice.calls.length > 1 ? ` and the sample code calls ${choice.calls.join(', ')}, none of them this page's by its file name` : '';
    report('md-method-name-missing', `no method name section${calls}; named ${client}.${words.join('_')} after the file and folder`, titleAt);
  }
  return { client, words, from: 'file-name', source: titleAt };
}
