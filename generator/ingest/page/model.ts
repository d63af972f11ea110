/**
 * The format-neutral page model: what every syntax module (syntax/markdown, html, text) produces
 * and everything above it reads (reader/, docs/). A page is a list of blocks (headings, tables,
 * code samples, prose), each with its line (and column where it matters), in document order.
 *
 * Inline content (a heading's text, a table cell, a paragraph) is kept in one canonical inline
 * form: markdown inline text with the small HTML subset the published pages use (`<br>`,
 * `<a href="#Dto">`). That is also the IR's prose format, so a syntax module translates its own
 * inline markup into it once (see page/inline.ts for the readers of that form).
 */

import type { Diagnostic } from '../../diagnostics/types.js';
import type { DocFormat } from '../../ir/types.js';

/** The syntax a page was written in; kept in the IR's sources (`DocRef.format`). */
export type PageFormat = DocFormat;

export interface Page {
  /** Path relative to the working directory, `/`-separated. */
  file: string;
  format: PageFormat;
  blocks: Block[];
  /** What the syntax module could only guess (a copied row whose cells it could not tell apart for sure). */
  diagnostics?: Diagnostic[];
}

/**
 * Where a block (or a table row) was read from when that is not the page's own file: text an
 * include directive pulled in from a fragment (docs/includes.ts). Absent for the page's own text.
 * Its `line`s (and columns) are then lines of that file, so a fact read from a fragment keeps the
 * fragment's file:line as its source. Readers locate a block with `block.file ?? page.file`.
 */
export interface FromFile {
  file?: string;
}

export interface HeadingBlock extends FromFile {
  kind: 'heading';
  depth: number;
  text: string;
  line: number;
  column: number;
}

export interface TableRow extends FromFile {
  cells: string[];
  /** 1-based column of each cell's first character (after trimming), for diagnostics. */
  columns: number[];
  line: number;
  /** False for a body line without a leading `|`: often the continuation of a cell broken over lines. */
  leadingPipe: boolean;
  /**
   * The whitespace as written, where the syntax has it (markdown): spaces before the leading `|`
   * and after each cell's text. A docs generator's layout leaves facts in it
   * (formats/parameter-rows.ts).
   */
  spacing?: { indent: number; after: number[] };
}

export interface TableBlock extends FromFile {
  kind: 'table';
  header: TableRow;
  rows: TableRow[];
  line: number;
  /** The delimiter row's cells as written (`----`, `:---:`), where the syntax has one (markdown). */
  delimiter?: string[];
  /**
   * Set when the delimiter row held more than delimiters: the first body row fused into it.
   * `fusedCells` are the cells after the last delimiter-looking cell.
   */
  fused?: { line: number; cells: string[]; columns: number[]; truncated: boolean; file?: string };
  /**
   * Not part of the table for GFM (which ends it at a line indented as code), but its data:
   * the lines from there to the next blank line, when the table was cut by such a line
   * (a multi-line code sample in a cell). They stay paragraph text in `scanBlocks`' output.
   */
  continuation?: TableRow[];
}

export interface CodeBlock extends FromFile {
  kind: 'code';
  lang: string;
  text: string;
  line: number;
}

export interface ParagraphBlock extends FromFile {
  kind: 'paragraph';
  text: string;
  line: number;
}

export type Block = HeadingBlock | TableBlock | CodeBlock | ParagraphBlock;
