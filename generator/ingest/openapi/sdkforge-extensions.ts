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
  /** operation: the client, when it is not the one the tag would give */
  client: 'x-sdkforge-client',
  /** operation: Method.words, when the operationId had to differ from the method id */
  words: 'x-sdkforge-words',
  /** operation: Method.category */
  category: 'x-sdkforge-category',
  /** operation: Method.docs */
  docs: 'x-sdkforge-docs',
  /** operation: how verb and path were decided, for docs-derived methods ({kind, rule}) */
  verbOrigin: 'x-sdkforge-verb-origin',
  pathOrigin: 'x-sdkforge-path-origin',
  /** request body: its object schema lists the method's `in: body` parameters */
  bodyParameters: 'x-sdkforge-body-parameters',
  /** response: the IR had no content type (the writer used application/json) */
  noContentType: 'x-sdkforge-no-content-type',
  /** tag: this tag is a client of the IR even with no operation */
  clientTag: 'x-sdkforge-client-tag',
} as const;

/** Enum value descriptions, aligned with `enum` (the spelling several generators read). */
export const ENUM_DESCRIPTIONS = 'x-enum-descriptions';
