import { StructureKind, VariableDeclarationKind, ts, type StatementStructures } from 'ts-morph';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Field, Method, TypeRef } from '../../ir/types.js';
import { parameterKeys } from '../../naming/members.js';
import { f, id, memberKeyText, printExpression, printType, pure } from './ast.js';
import { fieldDocs, jsDoc } from './docs.js';
import { ModuleRefs } from './module-refs.js';
import type { ClientNames, SdkNames } from './names.js';
import { sortedMethods, typedErrors } from './names.js';
import { typeNode } from './types.js';
import { objectSchema } from './zod.js';

export const paramsPath = (clientFile: string): string => `src/clients/${clientFile}.params.ts`;

/** A method's arguments object as fields: parameters under their keys, then the whole body. */
export function argumentFields(method: Method): Field[] {
  const keys = parameterKeys(method);
  const fields: Field[] = method.parameters.map((p, i) => ({ ...p, name: keys.params[i]! }));
  if (method.requestBody && keys.body) {
    const b = method.requestBody;
    const type = b.encoding === 'multipart' ? withFileParts(b.type) : b.type;
    fields.push({ name: keys.body, type, required: b.required, source: b.source, ...(b.description ? { description: b.description } : {}) });
  }
  return fields;
}

/**
 * A multipart part is bytes with an optional filename, so a plain string part may carry a file
 * too: OpenAPI 3.0 marks files only by `format: binary`, and real specs leave it out (Stripe's
 * `file` of `POST /v1/files` is `type: string`). Such parts of an inline body object accept
 * `string | Blob | Uint8Array`; a Blob goes as a file part.
 */
function withFileParts(t: TypeRef): TypeRef {
  if (t.kind !== 'object') return t;
  const widen = (x: TypeRef): TypeRef => (x.kind === 'string' && x.format === undefined ? { kind: 'union', variants: [x, { kind: 'binary' }] } : x);
  return { ...t, fields: t.fields.map((f) => ({ ...f, type: f.type.kind === 'array' ? { ...f.type, items: widen(f.type.items) } : widen(f.type) })) };
}

/**
 * Per client, one module with every method's `<Method>Params` interface and
 * `<Method>ParamsSchema`: the client imports it anyway, and other clients never do. Defaults are
 * compiled into the schemas (`.default()`), so `z.input` is the params type and parsing fills them.
 */
export function paramsModule(c: ClientNames, names: SdkNames, groups: Map<string, number>, diagnostics: Diagnostic[]) {
  const refs = new ModuleRefs(names, groups, (file) => `../models/${file}.js`);
  const statements: StatementStructures[] = [];
  let usesApiError = false;
  for (const method of sortedMethods(c.client)) {
    const n = c.params.get(method.id)!;
    const fields = argumentFields(method);
    method.parameters.forEach((p, i) => {
      if (fields[i]!.name !== p.name) {
        diagnostics.push({
          code: 'sdk-name-changed',
          severity: 'info',
          message: `parameter "${p.name}" of ${c.className}.${c.members.get(method.id)} is the argument key "${fields[i]!.name}" (still sent as "${p.name}")`,
          location: p.source,
        });
      }
    });
    const docs = jsDoc({ summary: `Arguments of {@link ${c.className}.${c.members.get(method.id)}}.` });
    if (fields.length === 0) {
      // no arguments: `{}` would accept any value, and `z.object({})` infers Record<string, never>
      statements.push({ kind: StructureKind.TypeAlias, name: n.type, isExported: true, docs, type: printType(noArguments()) });
    } else {
      statements.push({
        kind: StructureKind.Interface,
        name: n.type,
        isExported: true,
        docs,
        properties: fields.map((field) => ({
          name: memberKeyText(field.name),
          type: printType(typeNode(field.type, refs)),
          hasQuestionToken: !field.required,
          docs: fieldDocs(field),
        })),
      });
    }
    const schema = objectSchema(fields, false, refs, {
      applyDefaults: true,
      onBadDefault: (field) =>
        diagnostics.push({
          code: 'sdk-default-mismatch',
          severity: 'warning',
          message: `default ${JSON.stringify(field.default)} of parameter "${field.name}" is not a value of its type; it is documented but not applied`,
          location: field.source,
        }),
    });
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc({ summary: `Validates {@link ${n.type}}; fills in documented defaults.` }),
      declarations: [{ name: n.schema, initializer: printExpression(pure(schema)) }],
    });
    if (n.error) {
      // the documented error bodies: `catch (e) { if (e instanceof ApiError) (e as GetXError).body… }`
      const errors = typedErrors(method);
      const bodies = [...new Map(errors.map((e) => [printType(typeNode(e.type, refs)), e])).keys()];
      statements.push({
        kind: StructureKind.TypeAlias,
        name: n.error,
        isExported: true,
        docs: jsDoc({ summary: `What {@link ${c.className}.${c.members.get(method.id)}} throws for a documented error response (${errors.map((e) => e.status).join(', ')}).` }),
        type: `ApiError<${bodies.join(' | ')}>`,
      });
      usesApiError = true;
    }
  }
  return { path: paramsPath(c.file), statements, refs, usesApiError };
}

const noArguments = (): ts.TypeNode =>
  f.createTypeReferenceNode(id('Record'), [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword)]);
