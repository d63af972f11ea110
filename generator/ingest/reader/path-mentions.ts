import type { SourceLocation } from '../../ir/types.js';
import { API_BASE, PATH_MENTION, trimMention } from '../../formats/page-file-path.js';
import type { Block } from '../page/model.js';

/** An HTTP path written in a page's text (prose, a table cell, a sample), and where. */
export interface PathMention {
  path: string;
  source: SourceLocation;
}

/**
 * The paths a page writes out: `此接口已废弃，请使用 /api/v3/get-user-posts 接口`, a request
 * line in a sample. They may name this page's endpoint or another's; docs/http-path.ts matches
 * them to methods by their page's file name.
 */
export function readPathMentions(blocks: readonly Block[], file: string): PathMention[] {
  const out: PathMention[] = [];
  const scan = (text: string, inFile: string, line: number, column: number): void => {
    // every mention holds the base: most texts have none, and the pattern's look-behind tries
    // every position of a text (a fifth of `ir`'s time on the corpus before this test)
    if (!text.includes(API_BASE)) return;
    for (const m of text.matchAll(PATH_MENTION)) {
      const before = text.slice(0, m.index);
      const nl = before.lastIndexOf('\n');
      const lines = before.split('\n').length - 1;
      out.push({ path: trimMention(m[0]), source: { file: inFile, line: line + lines, column: nl < 0 ? column + before.length : before.length - nl } });
    }
  };
  for (const b of blocks) {
    const inFile = b.file ?? file;
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        scan(b.text, inFile, b.line, 1);
        break;
      case 'code':
        // the text starts on the line after the opening fence
        scan(b.text, inFile, b.line + 1, 1);
        break;
      case 'table':
        for (const row of [b.header, ...b.rows, ...(b.continuation ?? [])]) {
          row.cells.forEach((cell, i) => scan(cell, row.file ?? inFile, row.line, row.columns[i] ?? 1));
        }
        break;
    }
  }
  return out;
}
