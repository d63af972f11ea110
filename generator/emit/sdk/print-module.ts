import {
  Scope,
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type ExportDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from 'ts-morph';

/**
 * Writes a module from the structures the SDK's module builders return, as text, in the layout
 * ts-morph wrote them in after a formatting pass (two-space indents, a blank line around every
 * interface and class). ts-morph parsed and formatted every module for that: nine tenths of the
 * SDK emitter's time on GitHub's spec. Only the structure kinds and fields the builders use are
 * supported; anything else throws, so a new kind cannot be silently dropped.
 * `test/emit/sdk/print-module.test.ts` compares both writers on every module of the seeds,
 * the corpus and every OpenAPI example.
 */

type Docs = (OptionalKind<JSDocStructure> | string)[] | undefined;

const INDENT = '  ';

/**
 * The formatter's rule for a brace block (object literal, type literal, block) that spans lines:
 * a line break after its `{` and before its `}`. The printer leaves `{ key: 'body', properties: [`
 * on one line when a single-line object holds a multi-line array.
 */
function breakMultilineBraces(code: string): string {
  const open: { at: number; line: number }[] = [];
  const breakAfter = new Set<number>(); // index of a `{`
  const breakBefore = new Set<number>(); // index of a `}`
  let line = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '\n') line++;
    else if (comment) {
      if (c === '*' && code[i + 1] === '/') {
        comment = false;
        i++;
      }
    } else if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && code[i + 1] === '*') {
      comment = true;
      i++;
    } else if (c === '/' && code[i + 1] === '/') {
      while (i + 1 < code.length && code[i + 1] !== '\n') i++;
    } else if (c === '{') open.push({ at: i, line });
    else if (c === '}') {
      const o = open.pop();
      if (o && o.line !== line) {
        if (!/^[ \t]*\n/.test(code.slice(o.at + 1, code.indexOf('\n', o.at) + 1))) breakAfter.add(o.at);
        if (!/\n[ \t]*$/.test(code.slice(code.lastIndexOf('\n', i), i))) breakBefore.add(i);
      }
    }
  }
  if (breakAfter.size === 0 && breakBefore.size === 0) return code;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    if (breakBefore.has(i)) {
      parts.push(code.slice(from, i).trimEnd(), '\n');
      from = i;
    } else if (breakAfter.has(i)) {
      parts.push(code.slice(from, i + 1), '\n');
      while (code[i + 1] === ' ') i++;
      from = i + 1;
    }
  }
  parts.push(code.slice(from));
  return parts.join('');
}

/**
 * Printed code re-indented as the formatter does it, from the line the text starts on (at
 * `base`): a line is indented one step (two spaces) past the line that opened its innermost
 * open bracket, however many brackets that line opened (`z.union([z.object({`); a line that
 * starts by closing one goes back to that line's indent; a comment's inner lines sit one space
 * past its first line. The TypeScript printer instead indents four spaces per bracket.
 */
function reindent(printed: string, base: string): string {
  if (!printed.includes('\n')) return printed;
  const code = breakMultilineBraces(printed);
  const lines = code.split('\n');
  const out: string[] = [lines[0]!];
  const open: number[] = []; // indent of the line each open bracket is on
  let quote = '';
  let comment = false;
  let commentIndent = 0;
  const scan = (line: string, indent: number): void => {
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (comment) {
        if (c === '*' && line[i + 1] === '/') {
          comment = false;
          i++;
        }
      } else if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '/' && line[i + 1] === '*') {
        comment = true;
        commentIndent = indent;
        i++;
      } else if (c === '/' && line[i + 1] === '/') break;
      else if (c === '{' || c === '[' || c === '(') open.push(indent);
      else if (c === '}' || c === ']' || c === ')') open.pop();
    }
  };
  scan(lines[0]!, 0);
  for (let k = 1; k < lines.length; k++) {
    const content = lines[k]!.trimStart();
    let indent: number;
    if (comment) indent = commentIndent + 1;
    else if (/^[}\])]/.test(content)) indent = open.length > 0 ? open[open.length - 1]! : 0;
    else indent = open.length > 0 ? open[open.length - 1]! + 2 : 0;
    if (quote) throw new Error('print-module: a string literal over several lines cannot be re-indented');
    scan(content, indent);
    out.push(content === '' ? '' : `${base}${' '.repeat(indent)}${content}`);
  }
  return out.join('\n');
}

function jsDocText(doc: OptionalKind<JSDocStructure> | string): string {
  if (typeof doc === 'string') return doc;
  const description = typeof doc.description === 'string' ? doc.description : '';
  const tags = (doc.tags ?? []).map((t) => {
    if (typeof t.text !== 'string' && t.text !== undefined) unsupported('a JSDoc tag whose text is a writer function');
    return `@${t.tagName}${t.text ? ` ${t.text}` : ''}`;
  });
  return tags.length > 0 ? `${description}\n${tags.join('\n')}` : description;
}

function writeDocs(out: string[], docs: Docs, indent: string): void {
  for (const doc of docs ?? []) {
    const lines = jsDocText(doc).split(/\r?\n/);
    if (lines.length > 1 && lines[0] === '') lines.shift();
    if (lines.length <= 1) {
      out.push(`${indent}/** ${lines[0]} */`);
      continue;
    }
    out.push(`${indent}/**`);
    for (const line of lines) out.push(line === '' ? `${indent} *` : `${indent} * ${line}`);
    out.push(`${indent} */`);
  }
}

function unsupported(what: string): never {
  throw new Error(`print-module: ${what} is not supported`);
}

const named = (names: readonly ({ name: string; isTypeOnly?: boolean; alias?: string } | string)[] | undefined): string =>
  (names ?? [])
    .map((n) => (typeof n === 'string' ? n : `${n.isTypeOnly ? 'type ' : ''}${n.name}${n.alias ? ` as ${n.alias}` : ''}`))
    .join(', ');

const quoted = (specifier: string): string => (/^[^'\\\n]*$/.test(specifier) ? `'${specifier}'` : unsupported(`the module specifier ${JSON.stringify(specifier)}`));

function importLine(i: OptionalKind<ImportDeclarationStructure>): string {
  if (i.defaultImport || i.namespaceImport || i.attributes) unsupported('a default or namespace import');
  const type = i.isTypeOnly ? 'type ' : '';
  return i.namedImports && i.namedImports.length > 0 ? `import ${type}{ ${named(i.namedImports as never)} } from ${quoted(i.moduleSpecifier)};` : `import ${quoted(i.moduleSpecifier)};`;
}

function exportLine(e: OptionalKind<ExportDeclarationStructure>): string {
  if (e.isTypeOnly || e.namespaceExport || e.attributes || !e.moduleSpecifier) unsupported('this export declaration');
  return e.namedExports && e.namedExports.length > 0 ? `export { ${named(e.namedExports as never)} } from ${quoted(e.moduleSpecifier)};` : `export * from ${quoted(e.moduleSpecifier)};`;
}

const typeText = (t: unknown): string => (typeof t === 'string' ? t : unsupported('a type given as a writer function'));

function interfaceLines(s: InterfaceDeclarationStructure, out: string[]): void {
  if (s.typeParameters?.length || (s.extends !== undefined && !Array.isArray(s.extends)) || s.methods?.length || s.callSignatures?.length || s.constructSignatures?.length || s.getAccessors?.length || s.setAccessors?.length) {
    unsupported('an interface with type parameters or members other than properties and index signatures');
  }
  writeDocs(out, s.docs, '');
  const heritage = Array.isArray(s.extends) && s.extends.length > 0 ? ` extends ${s.extends.map(typeText).join(', ')}` : '';
  out.push(`${s.isExported ? 'export ' : ''}interface ${s.name}${heritage} {`);
  for (const ix of s.indexSignatures ?? []) {
    writeDocs(out, ix.docs, INDENT);
    out.push(`${INDENT}${ix.isReadonly ? 'readonly ' : ''}[${ix.keyName ?? 'key'}: ${typeText(ix.keyType ?? 'string')}]: ${typeText(ix.returnType)};`);
  }
  for (const p of s.properties ?? []) {
    writeDocs(out, p.docs, INDENT);
    out.push(`${INDENT}${p.isReadonly ? 'readonly ' : ''}${p.name}${p.hasQuestionToken ? '?' : ''}: ${reindent(typeText(p.type), INDENT)};`);
  }
  out.push('}');
}

function typeAliasLines(s: TypeAliasDeclarationStructure, out: string[]): void {
  if (s.typeParameters?.length) unsupported('a generic type alias');
  writeDocs(out, s.docs, '');
  out.push(`${s.isExported ? 'export ' : ''}type ${s.name} = ${reindent(typeText(s.type), '')};`);
}

function variableLines(s: VariableStatementStructure, out: string[]): void {
  if (s.declarations.length !== 1 || s.hasDeclareKeyword) unsupported('a variable statement without exactly one declaration');
  const d = s.declarations[0]!;
  if (typeof d.initializer !== 'string' || d.hasExclamationToken) unsupported('a variable without an initializer text');
  const keyword = s.declarationKind === VariableDeclarationKind.Let ? 'let' : s.declarationKind === VariableDeclarationKind.Var ? 'var' : 'const';
  writeDocs(out, s.docs, '');
  const type = d.type === undefined ? '' : `: ${reindent(typeText(d.type), '')}`;
  out.push(`${s.isExported ? 'export ' : ''}${keyword} ${d.name}${type} = ${reindent(d.initializer, '')};`);
}

interface Parameter {
  name: string;
  type?: unknown;
  initializer?: unknown;
  hasQuestionToken?: boolean;
}

const parameters = (ps: readonly Parameter[] | undefined): string =>
  (ps ?? [])
    .map((p) => `${p.name}${p.hasQuestionToken ? '?' : ''}${p.type === undefined ? '' : `: ${typeText(p.type)}`}${p.initializer === undefined ? '' : ` = ${typeText(p.initializer)}`}`)
    .join(', ');

function body(statements: unknown, out: string[], indent: string): void {
  const list = typeof statements === 'string' ? [statements] : Array.isArray(statements) ? statements : statements === undefined ? [] : unsupported('statements given as a writer function');
  for (const st of list) out.push(`${indent}${reindent(typeText(st), indent)}`);
}

function classLines(s: ClassDeclarationStructure, out: string[]): void {
  if (s.typeParameters?.length || s.extends || s.implements?.length || s.getAccessors?.length || s.setAccessors?.length || s.staticBlocks?.length || s.decorators?.length || s.isAbstract) {
    unsupported('a class with type parameters, heritage, accessors or decorators');
  }
  writeDocs(out, s.docs, '');
  out.push(`${s.isExported ? 'export ' : ''}class ${s.name} {`);
  const members: string[][] = [];
  const props: string[] = [];
  for (const p of s.properties ?? []) {
    writeDocs(props, p.docs, INDENT);
    const scope = p.scope && p.scope !== Scope.Public ? `${p.scope} ` : '';
    props.push(`${INDENT}${scope}${p.isStatic ? 'static ' : ''}${p.isReadonly ? 'readonly ' : ''}${p.name}${p.hasQuestionToken ? '?' : ''}${p.type === undefined ? '' : `: ${typeText(p.type)}`}${p.initializer === undefined ? '' : ` = ${typeText(p.initializer)}`};`);
  }
  if (props.length > 0) members.push(props);
  for (const c of s.ctors ?? []) {
    const m: string[] = [];
    writeDocs(m, c.docs, INDENT);
    m.push(`${INDENT}constructor(${parameters(c.parameters as Parameter[])}) {`);
    body(c.statements, m, INDENT + INDENT);
    m.push(`${INDENT}}`);
    members.push(m);
  }
  for (const meth of s.methods ?? []) {
    if (meth.typeParameters?.length || meth.overloads?.length || meth.isAbstract || meth.decorators?.length) unsupported('a generic, overloaded or abstract method');
    const m: string[] = [];
    writeDocs(m, meth.docs, INDENT);
    const scope = meth.scope && meth.scope !== Scope.Public ? `${meth.scope} ` : '';
    const mods = `${scope}${meth.isStatic ? 'static ' : ''}${meth.isAsync ? 'async ' : ''}`;
    m.push(`${INDENT}${mods}${meth.name}(${parameters(meth.parameters as Parameter[])})${meth.returnType === undefined ? '' : `: ${reindent(typeText(meth.returnType), INDENT)}`} {`);
    body(meth.statements, m, INDENT + INDENT);
    m.push(`${INDENT}}`);
    members.push(m);
  }
  members.forEach((m, i) => {
    if (i > 0) out.push('');
    out.push(...m);
  });
  out.push('}');
}

/** A block (interface, class) has a blank line on each side; other statements follow directly. */
const isBlock = (s: StatementStructures): boolean => s.kind === StructureKind.Interface || s.kind === StructureKind.Class;

export type ModulePrinter = (leadingComment: string, imports: readonly OptionalKind<ImportDeclarationStructure>[], statements: readonly StatementStructures[]) => string;

/** The module's text: a leading comment, the imports, then the statements, as ts-morph formats them. */
export function printModule(leadingComment: string, imports: readonly OptionalKind<ImportDeclarationStructure>[], statements: readonly StatementStructures[]): string {
  const out: string[] = [`// ${leadingComment}`];
  for (const i of imports) out.push(importLine(i));
  let lastWasBlock = false;
  let first = true;
  for (const s of statements) {
    if ((isBlock(s) || lastWasBlock) && (!first || imports.length > 0)) out.push('');
    switch (s.kind) {
      case StructureKind.Interface:
        interfaceLines(s, out);
        break;
      case StructureKind.TypeAlias:
        typeAliasLines(s, out);
        break;
      case StructureKind.VariableStatement:
        variableLines(s, out);
        break;
      case StructureKind.Class:
        classLines(s, out);
        break;
      case StructureKind.ExportDeclaration:
        out.push(exportLine(s));
        break;
      default:
        unsupported(`a statement of kind ${StructureKind[s.kind]}`);
    }
    lastWasBlock = isBlock(s);
    first = false;
  }
  return `${out.join('\n')}\n`;
}
