/**
 * `x-sdkforge-*` extensions: what the OpenAPI writer (emit/openapi) records so that reading its
 * document back gives the same IR, for facts OpenAPI has no field for. The reader honours them
 * in any spec; other tools ignore them.
 */
export const X = {
  /** document: Api.origin */
  origin: 'x-sdkforge-origin',
  /** document: Api.language */
  language: 'x-sdkforge-language',
  /** document: true when the IR had no version (info.version is required by OpenAPI) */
  noVersion: 'x-sdkforge-no-version',
  /** document: true when the IR had no title (info.title is required by OpenAPI) */
  noTitle: 'x-sdkforge-no-title',
  /** operation and tag: the IR client (the tag would give `<Tag>Client`) */
  client: 'x-sdkforge-client',
  /** operation: Method.words, when the operationId had to differ from the method id */
  words: 'x-sdkforge-words',
  /** operation: the real path, when the path key had to be made distinct (`/x#Client`) */
  path: 'x-sdkforge-path',
  /** operation: Method.category */
  category: 'x-sdkforge-category',
  /** operation: Method.docs */
  docs: 'x-sdkforge-docs',
  /** operation: how verb and path were decided, for docs-derived methods ({kind, rule} or {kind, evidence}) */
  verbOrigin: 'x-sdkforge-verb-origin',
  pathOrigin: 'x-sdkforge-path-origin',
  /** schema: a reference to a named type the IR does not define (kept, so IR validation still reports it) */
  unresolvedRef: 'x-sdkforge-unresolved-ref',
  /** component schema: the IR type name, when the key would give another one */
  typeName: 'x-sdkforge-name',
  /** request body: its object schema lists the method's `in: body` parameters */
  bodyParameters: 'x-sdkforge-body-parameters',
  /** request body (with bodyParameters): where nested parameters go, `{ "sAMAccountName": ["adPayload"] }` (Parameter.bodyPath) */
  bodyPaths: 'x-sdkforge-body-paths',
  /** request body (with bodyParameters): members the body always carries, `{ "connection": "AD" }` (HttpBinding.fixedBody) */
  fixedBody: 'x-sdkforge-fixed-body',
  /** response: the IR had no content type (the writer used application/json) */
  noContentType: 'x-sdkforge-no-content-type',
  /** tag: this tag is a client of the IR even with no operation */
  clientTag: 'x-sdkforge-client-tag',
  /** tag: Client.security (a profile's per-client security) */
  clientSecurity: 'x-sdkforge-client-security',
  /** security scheme: an IR scheme type OpenAPI has no type for (`genauthSignature`, `genauthApp`) */
  scheme: 'x-sdkforge-scheme',
  /** document: Api.envelope */
  envelope: 'x-sdkforge-envelope',
} as const;

/** Enum value descriptions, aligned with `enum` (the spelling several generators read). */
export const ENUM_DESCRIPTIONS = 'x-enum-descriptions';
