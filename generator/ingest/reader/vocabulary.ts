import type { TypeRef } from '../../ir/types.js';
import type { ColumnRole, PageVocabulary } from '../page/vocabulary.js';
import { cellKind, columnFit } from './cell-kinds.js';
import { columnKey, HEADER_TEXTS } from './headers.js';
import { sectionKind } from './sections.js';
import { readTypeCell, TYPE_WORDS } from './type-column.js';
import { REQUIRED_WORDS, readTypedValue } from './values.js';

/**
 * Whether a text can be a cell of a column: its kind fits the column (cell-kinds.ts), and a
 * Default or Sample value is also a value of the row's type (`true` for a boolean, a number for
 * a number), as the field-table reader will read it.
 */
function canHold(role: ColumnRole, text: string, context: { typeText?: string | undefined; knownNames: ReadonlySet<string> }): boolean {
  if (columnFit(cellKind(text, context.knownNames), role) === 0) return false;
  if (role !== 'default' && role !== 'example') return true;
  let type: TypeRef = { kind: 'unknown' };
  if (context.typeText !== undefined) {
    const reading = readTypeCell(context.typeText, '', context.knownNames);
    if (reading.ok) type = reading.type;
  }
  return readTypedValue(text, type, () => undefined).ok !== false;
}

/** The words of a reference page, as the reader knows them, for syntax modules that need them (copied text). */
export const READER_VOCABULARY: PageVocabulary = {
  isSectionTitle: (text) => sectionKind(text) !== undefined,
  columnRole: columnKey,
  headerTexts: HEADER_TEXTS,
  canHold,
  typeWords: TYPE_WORDS,
  requiredWords: REQUIRED_WORDS,
};
