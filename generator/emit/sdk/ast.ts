import { ts } from 'ts-morph';
import type { JsonValue } from '../../ir/types.js';
import { isPlainPropertyName } from '../../naming/identifiers.js';

/**
 * Expression and type nodes built with the TypeScript factory and printed once: every string
 * that came from a document goes through `createStringLiteral`, so the printer escapes it and no
 * quote, backtick or `${` in a description can end up as code.
 */
export const f = ts.factory;

// `neverAsciiEscape` keeps Chinese descriptions readable instead of `\u4E2D...` (it is a printer
// option the compiler itself uses; the escaping of quotes and line breaks is unchanged).
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, neverAsciiEscape: true } as ts.PrinterOptions);
const scratch = ts.createSourceFile('print.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

export const printExpression = (node: ts.Expression): string => printer.printNode(ts.EmitHint.Expression, node, scratch);
export const printType = (node: ts.TypeNode): string => printer.printNode(ts.EmitHint.Unspecified, node, scratch);
export const printStatement = (node: ts.Statement): string => printer.printNode(ts.EmitHint.Unspecified, node, scratch);

export const str = (text: string): ts.StringLiteral => f.createStringLiteral(text, true);
export const id = (name: string): ts.Identifier => f.createIdentifier(name);

/** `target.method(...args)` */
export function call(target: ts.Expression, method: string, args: readonly ts.Expression[] = []): ts.CallExpression {
  return f.createCallExpression(f.createPropertyAccessExpression(target, method), undefined, [...args]);
}

export function num(value: number): ts.Expression {
  const lit = f.createNumericLiteral(Math.abs(value));
  return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, lit) : lit;
}

/** A JSON value as an expression (defaults, literals). */
export function jsonExpression(value: JsonValue): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(jsonExpression), false);
  return f.createObjectLiteralExpression(
    Object.keys(value).map((k) => f.createPropertyAssignment(objectKey(k), jsonExpression(value[k]!))),
    false,
  );
}

/** A literal type (`'user_id'`, `2`, `-1`, `true`). */
export function literalType(value: string | number | boolean): ts.TypeNode {
  if (typeof value === 'string') return f.createLiteralTypeNode(str(value));
  if (typeof value === 'boolean') return f.createLiteralTypeNode(value ? f.createTrue() : f.createFalse());
  return f.createLiteralTypeNode(num(value) as ts.LiteralExpression);
}

/**
 * Key of an object literal property. `"__proto__": v` in an object literal sets the prototype
 * instead of a property, so that one key is written computed (`["__proto__"]: v`).
 */
export function objectKey(name: string): ts.PropertyName {
  if (name === '__proto__') return f.createComputedPropertyName(str(name));
  return isPlainPropertyName(name) ? id(name) : str(name);
}

/** Key of an interface / type-literal member: `"__proto__"` is an ordinary property name in types. */
export function memberKey(name: string): ts.PropertyName {
  return isPlainPropertyName(name) ? id(name) : str(name);
}

/** Member key as text for ts-morph structures (`userId`, `'user-id'`). */
export const memberKeyText = (name: string): string =>
  isPlainPropertyName(name) ? name : printExpression(str(name));

/** Marks a call as free of side effects for bundlers (`/*#__PURE__*\/ z.object(...)`). */
export function pure<T extends ts.Node>(node: T): T {
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, '#__PURE__', false);
}
