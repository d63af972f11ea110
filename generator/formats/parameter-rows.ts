/**
 * How the docs generator of the Authing/GenAuth reference (authing-docs-factory) lays out the
 * rows of a request-parameter table, which is the only place its pages say where parameters
 * travel (and so the HTTP verb):
 *
 * - query-string parameters (GET):  ` | code | string  | 是 | - | 岗位 code  | `developer` |`
 *   (one space before the row's leading `|`, two spaces after the type);
 * - body parameters (POST):         `| name | string | 是 | - | 分组名称  | `研发` |`
 *   (no indent, one space after the type).
 *
 * Both sit under a delimiter row of `----` cells, which tells these tables apart from tables
 * re-aligned by a formatter (padded cells, long dash runs), where the whitespace says nothing.
 * The reader (ingest/reader/verb-evidence.ts) reads the layout; the docs emitter writes it back,
 * so a verb read from it survives a round trip through the emitted pages.
 */
export type ParameterPlacement = 'query' | 'body';

/** Each cell of the delimiter row. */
export const LAYOUT_DELIMITER = '----';

/** Whitespace around a row's cells: spaces before the leading `|`, and after each cell's text. */
export interface RowSpacing {
  indent: number;
  /** Spaces between each cell's text and the next `|`. */
  after: number[];
}

/** What each placement writes: the row's indent and the spaces after the Type cell. */
export const ROW_LAYOUT: Record<ParameterPlacement, { indent: number; afterType: number }> = {
  query: { indent: 1, afterType: 2 },
  body: { indent: 0, afterType: 1 },
};

/**
 * The placement a row's spacing says, `conflict` when its indent and its type spacing say
 * different placements (a hand-edited row), or undefined when neither layout matches.
 * `typeColumn` is the index of the Type cell.
 */
export function placementOfRow(spacing: RowSpacing, typeColumn: number): ParameterPlacement | 'conflict' | undefined {
  const byIndent = spacing.indent === ROW_LAYOUT.query.indent ? 'query' : spacing.indent === ROW_LAYOUT.body.indent ? 'body' : undefined;
  const after = spacing.after[typeColumn];
  const byType = after === ROW_LAYOUT.query.afterType ? 'query' : after === ROW_LAYOUT.body.afterType ? 'body' : undefined;
  if (byIndent === undefined || byType === undefined) return undefined;
  return byIndent === byType ? byIndent : 'conflict';
}
