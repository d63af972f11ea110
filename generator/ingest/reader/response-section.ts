import type { JsonValue, NamedType } from '../../ir/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import { MAX_NESTING, nestingProblem } from '../../ir/values.js';
import { pascalCase } from '../../naming/words.js';
import type { Block, HeadingBlock, TableBlock } from '../page/model.js';
import { stripInvisible } from '../page/inline.js';
import { readFieldTable, type TableContext } from './field-table.js';

export interface ResponseReading {
  /** The response envelope as a named type (`IsSuccessRespDto`), fields from the table. */
  type?: NamedType;
  sample?: JsonValue;
}

const TYPE_LINE = /(?:^|\n)\s*(?:type|类型)\s*[:：]\s*`?\s*([A-Za-z_][A-Za-z0-9_]*)\s*`?/i;

/** The "Request Response" section: `Type: \`XxxRespDto\``, its table, and the sample JSON. */
export function readResponseSection(
  blocks: readonly Block[],
  ctx: TableContext & { heading: HeadingBlock; words: string[] },
): ResponseReading {
  const out: ResponseReading = {};
  let typeName: string | undefined;
  let typeAt = { file: ctx.heading.file ?? ctx.file, line: ctx.heading.line };
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const m = TYPE_LINE.exec(stripInvisible(b.text));
    if (m) {
      typeName = m[1]!;
      typeAt = { file: b.file ?? ctx.file, line: b.line };
      break;
    }
  }
  const table = blocks.find((b): b is TableBlock => b.kind === 'table');
  if (!typeName && table) {
    typeName = `${pascalCase(ctx.words)}RespDto`;
    ctx.diagnostics.push({
      code: 'md-response-type-missing',
      severity: 'warning',
      message: `the response has no "Type:" line; its table is named ${typeName}`,
      location: { file: ctx.heading.file ?? ctx.file, line: ctx.heading.line, column: 1 },
    });
  }
  if (typeName) {
    const fields = table ? readFieldTable(table, ctx).fields : [];
    out.type = {
      name: typeName,
      type: { kind: 'object', fields },
      source: { ...typeAt, column: 1 },
    };
  }
  const code = blocks.find((b) => b.kind === 'code' && (b.lang === 'json' || b.lang === '' || b.lang === 'js'));
  if (code && code.kind === 'code' && code.text.trim() !== '') {
    try {
      const sample = JSON.parse(code.text) as JsonValue;
      if (nestingProblem(sample)) {
        ctx.diagnostics.push(diagnostic('input-too-deep', `sample result nests arrays or objects more than ${MAX_NESTING} levels deep; it is left out`, { file: ctx.file, line: code.line + 1, column: 1 }));
      } else out.sample = sample;
    } catch (e) {
      const { line, column } = jsonErrorPosition(code.text, e);
      ctx.diagnostics.push({
        code: 'md-sample-json-invalid',
        severity: 'warning',
        message: `sample result is not valid JSON: ${(e as Error).message}`,
        location: { file: code.file ?? ctx.file, line: code.line + line, column },
      });
    }
  }
  return out;
}

/** Line (1-based, within the block) and column of a JSON.parse error, from its message. */
function jsonErrorPosition(text: string, e: unknown): { line: number; column: number } {
  const m = /position (\d+)/.exec(String((e as Error).message));
  if (!m) return { line: 1, column: 1 };
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
