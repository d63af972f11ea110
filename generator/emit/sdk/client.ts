import { Scope, StructureKind, VariableDeclarationKind, ts, type ClassDeclarationStructure, type ImportDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type StatementStructures } from 'ts-morph';
import type { Api, Method, Pagination, PropertyEncoding, RequestBody, Serialization } from '../../ir/types.js';
import { API_DESCRIPTION_MODULE, clientAuthShape, effectiveSecurity, securityJson, serverJson, type ClientAuthShape } from './api-description.js';
import { parameterKeys } from '../../naming/members.js';
import { call, f, id, jsonExpression, num, printExpression, printStatement, printType, str } from './ast.js';
import { docText, jsDoc, jsonDoc } from './docs.js';
import { ModuleRefs } from './module-refs.js';
import type { ClientNames, SdkNames } from './names.js';
import { sortedMethods } from './names.js';
import { argumentFields } from './params.js';
import { typeNode } from './types.js';
import { zodExpression } from './zod.js';

export const clientPath = (file: string): string => `src/clients/${file}.ts`;

const OPERATIONS = 'OPERATIONS';

/** The client class, and the operation specs its methods hand to the runtime's HttpClient. */
export function clientModule(api: Api, c: ClientNames, names: SdkNames, groups: Map<string, number>) {
  const refs = new ModuleRefs(names, groups, (file) => `../models/${file}.js`);
  const shape = clientAuthShape(api, c.client);
  const tokenSetter = hasTokenSetter(shape);
  const methods = sortedMethods(c.client);
  const clientSecurity = JSON.stringify(securityJson(effectiveSecurity(api, c.client)));

  const operations = f.createObjectLiteralExpression(
    methods.map((m) => f.createPropertyAssignment(id(c.members.get(m.id)!), operationSpec(api, c, m, refs, clientSecurity))),
    true,
  );
  const opsStatement: StatementStructures = {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc({ summary: 'What the runtime needs to call each method: verb, path, where each argument travels, schemas.' }),
    declarations: [
      {
        name: OPERATIONS,
        initializer: printExpression(
          f.createSatisfiesExpression(operations, f.createTypeReferenceNode(id('Record'), [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createTypeReferenceNode(id('OperationSpec'))])),
        ),
      },
    ],
  };

  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: c.className,
    isExported: true,
    docs: jsDoc({ summary: c.client.description ?? `${c.className}: ${methods.length} method(s).` }),
    properties: [
      { name: 'http', scope: Scope.Private, isReadonly: true, type: 'HttpClient' },
      ...(tokenSetter ? [{ name: 'options', scope: Scope.Private, isReadonly: true, type: shape.optionsType }] : []),
    ],
    ctors: [constructorStructure(api, c, shape)],
    methods: [...(tokenSetter ? [tokenSetterStructure()] : []), ...methods.map((m) => methodStructure(c, m, refs))],
  };

  const runtimeImports = ['HttpClient', ...(shape.credentials ? ['securityAuth'] : [])];
  const runtimeTypes = ['OperationSpec', 'RequestOptions', ...shape.runtimeTypes, ...(methods.some((m) => m.pagination) ? ['PagedPromise'] : [])];
  const description = [...(shape.credentials ? ['SECURITY_SCHEMES'] : []), 'SERVERS', ...(api.envelope ? ['ENVELOPE'] : [])];
  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    // inline response schemas (an array, an inline object) are zod expressions
    ...(mentions(operations, 'z') ? [{ moduleSpecifier: 'zod', namedImports: [{ name: 'z' }] }] : []),
    { moduleSpecifier: '../runtime/index.js', namedImports: [...runtimeImports.map((name) => ({ name })), ...runtimeTypes.map((name) => ({ name, isTypeOnly: true }))].sort(byName) },
    {
      moduleSpecifier: `../${API_DESCRIPTION_MODULE}.js`,
      namedImports: [...description.map((name) => ({ name })), ...shape.descriptionTypes.map((name) => ({ name, isTypeOnly: true }))].sort(byName),
    },
    {
      moduleSpecifier: `./${c.file}.params.js`,
      namedImports: methods.flatMap((m) => [{ name: c.params.get(m.id)!.type, isTypeOnly: true }, { name: c.params.get(m.id)!.schema }]).sort(byName),
    },
  ];
  return { path: clientPath(c.file), imports, statements: [opsStatement, cls] as StatementStructures[], refs };
}

/** A client whose credentials are the options with the user's access token (GenAuth's app scheme) can set the token later. */
const hasTokenSetter = (shape: ClientAuthShape): boolean => shape.flatScheme === 'genauthApp';

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `setAccessToken(accessToken)`, as the published SDK has it: for the requests that follow (after a login). */
function tokenSetterStructure(): OptionalKind<MethodDeclarationStructure> {
  return {
    name: 'setAccessToken',
    docs: jsDoc({ summary: "Sets the user's access token (sent as `authorization`) for the requests that follow, e.g. after a login." }),
    parameters: [{ name: 'accessToken', type: 'string' }],
    returnType: 'void',
    statements: ['this.options.accessToken = accessToken;'],
  };
}

function constructorStructure(api: Api, c: ClientNames, shape: ClientAuthShape) {
  const options = id('options');
  const defaults: ts.ObjectLiteralElementLike[] = [];
  if (shape.credentials) defaults.push(f.createPropertyAssignment('auth', f.createCallExpression(id('securityAuth'), undefined, [id('SECURITY_SCHEMES'), shape.credentials])));
  if (shape.host) defaults.push(f.createPropertyAssignment('host', shape.host));
  defaults.push(f.createPropertyAssignment('servers', id('SERVERS')));
  const security = effectiveSecurity(api, c.client);
  if (security.length > 0) defaults.push(f.createPropertyAssignment('security', jsonExpression(securityJson(security))));
  if (api.envelope) defaults.push(f.createPropertyAssignment('envelope', id('ENVELOPE')));
  const assign = f.createExpressionStatement(
    f.createBinaryExpression(
      f.createPropertyAccessExpression(f.createThis(), 'http'),
      ts.SyntaxKind.EqualsToken,
      f.createNewExpression(id('HttpClient'), undefined, [options, f.createObjectLiteralExpression(defaults, false)]),
    ),
  );
  const needsHost = shape.optionsType.includes('{ host: string }');
  // a client that changes its options later (setAccessToken) works on its own copy, never on the caller's object
  const copy = hasTokenSetter(shape) ? ['this.options = options = { ...options };'] : [];
  return {
    docs: jsDoc({
      summary: needsHost
        ? 'Creates a client; `options.host` is required: the API description names no server.'
        : 'Creates a client; the API\'s default server and security schemes apply unless the options say otherwise.',
    }),
    parameters: [{ name: 'options', type: shape.optionsType, ...(shape.optional ? { initializer: '{}' } : {}) }],
    statements: [...copy, printStatement(assign)],
  };
}

function operationSpec(api: Api, c: ClientNames, m: Method, refs: ModuleRefs, clientSecurity: string): ts.Expression {
  const keys = parameterKeys(m);
  const params = m.parameters.map((p, i) =>
    f.createObjectLiteralExpression(
      [
        f.createPropertyAssignment('key', str(keys.params[i]!)),
        f.createPropertyAssignment('name', str(p.name)),
        f.createPropertyAssignment('in', str(p.in)),
        ...serialization(p),
        ...(p.contentType !== undefined ? [f.createPropertyAssignment('contentType', str(p.contentType))] : []),
        ...(p.bodyPath ? [f.createPropertyAssignment('at', jsonExpression(p.bodyPath))] : []),
      ],
      false,
    ),
  );
  const n = c.params.get(m.id)!;
  const props: ts.ObjectLiteralElementLike[] = [
    f.createPropertyAssignment('id', str(`${c.client.name}.${m.id}`)),
    f.createPropertyAssignment('method', str(m.http.verb)),
    f.createPropertyAssignment('path', str(m.http.path)),
    f.createPropertyAssignment('params', f.createArrayLiteralExpression(params, params.length > 0)),
  ];
  if (m.servers) props.push(f.createPropertyAssignment('servers', jsonExpression(m.servers.map(serverJson))));
  if (m.http.fixedBody) props.push(f.createPropertyAssignment('fixedBody', jsonExpression(Object.fromEntries(m.http.fixedBody.map((x) => [x.name, x.value])))));
  // only where the operation differs from its client: most operations share the client's security
  const security = securityJson(effectiveSecurity(api, c.client, m));
  if (JSON.stringify(security) !== clientSecurity) props.push(f.createPropertyAssignment('security', jsonExpression(security)));
  if (m.requestBody && keys.body) {
    props.push(
      f.createPropertyAssignment(
        'body',
        f.createObjectLiteralExpression(
          [
            f.createPropertyAssignment('key', str(keys.body)),
            f.createPropertyAssignment('encoding', str(m.requestBody.encoding)),
            f.createPropertyAssignment('contentType', str(m.requestBody.contentType)),
            ...(m.requestBody.properties ? [f.createPropertyAssignment('properties', propertyEncodings(m.requestBody.properties))] : []),
            ...partOrder(m.requestBody, refs),
          ],
          false,
        ),
      ),
    );
  }
  if (m.response.contentType !== undefined) props.push(f.createPropertyAssignment('accept', str(m.response.contentType)));
  if (m.response.type.kind === 'binary') props.push(f.createPropertyAssignment('binaryResponse', f.createTrue()));
  props.push(f.createPropertyAssignment('paramsSchema', id(n.schema)));
  if (m.response.type.kind !== 'unknown') props.push(f.createPropertyAssignment('responseSchema', zodExpression(m.response.type, refs)));
  if (m.pagination) props.push(f.createPropertyAssignment('pagination', paginationSpec(m, m.pagination)));
  return f.createObjectLiteralExpression(props, true);
}

/**
 * The runtime's PaginationSpec of a method: argument paths start with the parameter's key in the
 * params object (not its wire name); payload paths are wire names.
 */
function paginationSpec(m: Method, p: Pagination): ts.Expression {
  const keys = parameterKeys(m);
  const argPath = (path: readonly string[]): ts.Expression => {
    const i = m.parameters.findIndex((x) => x.name === path[0]);
    return strings([i >= 0 ? keys.params[i]! : path[0]!, ...path.slice(1)]);
  };
  const strings = (path: readonly string[]): ts.Expression => f.createArrayLiteralExpression(path.map(str), false);
  const props: ts.ObjectLiteralElementLike[] = [f.createPropertyAssignment('kind', str(p.kind))];
  if (p.page) props.push(f.createPropertyAssignment('page', argPath(p.page)));
  if (p.firstPage !== undefined) props.push(f.createPropertyAssignment('firstPage', num(p.firstPage)));
  if (p.size) props.push(f.createPropertyAssignment('size', argPath(p.size)));
  if (p.cursor) props.push(f.createPropertyAssignment('cursor', argPath(p.cursor)));
  if (p.nextCursor) props.push(f.createPropertyAssignment('nextCursor', strings(p.nextCursor)));
  props.push(f.createPropertyAssignment('items', strings(p.items)));
  if (p.total) props.push(f.createPropertyAssignment('total', strings(p.total)));
  return f.createObjectLiteralExpression(props, false);
}

/** `style`, `explode`, `allowReserved` where the spec wrote them; the runtime applies OpenAPI's defaults. */
function serialization(s: Serialization): ts.PropertyAssignment[] {
  const out: ts.PropertyAssignment[] = [];
  if (s.style !== undefined) out.push(f.createPropertyAssignment('style', str(s.style)));
  if (s.explode !== undefined) out.push(f.createPropertyAssignment('explode', s.explode ? f.createTrue() : f.createFalse()));
  if (s.allowReserved) out.push(f.createPropertyAssignment('allowReserved', f.createTrue()));
  return out;
}

/** Multipart parts follow the body schema's property order (some servers read them in order). */
function partOrder(body: RequestBody, refs: ModuleRefs): ts.PropertyAssignment[] {
  if (body.encoding !== 'multipart') return [];
  const t = body.type.kind === 'ref' ? refs.definition(body.type.name)?.type : body.type;
  if (t?.kind !== 'object' || t.fields.length < 2) return [];
  return [f.createPropertyAssignment('order', f.createArrayLiteralExpression(t.fields.map((x) => str(x.name)), false))];
}

function propertyEncodings(list: readonly PropertyEncoding[]): ts.Expression {
  return f.createArrayLiteralExpression(
    list.map((e) =>
      f.createObjectLiteralExpression(
        [
          f.createPropertyAssignment('name', str(e.property)),
          ...serialization(e),
          ...(e.contentType !== undefined ? [f.createPropertyAssignment('contentType', str(e.contentType))] : []),
        ],
        false,
      ),
    ),
    true,
  );
}

function methodStructure(c: ClientNames, m: Method, refs: ModuleRefs): OptionalKind<MethodDeclarationStructure> {
  const member = c.members.get(m.id)!;
  const n = c.params.get(m.id)!;
  const fields = argumentFields(m);
  const anyRequired = fields.some((x) => x.required);
  const paged = m.pagination;
  const request = call(f.createPropertyAccessExpression(f.createThis(), 'http'), paged ? 'paginated' : 'request', [
    f.createPropertyAccessExpression(id(OPERATIONS), member),
    id('params'),
    id('options'),
  ]);
  // `request<T>(...)`: the type argument is the response type (bytes arrive as a Blob); `paginated<T, Item>` adds the item type
  const responseType = m.response.type.kind === 'binary' ? f.createTypeReferenceNode(id('Blob')) : typeNode(m.response.type, refs);
  const typeArgs = [responseType, ...(paged ? [typeNode(paged.item, refs)] : [])];
  const typed = f.updateCallExpression(request, request.expression, typeArgs, request.arguments);

  const paramTags = fields.map((x) => {
    const extra = [x.default !== undefined ? `default ${jsonDoc(x.default)}` : '', x.example !== undefined ? `example ${jsonDoc(x.example)}` : '']
      .filter(Boolean)
      .join('; ');
    const desc = [x.description ? docText(x.description).replace(/\n+/g, ' ') : '', extra ? `(${extra})` : ''].filter(Boolean).join(' ');
    return { tagName: 'param', text: `params.${x.name}${desc ? ` - ${desc}` : ''}` };
  });
  return {
    name: member,
    docs: jsDoc({
      summary: m.title,
      description: m.description,
      tags: [
        { tagName: 'param', text: `params - ${anyRequired ? 'the arguments' : 'the arguments (all optional)'}, see {@link ${n.type}}` },
        ...paramTags,
        { tagName: 'param', text: 'options - per-request signal, timeout, headers and retry' },
        {
          tagName: 'returns',
          text: paged
            ? `${m.response.description ?? 'the response body'}; with \`for await\`, every item of every page (${pagingNote(paged)})`
            : (m.response.description ?? 'the response body'),
        },
        ...(n.error ? [{ tagName: 'throws', text: `{@link ${n.error}} for a documented error response; ApiError for any other failure status` }] : []),
        ...(m.deprecated ? [{ tagName: 'deprecated' }] : []),
        { tagName: 'remarks', text: `HTTP: ${m.http.verb} ${m.http.path}` },
        ...m.docs.map((d) => ({ tagName: 'see', text: d.file })),
      ],
    }),
    parameters: [
      { name: 'params', type: n.type, ...(anyRequired ? {} : { initializer: '{}' }) },
      { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
    ],
    returnType: printType(f.createTypeReferenceNode(id(paged ? 'PagedPromise' : 'Promise'), typeArgs)),
    statements: [printStatement(f.createReturnStatement(typed))],
  };
}

/** How the pages follow one another, for the method's doc comment. */
function pagingNote(p: Pagination): string {
  if (p.kind === 'link') return 'pages follow the `Link` header';
  if (p.kind === 'cursor') return `pages follow ${p.nextCursor?.join('.')} into ${p.cursor?.join('.')}`;
  return `pages follow ${p.page?.join('.')}`;
}

/** True when `node` contains the identifier `name` (synthesized nodes: walked, not scanned). */
function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) ?? false;
}
