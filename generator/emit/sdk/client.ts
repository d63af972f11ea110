import { Scope, StructureKind, VariableDeclarationKind, ts, type ClassDeclarationStructure, type ImportDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type StatementStructures } from 'ts-morph';
import type { Method } from '../../ir/types.js';
import { parameterKeys } from '../../naming/members.js';
import { call, f, id, printExpression, printStatement, printType, str } from './ast.js';
import { docText, jsDoc, jsonDoc } from './docs.js';
import { ModuleRefs } from './module-refs.js';
import type { ClientNames, SdkNames } from './names.js';
import { sortedMethods } from './names.js';
import { argumentFields } from './params.js';
import { typeNode } from './types.js';
import { zodExpression } from './zod.js';

export const clientPath = (file: string): string => `src/clients/${file}.ts`;

/** How each known client authenticates; any other client takes plain ClientOptions. */
interface ClientFlavour {
  optionsType: string;
  /** `new HttpClient(options, { auth: <auth>(options), host: <host> })` */
  auth?: string;
  hostFrom?: string[];
}

const FLAVOURS: Record<string, ClientFlavour> = {
  ManagementClient: { optionsType: 'ManagementClientOptions', auth: 'genauthSignatureAuth', hostFrom: ['host'] },
  AuthenticationClient: { optionsType: 'AuthenticationClientOptions', auth: 'appAuth', hostFrom: ['appHost', 'host'] },
};

const OPERATIONS = 'OPERATIONS';

/** The client class, and the operation specs its methods hand to the runtime's HttpClient. */
export function clientModule(c: ClientNames, names: SdkNames, groups: Map<string, number>) {
  const refs = new ModuleRefs(names, groups, (file) => `../models/${file}.js`);
  const flavour = FLAVOURS[c.className] ?? { optionsType: 'ClientOptions' };
  const methods = sortedMethods(c.client);

  const operations = f.createObjectLiteralExpression(
    methods.map((m) => f.createPropertyAssignment(id(c.members.get(m.id)!), operationSpec(c, m, refs))),
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
    properties: [{ name: 'http', scope: Scope.Private, isReadonly: true, type: 'HttpClient' }],
    ctors: [constructorStructure(flavour)],
    methods: methods.map((m) => methodStructure(c, m, refs)),
  };

  const runtimeImports = ['HttpClient', ...(flavour.auth ? [flavour.auth] : [])];
  const runtimeTypes = ['OperationSpec', 'RequestOptions', flavour.optionsType];
  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    // inline response schemas (an array, an inline object) are zod expressions
    ...(mentions(operations, 'z') ? [{ moduleSpecifier: 'zod', namedImports: [{ name: 'z' }] }] : []),
    { moduleSpecifier: '../runtime/index.js', namedImports: [...runtimeImports.map((name) => ({ name })), ...runtimeTypes.map((name) => ({ name, isTypeOnly: true }))].sort(byName) },
    {
      moduleSpecifier: `./${c.file}.params.js`,
      namedImports: methods.flatMap((m) => [{ name: c.params.get(m.id)!.type, isTypeOnly: true }, { name: c.params.get(m.id)!.schema }]).sort(byName),
    },
  ];
  return { path: clientPath(c.file), imports, statements: [opsStatement, cls] as StatementStructures[], refs };
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function constructorStructure(flavour: ClientFlavour) {
  const options = id('options');
  const defaults: ts.ObjectLiteralElementLike[] = [];
  if (flavour.auth) defaults.push(f.createPropertyAssignment('auth', f.createCallExpression(id(flavour.auth), undefined, [options])));
  if (flavour.hostFrom) {
    const host = flavour.hostFrom
      .map((p): ts.Expression => f.createPropertyAccessExpression(options, p))
      .reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.QuestionQuestionToken, b));
    defaults.push(f.createPropertyAssignment('host', host));
  }
  const args: ts.Expression[] = [options];
  if (defaults.length > 0) args.push(f.createObjectLiteralExpression(defaults, false));
  const assign = f.createExpressionStatement(
    f.createBinaryExpression(f.createPropertyAccessExpression(f.createThis(), 'http'), ts.SyntaxKind.EqualsToken, f.createNewExpression(id('HttpClient'), undefined, args)),
  );
  const plain = flavour.optionsType === 'ClientOptions';
  return {
    docs: jsDoc({
      summary: plain ? 'Creates a client; `options.auth` signs or authorises each request.' : 'Creates a client with the options the published GenAuth SDK takes, plus the runtime options.',
    }),
    parameters: [{ name: 'options', type: flavour.optionsType, ...(plain ? { initializer: '{}' } : {}) }],
    statements: [printStatement(assign)],
  };
}

function operationSpec(c: ClientNames, m: Method, refs: ModuleRefs): ts.Expression {
  const keys = parameterKeys(m);
  const params = m.parameters.map((p, i) =>
    f.createObjectLiteralExpression(
      [f.createPropertyAssignment('key', str(keys.params[i]!)), f.createPropertyAssignment('name', str(p.name)), f.createPropertyAssignment('in', str(p.in))],
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
  if (m.requestBody && keys.body) {
    props.push(
      f.createPropertyAssignment(
        'body',
        f.createObjectLiteralExpression(
          [
            f.createPropertyAssignment('key', str(keys.body)),
            f.createPropertyAssignment('encoding', str(m.requestBody.encoding)),
            f.createPropertyAssignment('contentType', str(m.requestBody.contentType)),
          ],
          false,
        ),
      ),
    );
  }
  props.push(f.createPropertyAssignment('paramsSchema', id(n.schema)));
  if (m.response.type.kind !== 'unknown') props.push(f.createPropertyAssignment('responseSchema', zodExpression(m.response.type, refs)));
  return f.createObjectLiteralExpression(props, true);
}

function methodStructure(c: ClientNames, m: Method, refs: ModuleRefs): OptionalKind<MethodDeclarationStructure> {
  const member = c.members.get(m.id)!;
  const n = c.params.get(m.id)!;
  const fields = argumentFields(m);
  const anyRequired = fields.some((x) => x.required);
  const request = call(f.createPropertyAccessExpression(f.createThis(), 'http'), 'request', [
    f.createPropertyAccessExpression(id(OPERATIONS), member),
    id('params'),
    id('options'),
  ]);
  // `request<T>(...)`: the type argument is the response type
  const typed = f.updateCallExpression(request, request.expression, [typeNode(m.response.type, refs)], request.arguments);

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
        { tagName: 'returns', text: m.response.description ?? 'the response body' },
        ...(m.deprecated ? [{ tagName: 'deprecated' }] : []),
        { tagName: 'remarks', text: `HTTP: ${m.http.verb} ${m.http.path}` },
        ...m.docs.map((d) => ({ tagName: 'see', text: d.file })),
      ],
    }),
    parameters: [
      { name: 'params', type: n.type, ...(anyRequired ? {} : { initializer: '{}' }) },
      { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
    ],
    returnType: printType(f.createTypeReferenceNode(id('Promise'), [typeNode(m.response.type, refs)])),
    statements: [printStatement(f.createReturnStatement(typed))],
  };
}

/** True when `node` contains the identifier `name` (synthesized nodes: walked, not scanned). */
function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => (mentions(child, name) ? true : undefined)) ?? false;
}
