import type { Page } from '../../page/model.js';
import type { PageVocabulary } from '../../page/vocabulary.js';

export function parseTextPage(file: string, text: string, _vocabulary: PageVocabulary): Page {
  return { file, format: 'text', blocks: text.split(/\n\s*\n/).map((t, i) => ({ kind: 'paragraph', text: t, line: i + 1 })) };
}
