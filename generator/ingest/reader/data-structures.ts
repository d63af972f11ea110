import type { Diagnostic } from '../../diagnostics/types.js';
import type { EnumValue, NamedType } from '../../ir/types.js';
import type { Block, TableBlock } from '../page/model.js';
import { cellMarkdown, cellPlain } from '../page/inline.js';
import { readFieldTable, type TableContext } from './field-table.js';
import { mapColumns } from './headers.js';

export interface StructureSection {
  name: string;
  line: number;
  /** Reads the section's table; deferred so every structure name is known first. */
  read: (ctx: TableContext) => NamedType;
}

/** `### <a id="Dto"></a> Dto` → Dto; `### Dto` → Dto. */
function structureName(headingText: string): string | undefined {
  const id = /<a\s+id\s*=\s*["']([^"']+)["']/i.exec(headingText);
  if (id) return id[1]!;
  const t = cellPlain(headingText);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(t) ? t : undefined;
}

/** The "Data Structure" section: one `###` heading and table per named type. */
export function readDataStructures(
  blocks: readonly Block[],
  file: string,
  diagnostics: Diagnostic[],
  /** Blocks of the "Data Structure" section proper: there a plain `### Name` counts too. */
  inSection: ReadonlySet<Block>,
): StructureSection[] {
  const out: StructureSection[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'heading' || b.depth < 3) continue;
    const anchored = /<a\s+id\s*=/i.test(b.text);
    if (!anchored && !inSection.has(b)) continue;
    const name = structureName(b.text);
    if (!name) continue;
    let table: TableBlock | undefined;
    for (let j = i + 1; j < blocks.length && !(blocks[j]!.kind === 'heading'); j++) {
      const c = blocks[j]!;
      if (c.kind === 'table') {
        table = c;
        break;
      }
    }
    if (seen.has(name)) {
      diagnostics.push({
        code: 'md-data-structure-duplicate',
        severity: 'info',
        message: `data structure ${name} appears twice on the page; the first is used`,
        location: { file: b.file ?? file, line: b.line, column: b.column },
      });
      continue;
    }
    seen.add(name);
    const source = { file: b.file ?? file, line: b.line, column: b.column };
    out.push({
      name,
      line: b.line,
      read: (ctx) => {
        if (!table) return { name, type: { kind: 'object', fields: [] }, source };
        const enumType = readEnumTable(table, table.file ?? file);
        if (enumType) return { name, type: enumType, source };
        return { name, type: { kind: 'object', fields: readFieldTable(table, ctx).fields }, source };
      },
    });
  }
  return out;
}

/** A structure whose rows all have Type `enum` lists the values of an enum (`ResourceType`). */
function readEnumTable(table: TableBlock, file: string): NamedType['type'] | undefined {
  const { index } = mapColumns(table.header.cells);
  if (index.name === undefined || index.type === undefined || table.rows.length === 0) return undefined;
  const rows = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0 || !rows.every((r) => cellPlain(r.cells[index.type!] ?? '').toLowerCase() === 'enum')) return undefined;
  const values: EnumValue[] = rows.map((r) => {
    const v: EnumValue = {
      value: cellPlain(r.cells[index.name!] ?? ''),
      source: { file: r.file ?? file, line: r.line, column: r.columns[index.name!] ?? 1 },
    };
    const d = index.description === undefined ? '' : cellMarkdown(r.cells[index.description] ?? '');
    if (d) v.description = d;
    return v;
  });
  return { kind: 'enum', base: 'string', values };
}
