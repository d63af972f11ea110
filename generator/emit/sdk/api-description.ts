import { StructureKind, VariableDeclarationKind, ts, type ImportDeclarationStructure, type OptionalKind, type StatementStructures } from 'ts-morph';
import type { Api, Client, JsonValue, Method, SecurityRequirement, SecurityScheme, Server } from '../../ir/types.js';
import { f, id, jsonExpression, memberKeyText, objectKey, printExpression } from './ast.js';
import { jsDoc } from './docs.js';

/**
 * `src/api-description.ts`: what the API description says about every call, beyond each
 * operation: its servers, security schemes and response envelope. Clients import it and hand it
 * to the runtime's HttpClient.
 */
export const API_DESCRIPTION_PATH = 'src/api-description.ts';
export const API_DESCRIPTION_MODULE = 'api-description';

/** Names this module exports: reserved in the SDK's namespace (see names.ts). */
export const API_DESCRIPTION_NAMES = ['SERVERS', 'SECURITY_SCHEMES', 'ENVELOPE', 'ApiCredentials', 'ApiClientOptions'] as const;

/** Schemes whose credentials are the client's own options (the published GenAuth SDK's constructor arguments). */
const FLAT_SCHEMES: Partial<Record<SecurityScheme['type'], { optionsType: string; hostFrom: string[] }>> = {
  genauthSignature: { optionsType: 'ManagementClientOptions', hostFrom: ['host'] },
  genauthApp: { optionsType: 'AuthenticationClientOptions', hostFrom: ['appHost', 'host'] },
};

/** The credential type a caller gives for a scheme (`Secret<string>`, `Secret<BasicCredentials>`). */
function credentialType(s: SecurityScheme): string {
  return s.type === 'basic' ? 'Secret<BasicCredentials>' : 'Secret<string>';
}

export const serverJson = (s: Server): JsonValue => {
  const out: Record<string, JsonValue> = { url: s.url };
  if (s.variables && s.variables.length > 0) {
    out.variables = Object.fromEntries(s.variables.map((v): [string, JsonValue] => [v.name, v.enum ? { default: v.default, enum: v.enum } : { default: v.default }]));
  }
  return out;
};

export const securityJson = (list: readonly SecurityRequirement[]): JsonValue => list.map((r) => Object.fromEntries(r.schemes.map((s) => [s.name, s.scopes])));

function schemeJson(s: SecurityScheme): JsonValue {
  return s.type === 'apiKey' ? { type: 'apiKey', in: s.in ?? 'header', name: s.parameterName ?? s.name } : { type: s.type };
}

/** A method's security: its own, else its client's, else the API's; none stated is none. */
export function effectiveSecurity(api: Api, client: Client, m?: Method): SecurityRequirement[] {
  return m?.security ?? client.security ?? api.security ?? [];
}

/** True when the API names a server a client can use without a `host` (an absolute URL). */
export const hasDefaultServer = (api: Api): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(api.servers?.[0]?.url ?? '');

/** Schemes the caller gives credentials for in `options.credentials` (not flat ones). */
export const nestedSchemes = (api: Api): SecurityScheme[] => (api.securitySchemes ?? []).filter((s) => !FLAT_SCHEMES[s.type]);

/** How one client is constructed: its options type, its credentials, its host option. */
export interface ClientAuthShape {
  optionsType: string;
  /** Options type names imported from the runtime / this module. */
  runtimeTypes: string[];
  descriptionTypes: string[];
  /** `securityAuth(SECURITY_SCHEMES, <this>)`; undefined when the API has no scheme. */
  credentials?: ts.Expression;
  /** `options.appHost ?? options.host`; undefined: the runtime reads `options.host`. */
  host?: ts.Expression;
  /** The options argument may be left out. */
  optional: boolean;
  /** The scheme whose credentials are the options themselves (GenAuth's), when the client has one. */
  flatScheme?: SecurityScheme['type'];
}

export function clientAuthShape(api: Api, client: Client): ClientAuthShape {
  const used = new Set(
    [client.security ?? api.security ?? [], ...client.methods.map((m) => effectiveSecurity(api, client, m))].flatMap((list) => list.flatMap((r) => r.schemes.map((s) => s.name))),
  );
  const schemes = api.securitySchemes ?? [];
  const flat = schemes.filter((s) => used.has(s.name) && FLAT_SCHEMES[s.type]);
  const nested = nestedSchemes(api);
  const options = id('options');
  const runtimeTypes: string[] = [];
  const descriptionTypes: string[] = [];
  const parts: string[] = [];
  for (const s of flat) {
    const t = FLAT_SCHEMES[s.type]!.optionsType;
    if (!runtimeTypes.includes(t)) runtimeTypes.push(t), parts.push(t);
  }
  if (nested.length > 0) descriptionTypes.push('ApiClientOptions'), parts.push('ApiClientOptions');
  if (parts.length === 0) runtimeTypes.push('ClientOptions'), parts.push('ClientOptions');
  const needsHost = !hasDefaultServer(api);
  const optionsType = parts.join(' & ') + (needsHost ? ' & { host: string }' : '');

  const shape: ClientAuthShape = { optionsType, runtimeTypes, descriptionTypes, optional: flat.length === 0 && !needsHost };
  if (flat[0]) shape.flatScheme = flat[0].type;
  if (schemes.length > 0) {
    const entries: ts.ObjectLiteralElementLike[] = [];
    const credentials = f.createPropertyAccessExpression(options, 'credentials');
    if (nested.length > 0) entries.push(f.createSpreadAssignment(credentials));
    for (const s of flat) entries.push(f.createPropertyAssignment(objectKey(s.name), options));
    shape.credentials = flat.length === 0 ? f.createBinaryExpression(credentials, ts.SyntaxKind.QuestionQuestionToken, f.createObjectLiteralExpression([], false)) : f.createObjectLiteralExpression(entries, false);
  }
  const hostFrom = flat.map((s) => FLAT_SCHEMES[s.type]!.hostFrom).find((h) => h.length > 1);
  if (hostFrom) shape.host = hostFrom.map((p): ts.Expression => f.createPropertyAccessExpression(options, p)).reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.QuestionQuestionToken, b));
  return shape;
}

/** The module's imports and statements. */
export function apiDescriptionModule(api: Api): { imports: OptionalKind<ImportDeclarationStructure>[]; statements: StatementStructures[] } {
  const constant = (name: string, summary: string, value: ts.Expression, type: string): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    docs: jsDoc({ summary }),
    declarations: [{ name, type, initializer: printExpression(value) }],
  });
  const statements: StatementStructures[] = [
    constant('SERVERS', 'The API description\'s servers; the first one is the default base URL.', jsonExpression((api.servers ?? []).map(serverJson)), 'readonly ServerSpec[]'),
    constant(
      'SECURITY_SCHEMES',
      'How each security scheme of the API description authorises a request.',
      jsonExpression(Object.fromEntries((api.securitySchemes ?? []).map((s) => [s.name, schemeJson(s)]))),
      'Record<string, SecuritySchemeSpec>',
    ),
  ];
  const runtimeTypes = ['ServerSpec', 'SecuritySchemeSpec'];
  if (api.envelope) {
    const e = api.envelope;
    const env: Record<string, JsonValue> = { status: e.status, success: e.success };
    if (e.message !== undefined) env.message = e.message;
    if (e.code !== undefined) env.code = e.code;
    if (e.requestId !== undefined) env.requestId = e.requestId;
    statements.push(constant('ENVELOPE', 'The response envelope every call returns: a 2xx whose status is not a success value is an ApiError.', jsonExpression(env), 'EnvelopeSpec'));
    runtimeTypes.push('EnvelopeSpec');
  }
  const nested = nestedSchemes(api);
  if (nested.length > 0) {
    runtimeTypes.push('ClientOptions', 'Secret');
    if (nested.some((s) => s.type === 'basic')) runtimeTypes.push('BasicCredentials');
    statements.push({
      kind: StructureKind.Interface,
      name: 'ApiCredentials',
      isExported: true,
      docs: jsDoc({ summary: 'Credentials per security scheme: a value, or a function that returns one for each request (a token provider).' }),
      properties: nested.map((s) => ({
        name: memberKeyText(s.name),
        hasQuestionToken: true,
        type: credentialType(s),
        docs: jsDoc({ summary: schemeSummary(s), description: s.description }),
      })),
    });
    statements.push({
      kind: StructureKind.Interface,
      name: 'ApiClientOptions',
      isExported: true,
      extends: ['ClientOptions'],
      docs: jsDoc({ summary: 'Options of every client: the runtime options, plus credentials for the API\'s security schemes.' }),
      properties: [{ name: 'credentials', hasQuestionToken: true, type: 'ApiCredentials', docs: jsDoc({ summary: 'Applied per operation, as its `security` says.' }) }],
    });
  }
  const imports: OptionalKind<ImportDeclarationStructure>[] = [
    { moduleSpecifier: './runtime/index.js', namedImports: [...new Set(runtimeTypes)].sort().map((name) => ({ name, isTypeOnly: true })) },
  ];
  return { imports, statements };
}

function schemeSummary(s: SecurityScheme): string {
  switch (s.type) {
    case 'bearer':
      return `${s.name}: a token, sent as \`Authorization: Bearer <token>\`${s.bearerFormat ? ` (${s.bearerFormat})` : ''}.`;
    case 'basic':
      return `${s.name}: \`{ username, password }\`, sent as \`Authorization: Basic …\`.`;
    case 'apiKey':
      return `${s.name}: an API key, sent as the ${s.in ?? 'header'} \`${s.parameterName ?? s.name}\`.`;
    default:
      return `${s.name} (${s.type}): an access token you obtained, sent as \`Authorization: Bearer <token>\`.`;
  }
}
