import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import { LAYOUT_DELIMITER, placementOfRow, type ParameterPlacement } from '../../formats/parameter-rows.js';
import type { HttpVerb, SourceLocation } from '../../ir/types.js';
import type { Block, TableBlock } from '../page/model.js';
import { mapColumns } from './headers.js';

/**
 * The traces a page leaves of where its request parameters travel (query string or JSON body),
 * and so of the HTTP verb. In the order they are trusted:
 *
 * 0. `request-line`: the page states its endpoint, `POST /api/v3/get-user-mfa-info`, under the
 *    method name (reader/request-line.ts); it gives the verb itself and the path. The docs sdkforge
 *    emits have one on every page; the published pages have none;
 * 1. `row-layout`: the docs generator writes query-string rows and body rows differently
 *    (formats/parameter-rows.ts);
 * 2. `request-type-line`: `类型： `CreateDenfDto`` / `Type: `Dto`` above the parameter table
 *    names the request body's type, which only a body has;
 * 3. `sample-request-body`: the sample code builds a `…ReqDto` (`new CreateGroupReqDto()`,
 *    `&dto.AddDepartmentMembersReqDto{`): the SDKs name only request bodies so.
 *
 * Parameter shapes (an object parameter cannot travel in a query string) are judged when the
 * pages are merged, on the merged parameters (docs/http-rule.ts).
 */
export type VerbEvidence = 'request-line' | 'row-layout' | 'request-type-line' | 'sample-request-body';

export const PAGE_EVIDENCE_ORDER: readonly VerbEvidence[] = ['request-line', 'row-layout', 'request-type-line', 'sample-request-body'];

export interface VerbTrace {
  evidence: VerbEvidence;
  placement: ParameterPlacement;
  /** The verb and path the trace states (a request line); the others only show the placement. */
  verb?: HttpVerb;
  path?: string;
  source: SourceLocation;
}

const REQUEST_TYPE_LINE = /^\s*(?:类型|type)\s*[:：]\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*$/i;
const SAMPLE_REQUEST_BODY = /(?:\bnew\s+(?:[A-Za-z_][\w]*\.)*|&dto\.)([A-Z]\w*ReqDto)\b/;

/**
 * Reads the traces of the request line (read by reader/request-line.ts), the parameter section
 * (`blocks`, with its table) and the sample code.
 * A page whose traces disagree with each other, or whose rows disagree, is reported
 * (`md-verb-evidence-conflict`); the traces are returned in the order above, the rows' only
 * when they agree.
 */
export function readVerbTraces(
  file: string,
  paramBlocks: readonly Block[],
  table: TableBlock | undefined,
  sampleCode: { text: string; line: number; file: string } | undefined,
  diagnostics: Diagnostic[],
  requestLine?: VerbTrace,
): VerbTrace[] {
  const traces: VerbTrace[] = requestLine ? [requestLine] : [];
  const rows = table ? rowLayoutTrace(table.file ?? file, table, diagnostics) : undefined;
  if (rows) traces.push(rows);

  for (const b of paramBlocks) {
    if (b === table) break;
    if (b.kind !== 'paragraph') continue;
    const m = REQUEST_TYPE_LINE.exec(b.text.split('\n')[0] ?? '');
    if (m) {
      traces.push({ evidence: 'request-type-line', placement: 'body', source: { file: b.file ?? file, line: b.line, column: 1 } });
      break;
    }
  }

  if (sampleCode) {
    const m = SAMPLE_REQUEST_BODY.exec(sampleCode.text);
    if (m) {
      const before = sampleCode.text.slice(0, m.index).split('\n').length;
      traces.push({ evidence: 'sample-request-body', placement: 'body', source: { file: sampleCode.file, line: sampleCode.line + before, column: 1 } });
    }
  }

  const first = traces[0];
  for (const t of traces.slice(1)) {
    if (first && t.placement !== first.placement) {
      diagnostics.push(
        diagnostic(
          'md-verb-evidence-conflict',
          `${describeTrace(t)} says the parameters travel in the ${where(t.placement)}, but ${describeTrace(first)} says the ${where(first.placement)}; the ${first.evidence} is trusted`,
          t.source,
          [{ message: describeTrace(first), location: first.source }],
        ),
      );
    }
  }
  return traces;
}

const where = (p: ParameterPlacement): string => (p === 'query' ? 'query string' : 'request body');

/** The trace in words, for diagnostics. */
export function describeTrace(t: VerbTrace): string {
  switch (t.evidence) {
    case 'request-line':
      return `the request line (${t.verb} ${t.path})`;
    case 'row-layout':
      return `the layout of the parameter rows`;
    case 'request-type-line':
      return 'the request type line above the parameter table';
    case 'sample-request-body':
      return 'the request body built by the sample code';
  }
}

/** The placement the rows' layout says, when the table is in the generator's layout and its rows agree. */
function rowLayoutTrace(file: string, table: TableBlock, diagnostics: Diagnostic[]): VerbTrace | undefined {
  if (!table.delimiter || !table.delimiter.every((c) => c === LAYOUT_DELIMITER)) return undefined;
  const typeColumn = mapColumns(table.header.cells).index.type;
  if (typeColumn === undefined) return undefined;
  const seen = new Map<ParameterPlacement, number>();
  for (const row of table.rows) {
    if (!row.spacing || !row.leadingPipe) continue;
    const p = placementOfRow(row.spacing, typeColumn);
    if (p === undefined) continue;
    if (p === 'conflict') {
      diagnostics.push(
        diagnostic(
          'md-verb-evidence-conflict',
          `the row's indent and the spaces after its type are those of different parameter layouts (query string and request body): the rows say nothing about the verb`,
          { file, line: row.line, column: 1 },
        ),
      );
      return undefined;
    }
    if (!seen.has(p)) seen.set(p, row.line);
  }
  if (seen.size === 2) {
    diagnostics.push(
      diagnostic(
        'md-verb-evidence-conflict',
        `some parameter rows are laid out as query-string rows (line ${seen.get('query')}) and some as body rows (line ${seen.get('body')}): the rows say nothing about the verb`,
        { file, line: table.line, column: 1 },
      ),
    );
    return undefined;
  }
  const [entry] = [...seen];
  if (!entry) return undefined;
  return { evidence: 'row-layout', placement: entry[0], source: { file, line: entry[1], column: 1 } };
}
