import { ts } from 'ts-morph';
import type { Field, TypeRef } from '../../ir/types.js';
import { f, id, literalType, memberKey } from './ast.js';
import { docText, fieldTags } from './docs.js';
import type { ModuleRefs } from './module-refs.js';

/** IR type expression → TypeScript type node. Named types become references (imported). */
export function typeNode(t: TypeRef, refs: ModuleRefs): ts.TypeNode {
  const kw = (k: ts.KeywordTypeSyntaxKind): ts.TypeNode => f.createKeywordTypeNode(k);
  switch (t.kind) {
    case 'string':
      return kw(ts.SyntaxKind.StringKeyword);
    case 'number':
    case 'integer':
      return kw(ts.SyntaxKind.NumberKeyword);
    case 'boolean':
      return kw(ts.SyntaxKind.BooleanKeyword);
    case 'null':
      return f.createLiteralTypeNode(f.createNull());
    case 'binary':
      // what the runtime sends as bytes; a File is a Blob
      return union([f.createTypeReferenceNode(id('Blob')), f.createTypeReferenceNode(id('Uint8Array'))]);
    case 'unknown':
      return kw(ts.SyntaxKind.UnknownKeyword);
    case 'literal':
      return literalType(t.value);
    case 'array':
      return f.createArrayTypeNode(parenthesize(typeNode(t.items, refs)));
    case 'ref': {
      const name = refs.typeName(t.name);
      return name ? f.createTypeReferenceNode(id(name)) : kw(ts.SyntaxKind.UnknownKeyword);
    }
    case 'map':
      // an index signature, not Record<string, X>: a map of itself (`Tree: {additionalProperties:
      // {$ref: Tree}}`) is a type literal TypeScript defers, where the Record alias is TS2456
      return f.createTypeLiteralNode([
        f.createIndexSignature(undefined, [f.createParameterDeclaration(undefined, undefined, 'key', undefined, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword))], typeNode(t.values, refs)),
      ]);
    case 'object':
      if (t.fields.length === 0) return record(kw(ts.SyntaxKind.UnknownKeyword));
      return f.createTypeLiteralNode(objectMembers(t.fields, t.open === true, refs));
    case 'enum': {
      const values = uniqueValues(t.values.map((v) => v.value));
      if (values.length === 0) return typeNode({ kind: t.base }, refs);
      return union(values.map(literalType));
    }
    case 'union':
      return union(t.variants.map((v) => typeNode(v, refs)));
  }
}

/** Members of an interface or type literal, with JSDoc per field. */
export function objectMembers(fields: readonly Field[], open: boolean, refs: ModuleRefs): ts.TypeElement[] {
  const members: ts.TypeElement[] = fields.map((field) => {
    const sig = f.createPropertySignature(
      field.readOnly ? [f.createModifier(ts.SyntaxKind.ReadonlyKeyword)] : undefined,
      memberKey(field.name),
      field.required ? undefined : f.createToken(ts.SyntaxKind.QuestionToken),
      typeNode(field.type, refs),
    );
    return withDocComment(sig, field);
  });
  if (open) members.push(indexSignature());
  return members;
}

export function indexSignature(): ts.IndexSignatureDeclaration {
  return f.createIndexSignature(
    undefined,
    [f.createParameterDeclaration(undefined, undefined, 'key', undefined, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword))],
    f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword),
  );
}

/** A JSDoc comment on a nested field (the comment text is sanitised like every other doc). */
function withDocComment<T extends ts.Node>(node: T, field: Field): T {
  const lines: string[] = [];
  if (field.description) lines.push(...docText(field.description).split('\n'));
  for (const tag of fieldTags(field)) lines.push(`@${tag.tagName}${tag.text ? ` ${tag.text}` : ''}`);
  if (lines.length === 0) return node;
  const body = `*\n${lines.map((l) => ` *${l ? ` ${l}` : ''}`).join('\n')}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, body, true);
}

function record(values: ts.TypeNode): ts.TypeNode {
  return f.createTypeReferenceNode(id('Record'), [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), values]);
}

function union(types: ts.TypeNode[]): ts.TypeNode {
  return types.length === 1 ? types[0]! : f.createUnionTypeNode(types.map(parenthesize));
}

/** `(A | B)[]`, not `A | B[]`. */
function parenthesize(node: ts.TypeNode): ts.TypeNode {
  return ts.isUnionTypeNode(node) || ts.isFunctionTypeNode(node) ? f.createParenthesizedType(node) : node;
}

export function uniqueValues<T extends string | number | boolean>(values: readonly T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}
