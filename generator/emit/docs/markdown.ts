import type { Root, Table } from 'mdast';
import { LAYOUT_DELIMITER, ROW_LAYOUT, type ParameterPlacement } from '../../formats/parameter-rows.js';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { makeInert } from './inert.js';

/** One serialiser for every page, so all pages share one markdown style. */
const style = { bullet: '-', fences: true, rule: '-', listItemIndent: 'one' } as const;
const writer = unified().use(remarkGfm).use(remarkStringify, style).freeze();
// tables without padding: a wide cell no longer widens every row of its column
const unalignedWriter = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, style).freeze();
/** Tables unpadded, as the docs generator writes them (for parameterTableMarkdown). */
const compactWriter = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify).freeze();
const reader = unified().use(remarkParse).use(remarkGfm).freeze();

/** A page's markdown; docs text in it never holds a VitePress build directive (inert.ts). */
export function toMarkdown(tree: Root, options: { alignTables?: boolean } = {}): string {
  return (options.alignTables === false ? unalignedWriter : writer).stringify(makeInert(tree));
}

export function parseMarkdown(text: string): Root {
  return reader.parse(text);
}

/**
 * A request-parameter table in the docs generator's layout (formats/parameter-rows.ts), whose
 * whitespace says where the parameters travel: the emitted page then carries the verb the way
 * the input pages did. `typeColumn` is the index of the Type column.
 */
export function parameterTableMarkdown(table: Table, placement: ParameterPlacement, typeColumn: number): string {
  const lines = compactWriter.stringify(makeInert({ type: 'root', children: [table] })).trimEnd().split('\n');
  const layout = ROW_LAYOUT[placement];
  const [header, , ...rows] = lines;
  const delimiter = `| ${table.children[0]!.children.map(() => LAYOUT_DELIMITER).join(' | ')} |`;
  const laid = rows.map((row) => {
    // cell separators: a `|` at the start or after a space (a `|` inside a cell is written `\|`)
    const pipes = [...row.matchAll(/(?:^| )\|/g)].map((m) => m.index + m[0].length - 1);
    const end = pipes[typeColumn + 1];
    const padded = end === undefined ? row : `${row.slice(0, end)}${' '.repeat(layout.afterType - 1)}${row.slice(end)}`;
    return `${' '.repeat(layout.indent)}${padded}`;
  });
  return [header!, delimiter, ...laid].join('\n');
}
