/**
 * What a syntax module may ask about the words of a reference page. Markdown and HTML show their
 * structure in their syntax; text copied from a rendered page does not (the section titles are
 * bare lines, a table row is its cells run together), so the text syntax recognises the structure
 * by these words. The reader owns the words (reader/vocabulary.ts); docs/parse-page.ts hands them
 * to the syntax, so the syntax layer still imports nothing above the page model.
 */

/** The columns of a parameter, field or response table. */
export type ColumnRole = 'name' | 'type' | 'required' | 'default' | 'description' | 'example';

export interface PageVocabulary {
  /** Whether a line's text is the title of a method page's section ("Request parameters", "请求参数"). */
  isSectionTitle(text: string): boolean;
  /** The column a header cell's text names ("Default value" → default), if any. */
  columnRole(text: string): ColumnRole | undefined;
  /** Every header text `columnRole` knows, to split a header row whose cells ran together. */
  readonly headerTexts: readonly string[];
  /**
   * Whether `text` can be the whole content of a cell of that column. `typeText` is the row's
   * Type cell (for values, which must fit it); `knownNames` the data structures the page defines.
   */
  canHold(role: ColumnRole, text: string, context: { typeText?: string | undefined; knownNames: ReadonlySet<string> }): boolean;
  /** Words that open the Type column's vocabulary (`string`, `integer`, `array`, ...), lower-case. */
  readonly typeWords: readonly string[];
  /** The yes/no words of the Required column, lower-case. */
  readonly requiredWords: readonly string[];
}
