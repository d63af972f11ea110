import { StructureKind, VariableDeclarationKind, type InterfaceDeclarationStructure, type StatementStructures } from 'ts-morph';
import type { NamedType } from '../../ir/types.js';
import { f, id, memberKeyText, printExpression, printType, pure } from './ast.js';
import { fieldDocs, jsDoc } from './docs.js';
import { ModuleRefs } from './module-refs.js';
import type { SdkNames } from './names.js';
import { typeNode } from './types.js';
import { namedTypeSchema } from './zod.js';

export const modelPath = (file: string): string => `src/models/${file}.ts`;

export interface ModelModule {
  path: string;
  statements: StatementStructures[];
  refs: ModuleRefs;
}

/**
 * One module per named type: its interface (or type alias) and its `<Type>Schema`. One module
 * each keeps the SDK tree-shakable at the finest grain: a method pulls in only what it reaches.
 */
export function modelModule(named: NamedType, names: SdkNames, groups: Map<string, number>, large: ReadonlySet<string> = new Set()): ModelModule {
  const n = names.types.get(named.name)!;
  const refs = new ModuleRefs(names, groups, (file) => `./${file}.js`, named.name);
  const docs = jsDoc({ description: named.description });
  const t = named.type;

  let declaration: StatementStructures;
  if (t.kind === 'object' && t.fields.length > 0) {
    const iface: InterfaceDeclarationStructure = {
      kind: StructureKind.Interface,
      name: n.type,
      isExported: true,
      docs,
      properties: t.fields.map((field) => ({
        name: memberKeyText(field.name),
        type: printType(typeNode(field.type, refs)),
        hasQuestionToken: !field.required,
        ...(field.readOnly ? { isReadonly: true } : {}),
        docs: fieldDocs(field),
      })),
      // an open object keeps the properties the docs do not list
      indexSignatures: t.open ? [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }] : [],
    };
    declaration = iface;
  } else {
    declaration = { kind: StructureKind.TypeAlias, name: n.type, isExported: true, docs, type: printType(typeNode(t, refs)) };
  }

  const schema = namedTypeSchema(t, named.description, refs);
  // output and input: DTO schemas apply no defaults, so both are the interface
  // a cycle needs the annotation to type-check, a very large schema to be declared (schema-size.ts)
  const annotation = refs.ownerIsCyclic() || large.has(named.name)
    ? printType(f.createTypeReferenceNode(f.createQualifiedName(id('z'), 'ZodType'), [f.createTypeReferenceNode(id(n.type)), f.createTypeReferenceNode(id(n.type))]))
    : undefined;

  const schemaStatement: StatementStructures = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc({ summary: `Validates {@link ${n.type}}.`, description: named.description }),
    declarations: [{ name: n.schema, ...(annotation ? { type: annotation } : {}), initializer: printExpression(pure(schema)) }],
  };
  return { path: modelPath(n.file), statements: [declaration, schemaStatement], refs };
}
