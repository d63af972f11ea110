import type { Block, Page, TableRow } from './model.js';

/**
 * A run of lines of a page's expanded text (includes spliced in, docs/includes.ts) that come from
 * one file: lines `from`..`from+count-1` of the expanded text are lines `line`.. of `file`.
 */
export interface LineRun {
  from: number;
  count: number;
  file: string;
  line: number;
}

/**
 * A page model parsed from expanded text → the same blocks located in the files they came from:
 * every line becomes a line of its own file, and a block or row from another file than the page
 * gets that `file` (see FromFile in model.ts). Columns are kept: a directive alone on its line
 * (the only form the published pages use) leaves them exact.
 */
export function relocate(page: Page, runs: readonly LineRun[]): Page {
  if (runs.length === 0) return page;
  const locate = (line: number): { file?: string; line: number } => {
    // runs are sorted by `from`: binary search for the last run starting at or before the line
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]!.from <= line) lo = mid;
      else hi = mid - 1;
    }
    const run = runs[lo]!;
    const mapped = run.line + (line - run.from);
    return run.file === page.file ? { line: mapped } : { file: run.file, line: mapped };
  };
  const place = <T extends { line: number; file?: string }>(x: T): T => {
    const { file, line } = locate(x.line);
    const out = { ...x, line };
    if (file) out.file = file;
    else delete out.file;
    return out;
  };
  const row = (r: TableRow): TableRow => place(r);
  const blocks: Block[] = page.blocks.map((b) => {
    if (b.kind !== 'table') return place(b);
    const t = place(b);
    t.header = row(b.header);
    t.rows = b.rows.map(row);
    if (b.fused) t.fused = place(b.fused);
    if (b.continuation) t.continuation = b.continuation.map(row);
    return t;
  });
  return { ...page, blocks };
}
