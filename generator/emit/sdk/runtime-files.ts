import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';

export interface RuntimeSources {
  /** `types.ts` → its text, sorted by name; copied verbatim to `sdk/src/runtime/`. */
  files: { name: string; text: string }[];
  /** Names the runtime exports (the SDK entry re-exports them, so nothing generated may reuse them). */
  exports: string[];
}

/** Reads the hand-written runtime (see RUNTIME_API contract); undefined when it is missing. */
export function readRuntime(dir: string): RuntimeSources | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts') && !n.includes('.test.')).sort();
  } catch {
    return undefined;
  }
  if (!names.includes('index.ts')) return undefined;
  const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return { files, exports: [...new Set(files.flatMap((f) => exportedNames(f.name, f.text)))].sort() };
}

/** Top-level exported declaration names of one file, read from its syntax tree. */
function exportedNames(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(st) && exported) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push(d.name.text);
    } else if (
      exported &&
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) &&
      st.name
    ) {
      out.push(st.name.text);
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) out.push(e.name.text);
    }
  }
  return out;
}
