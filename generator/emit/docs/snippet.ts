import { ts } from 'ts-morph';
import type { JsonValue } from '../../ir/types.js';
import { isPlainPropertyName, safeIdentifier } from '../../naming/identifiers.js';
import type { DocsTemplate } from './templates.js';

/**
 * The sample code of a method page, built as a TypeScript syntax tree and printed: every text
 * from a document or template is a string literal or a comment the printer writes, so no quote,
 * backtick, `${` or `*\/` can turn into code.
 */

const f = ts.factory;
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, neverAsciiEscape: true } as ts.PrinterOptions);
// the printer needs a source file for synthesized nodes; an empty one serves every snippet
const scratch = ts.createSourceFile('snippet.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

export interface SnippetInput {
  packageName: string;
  className: string;
  memberName: string;
  /** Arguments object of the call (param name → value); undefined when the method takes none. */
  args: { name: string; value: JsonValue }[] | undefined;
}

/** `// text` comments above `node`, one per line of `text`; a line break cannot end the comment early. */
const commentLines = (lines: readonly string[]): string[] =>
  lines.flatMap((l) => l.split(/\r\n|[\r\n\u2028\u2029]/)).map((l) => l.trim()).filter((l) => l !== '');

function withComments<T extends ts.Node>(node: T, lines: readonly string[]): T {
  for (const line of commentLines(lines)) ts.addSyntheticLeadingComment(node, ts.SyntaxKind.SingleLineCommentTrivia, ` ${line}`, true);
  return node;
}

const key = (name: string): ts.PropertyName => (isPlainPropertyName(name) ? f.createIdentifier(name) : f.createStringLiteral(name));

function json(value: JsonValue): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return f.createStringLiteral(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') {
    const lit = f.createNumericLiteral(Math.abs(value));
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, lit) : lit;
  }
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(json), false);
  return f.createObjectLiteralExpression(
    f.createNodeArray(Object.keys(value).map((k) => f.createPropertyAssignment(key(k), json(value[k]!))), true),
    true,
  );
}

/**
 * The printer indents by four spaces; the published samples use two. Only leading whitespace
 * changes: string literals are printed escaped on one line, comments are single-line.
 */
function twoSpaceIndent(code: string): string {
  return code.replace(/^((?:    )+)/gm, (lead: string) => '  '.repeat(lead.length / 4));
}

export function buildSnippet(input: SnippetInput, template: DocsTemplate['snippet']): string {
  const setup = template.clients[input.className] ?? template.clients.default!;
  const clientVar = safeIdentifier(input.className.charAt(0).toLowerCase() + input.className.slice(1), 'client');

  const importDecl = f.createImportDeclaration(
    undefined,
    f.createImportClause(false, undefined, f.createNamedImports([f.createImportSpecifier(false, undefined, f.createIdentifier(input.className))])),
    f.createStringLiteral(input.packageName),
  );

  const options = setup.options.map((o) => withComments(f.createPropertyAssignment(key(o.name), f.createStringLiteral(o.value)), o.comment ? [o.comment] : []));
  const optionsObject = f.createObjectLiteralExpression(f.createNodeArray(options, true), true);
  const construct = withComments(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(clientVar, undefined, undefined, f.createNewExpression(f.createIdentifier(input.className), undefined, [optionsObject]))],
        ts.NodeFlags.Const,
      ),
    ),
    [setup.comment, ...setup.notes],
  );

  const args =
    input.args === undefined
      ? []
      : [f.createObjectLiteralExpression(f.createNodeArray(input.args.map((a) => f.createPropertyAssignment(key(a.name), json(a.value))), true), true)];
  const callExpr = f.createAwaitExpression(
    f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(clientVar), input.memberName), undefined, args),
  );
  const result = withComments(
    f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration('result', undefined, undefined, callExpr)], ts.NodeFlags.Const)),
    template.resultComment ? [template.resultComment] : [],
  );
  const log = f.createExpressionStatement(
    f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier('console'), 'log'), undefined, [
      f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier('JSON'), 'stringify'), undefined, [
        f.createIdentifier('result'),
        f.createNull(),
        f.createNumericLiteral(2),
      ]),
    ]),
  );

  const statements = [importDecl, construct, result, log];
  const printed = statements.map((s) => twoSpaceIndent(printer.printNode(ts.EmitHint.Unspecified, s, scratch)));
  // a blank line between the import, the set-up and the call, as the published samples have
  return `${printed[0]}\n\n${printed[1]}\n\n${printed[2]}\n${printed[3]}\n`;
}
