/**
 * The intermediate model (IR): what every ingester produces and every emitter consumes.
 *
 * Rules of the contract:
 * - plain JSON data only (no classes, no undefined in arrays, no Maps), so it can be printed,
 *   cached and diffed;
 * - every fact carries the place it came from (`source`);
 * - element order is stable: clients, methods and types are sorted by name (see `normalizeApi`).
 */

export const IR_VERSION = 1;

/** A position in an input document. `file` is relative to the working directory, `/`-separated. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where the HTTP verb or path of a method came from. */
export type Origin =
  | { kind: 'spec'; source: SourceLocation }
  /** A documented rule applied to docs-derived methods; `rule` names which one fired. */
  | { kind: 'rule'; rule: string; source: SourceLocation }
  /**
   * A trace the docs pages leave of a fact they do not state (README, "HTTP verbs and paths"):
   * `evidence` names it (`row-layout`, `parameter-shape`, ...), `source` is where it was seen.
   */
  | { kind: 'evidence'; evidence: string; source: SourceLocation }
  | { kind: 'override'; source: SourceLocation };

export interface EnumValue {
  value: string | number | boolean;
  description?: string;
  source: SourceLocation;
}

export type PrimitiveKind = 'string' | 'number' | 'integer' | 'boolean';

/**
 * Validation keywords of a schema (JSON Schema's), where its source gives them. Exclusive bounds
 * are numbers in both OpenAPI 3.0 (`exclusiveMinimum: true` next to `minimum`) and 3.1.
 */
export interface Constraints {
  minLength?: number;
  maxLength?: number;
  /** An ECMAScript regular expression, as written (never compiled by sdkforge itself). */
  pattern?: string;
  /** Set when `pattern` is documented but not checked by the schemas, with the reason. */
  patternUnchecked?: PatternUnchecked;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** The schema object that gave them. */
  source: SourceLocation;
}

/**
 * Why a pattern is not checked: not a valid ECMAScript regular expression; it could backtrack
 * catastrophically (a hostile spec could hang validation); or the run's budget for analysing
 * patterns was spent.
 */
export type PatternUnchecked = 'invalid' | 'backtracking' | 'budget';

/** A type expression: a discriminated union on `kind`. */
export type TypeRef =
  | { kind: 'string'; format?: string; constraints?: Constraints }
  | { kind: 'number'; format?: string; constraints?: Constraints }
  | { kind: 'integer'; format?: string; constraints?: Constraints }
  | { kind: 'boolean' }
  /**
   * Bytes, such as a file: OpenAPI 3.0's `format: binary`, 3.1's `contentMediaType` without
   * `contentEncoding`, or a body whose media type is not text. `mediaType` when the schema names one.
   */
  | { kind: 'binary'; mediaType?: string }
  | { kind: 'null' }
  | { kind: 'unknown' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; items: TypeRef; constraints?: Constraints }
  /** A reference to a named type in `Api.types`. */
  | { kind: 'ref'; name: string }
  /** An inline object; `fields: []` with `open: true` is "any object". */
  | { kind: 'object'; fields: Field[]; open?: boolean }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'enum'; base: PrimitiveKind; values: EnumValue[] }
  | { kind: 'union'; variants: TypeRef[]; discriminator?: Discriminator };

export interface Discriminator {
  property: string;
  /** discriminator value → named type */
  mapping: { value: string; type: string }[];
}

/** A property of an object type, or (as `Parameter`) an argument of a method. */
export interface Field {
  name: string;
  type: TypeRef;
  required: boolean;
  default?: JsonValue;
  description?: string;
  example?: JsonValue;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  source: SourceLocation;
}

/**
 * Where a parameter travels. `body` means "a property of the JSON request body" (docs pages list
 * body properties as parameters); a whole-body schema from a spec is `Method.requestBody` instead.
 */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

/** How a parameter's value is written into the URL, a header or a form (OpenAPI's `style`). */
export type ParameterStyle = 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'label' | 'matrix';

/**
 * How a value is serialised, as the spec writes it (Parameter Object, Encoding Object). Absent
 * keys take OpenAPI's defaults, applied by the runtime: `form` for query and cookie, `simple`
 * for path and header; `explode` true for `form` only.
 */
export interface Serialization {
  style?: ParameterStyle;
  explode?: boolean;
  /** Reserved characters (`:/?[]@!$'()*,;`) go unescaped. */
  allowReserved?: boolean;
}

export interface Parameter extends Field, Serialization {
  in: ParameterLocation;
  /**
   * A `body` parameter sent inside a member of the body rather than at its top level: the
   * members above it, outermost first (`['adPayload']`: `{ adPayload: { sAMAccountName } }`).
   * A convenience method's parameters (docs: README, "HTTP verbs and paths").
   */
  bodyPath?: string[];
  /** The media type of a parameter given by `content` (its value is then written in it, e.g. JSON). */
  contentType?: string;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface HttpBinding {
  verb: HttpVerb;
  path: string;
  verbOrigin: Origin;
  pathOrigin: Origin;
  /** Members of the JSON body the method always sends (a convenience call's `connection: 'AD'`). */
  fixedBody?: FixedBodyMember[];
}

export interface FixedBodyMember {
  name: string;
  value: JsonValue;
  source: SourceLocation;
}

/** `any`: a wildcard body (`*\/*`), sent as the value is (bytes, text, or JSON for anything else). */
export type BodyEncoding = 'json' | 'form' | 'multipart' | 'binary' | 'text' | 'any';

/** The Encoding Object of one property of a form or multipart body. */
export interface PropertyEncoding extends Serialization {
  property: string;
  /** The part's media type (multipart). */
  contentType?: string;
  source: SourceLocation;
}

export interface RequestBody {
  type: TypeRef;
  required: boolean;
  encoding: BodyEncoding;
  contentType: string;
  /** Per-property serialisation of a form or multipart body, as the spec's `encoding` gives it. */
  properties?: PropertyEncoding[];
  description?: string;
  source: SourceLocation;
}

/** A header the success response declares (OpenAPI `headers`). */
export interface ResponseHeader {
  name: string;
  description?: string;
  source: SourceLocation;
}

export interface ResponseInfo {
  /** The success response's type; `{kind:'unknown'}` when undocumented. */
  type: TypeRef;
  /** Headers the success response declares, in document order. */
  headers?: ResponseHeader[];
  description?: string;
  contentType?: string;
  /** The sample result as parsed JSON, when the source gives one that parses. */
  sample?: JsonValue;
  source: SourceLocation;
}

/** A base URL of the API (OpenAPI Server Object). `{name}` placeholders in `url` are its variables. */
export interface Server {
  url: string;
  description?: string;
  variables?: ServerVariable[];
  source: SourceLocation;
}

export interface ServerVariable {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

/**
 * How a request proves who sends it: an OpenAPI Security Scheme, or one a docs family's profile
 * declares. oauth2 and openIdConnect send an access token the caller obtained (`Bearer`).
 */
export type SecuritySchemeType = 'bearer' | 'basic' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'genauthSignature' | 'genauthApp';

export interface SecurityScheme {
  /** The name requirements use (the `components.securitySchemes` key, or the profile's). */
  name: string;
  type: SecuritySchemeType;
  /** apiKey: where the key travels, and the header, query or cookie name. */
  in?: 'header' | 'query' | 'cookie';
  parameterName?: string;
  /** bearer: the token format hint (`JWT`). */
  bearerFormat?: string;
  description?: string;
  source: SourceLocation;
}

/** One way to authorise a request: every scheme named (with the OAuth scopes it needs). `[]` schemes: none needed. */
export interface SecurityRequirement {
  schemes: { name: string; scopes: string[] }[];
}

/** A documented failure response of a method (4xx, 5xx, `4XX`, `default`). */
export interface ErrorResponse {
  /** `404`, `4XX` or `default`, as the spec writes it. */
  status: string;
  /** The error body's type; `{kind:'unknown'}` when undocumented. */
  type: TypeRef;
  description?: string;
  contentType?: string;
  source: SourceLocation;
}

/**
 * A response envelope every call of the API returns (`{ statusCode, message, data }`), declared
 * by a docs family's profile: a 2xx whose status field is not a success value is an error.
 */
export interface Envelope {
  /** The business status field (`statusCode`). */
  status: string;
  /** Values of `status` that mean success (`[200]`). */
  success: number[];
  /** Fields read into ApiError, when the API names them. */
  message?: string;
  code?: string;
  requestId?: string;
  /** Fields of the envelope every response carries (their `required` flag on response types). */
  required: string[];
  source: SourceLocation;
}

/** The syntax a docs page was written in. */
export type DocFormat = 'markdown' | 'html' | 'text';

/** The page(s) a method is documented on: one per language edition for docs input. */
export interface DocRef {
  file: string;
  /** How the page was written: markdown source, a rendered HTML page, or text copied from one. */
  format?: DocFormat;
  /** The method name exactly as written on that page (`ManagementClient.getUserMfaInfo`). */
  writtenName?: string;
  language?: string;
}

/** A fact that decided an inference, and where the input states it. */
export interface Evidence {
  fact: string;
  source: SourceLocation;
}

/**
 * How a list method pages through its results, inferred from its parameters and its response
 * (`ingest/pagination.ts`). A parameter path is the parameter's name, then field names inside
 * it; a response path is field names from the top of the payload (empty: the payload is the list).
 */
export interface Pagination {
  /**
   * `page`: a page number parameter, and the list (and total) in the response; `link`: the next
   * page's URL in the `Link` response header; `cursor`: a cursor parameter, and the response
   * field that gives the next one.
   */
  kind: 'page' | 'link' | 'cursor';
  /** The detection rule that fired (README, "Pagination"). */
  rule: string;
  page?: string[];
  /** The page number of the first page (the parameter's default, else 1). */
  firstPage?: number;
  size?: string[];
  cursor?: string[];
  nextCursor?: string[];
  items: string[];
  total?: string[];
  /** Type of one item of the list. */
  item: TypeRef;
  evidence: Evidence[];
}

export interface Method {
  /** Canonical name as lower-case words: every casing is derived from it (see naming/). */
  words: string[];
  /** `words.join('_')`, the method's id inside its client. */
  id: string;
  client: string;
  title?: string;
  description?: string;
  category?: string;
  deprecated?: boolean;
  http: HttpBinding;
  parameters: Parameter[];
  requestBody?: RequestBody;
  response: ResponseInfo;
  /** Documented failure responses, in the spec's order. */
  errors?: ErrorResponse[];
  /** The method's own servers (per operation, or per path), replacing the API's. */
  servers?: Server[];
  /** The method's own security (`[]`: none), replacing its client's and the API's. */
  security?: SecurityRequirement[];
  /** Set when the method pages through a list (detected, with its evidence). */
  pagination?: Pagination;
  docs: DocRef[];
  source: SourceLocation;
}

export interface Client {
  name: string;
  description?: string;
  /** Security of this client's methods (a profile's), replacing the API's. */
  security?: SecurityRequirement[];
  methods: Method[];
}

/** A named type (DTO), shared by all methods. Usually an object, but any type can be named. */
export interface NamedType {
  name: string;
  type: TypeRef;
  description?: string;
  source: SourceLocation;
}

export interface Api {
  irVersion: typeof IR_VERSION;
  title?: string;
  version?: string;
  /** `docs` when built from markdown pages, `openapi` from a spec, `merged` from both. */
  origin: 'docs' | 'openapi' | 'merged';
  /** Document language of the prose ('en', 'zh'), when known. */
  language?: string;
  /** Base URLs, the first one the default (a spec's `servers`, or the profile's). */
  servers?: Server[];
  securitySchemes?: SecurityScheme[];
  /** Security of every method that says nothing else. */
  security?: SecurityRequirement[];
  envelope?: Envelope;
  clients: Client[];
  types: NamedType[];
}
