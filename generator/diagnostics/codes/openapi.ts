import type { CodeInfo } from './entry.js';

/** Codes of the OpenAPI ingester (generator/ingest/openapi), the docs+spec merge and the OpenAPI writer. */
export const openapiCodes = {
  'openapi-unparsable': {
    severity: 'error',
    title: 'Spec cannot be parsed',
    cause: 'The file is not valid JSON or YAML, or a referenced file cannot be read.',
    fix: 'Fix the syntax at the reported position (a linter such as `npx @redocly/cli lint` helps).',
  },
  'openapi-version-unsupported': {
    severity: 'error',
    title: 'OpenAPI version not supported',
    cause: 'The document is Swagger 2.0 (or has no `openapi: 3.x` field). sdkforge reads OpenAPI 3.0 and 3.1 only; it does not convert Swagger 2.0.',
    fix: 'Convert it once with `npx swagger2openapi spec.json -o spec.openapi.json` (or `npx @redocly/cli` / editor.swagger.io "Convert to OpenAPI 3") and pass the converted file.',
  },
  'openapi-ref-unresolved': {
    severity: 'error',
    title: '$ref does not resolve',
    cause: 'A `$ref` points to a file or JSON pointer that does not exist.',
    fix: 'Correct the reference; the schema is read as `unknown` until then.',
  },
  'openapi-schema-keyword-unmapped': {
    severity: 'warning',
    title: 'Schema keyword not mapped',
    cause: 'A schema uses a keyword the IR cannot express (`not`, `if`/`then`/`else`, `patternProperties`, `prefixItems`, properties next to `oneOf`, a non-object member of `allOf`...). The rest of the schema is mapped; this keyword is dropped.',
    fix: 'Nothing to do if the looser type is acceptable; otherwise restructure the schema (e.g. a named object per `oneOf` variant).',
  },
  'openapi-schema-untyped': {
    severity: 'info',
    title: 'Schema without a type',
    cause: 'A schema has no `type`, `$ref`, `enum`, `const`, combinator, `properties` or `items`: it allows any value, and maps to `unknown`.',
    fix: 'Give the schema a `type` if the value has one.',
  },
  'openapi-discriminator-dropped': {
    severity: 'warning',
    title: 'Discriminator not mapped',
    cause: 'A `discriminator` sits on a schema without `oneOf`/`anyOf`, or a variant is not a named schema, so no discriminated union can be built.',
    fix: 'Put the discriminator next to a `oneOf` whose variants are `$ref`s to component schemas.',
  },
  'openapi-operation-skipped': {
    severity: 'warning',
    title: 'Operation skipped',
    cause: 'An operation uses an HTTP verb the IR has no place for (`trace`), is not an object, is a `$ref` (of the Path Item or of the Operation) that does not resolve, or is a webhook or callback (a request the API makes, not one the SDK sends).',
    fix: 'Nothing to do unless the SDK needs it; for a `$ref`, check the file path (relative to the file the `$ref` is written in) and the JSON pointer.',
  },
  'openapi-extra-tags': {
    severity: 'info',
    title: 'Operation has several tags',
    cause: 'An operation lists more than one tag; a method belongs to one client (or category), so the first tag is used.',
    fix: 'Nothing to do; order the tags so the first one is the client the method belongs to.',
  },
  'openapi-parameter-skipped': {
    severity: 'warning',
    title: 'Parameter skipped',
    cause: 'A parameter has no `name`/`in`, an unknown `in`, or is an unresolvable `$ref`.',
    fix: 'Give the parameter a name and one of path, query, header, cookie.',
  },
  'openapi-server-skipped': {
    severity: 'warning',
    title: 'Server skipped',
    cause: 'A Server Object has no `url`, `servers` is not a list, or a server variable has no string `default`.',
    fix: 'Give every server a `url` and every variable a `default`; the SDK takes its default base URL from the first server.',
  },
  'openapi-security-scheme-unsupported': {
    severity: 'warning',
    title: 'Security scheme not applied',
    cause: 'The scheme is not one the SDK applies (http bearer/basic, apiKey in header/query/cookie, oauth2 and openIdConnect as a bearer token): http digest, mutualTLS, or a malformed scheme. Operations that need only it go out without credentials.',
    fix: 'Authorise those requests with the client option `auth` (your own hook).',
  },
  'openapi-security-unknown-scheme': {
    severity: 'warning',
    title: 'Security requirement names no scheme',
    cause: 'A `security` requirement names a scheme that `components.securitySchemes` does not define; that alternative can never be satisfied.',
    fix: 'Define the scheme under `components.securitySchemes`, or fix the name.',
  },
  'openapi-body-ignored': {
    severity: 'info',
    title: 'Request body of a GET or HEAD ignored',
    cause: 'A GET or HEAD operation has a `requestBody`. HTTP gives such a body no meaning, OpenAPI 3.0 does not support it, and fetch cannot send it (Stripe gives every GET an empty form body).',
    fix: 'Nothing to do when the body is empty; otherwise move its fields to query parameters.',
  },
  'openapi-constraint-invalid': {
    severity: 'warning',
    title: 'Validation keyword with a wrong value',
    cause: 'A validation keyword (`minLength`, `maximum`, `multipleOf`, `uniqueItems`, `pattern`...) has a value of the wrong kind, such as a negative length or a string as a bound.',
    fix: 'Give the keyword a value of the kind JSON Schema defines; until then it is dropped.',
  },
  'openapi-pattern-unchecked': {
    severity: 'warning',
    title: 'Pattern documented but not checked',
    cause: 'A `pattern` is not a valid ECMAScript regular expression, or it could backtrack catastrophically (nested or overlapping quantifiers such as `^(a+)+$`: a hostile string would hang validation), or it is longer than 500 characters, or the spec has more patterns needing analysis than sdkforge analyses (50, or 10 found unsafe). The schemas leave it out; the docs still show it.',
    fix: 'Rewrite the pattern without ambiguous repetition (e.g. `^[a-z]+(-[a-z]+)*$` instead of `^([a-z]+-?)*$`), or accept that it is not checked.',
  },
  'openapi-style-invalid': {
    severity: 'warning',
    title: 'Serialisation style not allowed here',
    cause: 'A parameter or Encoding Object gives a `style` its location does not define (path: simple, label, matrix; query and form bodies: form, spaceDelimited, pipeDelimited, deepObject; header: simple; cookie: form).',
    fix: 'Use one of the styles of that location; until then the default style is used.',
  },
  'openapi-method-name-collision': {
    severity: 'warning',
    title: 'Two operations get the same method name',
    cause: 'Two operations of one client map to the same canonical words (operationIds that differ only in casing or separators, or verb + path twice).',
    fix: 'Give the operations distinct operationIds. Until then the later one gets a numeric suffix.',
  },
  'openapi-type-name-collision': {
    severity: 'info',
    title: 'Two schemas get the same type name',
    cause: 'Two component schemas map to the same TypeScript-friendly name (`simple-user` and `SimpleUser`).',
    fix: 'Rename one schema. Until then the later one gets a numeric suffix.',
  },
  'merge-parameter-only-in-one': {
    severity: 'warning',
    title: 'Parameter documented on one side only',
    cause: 'The docs page and the spec describe the same method, but a parameter (or body property) appears in only one of them.',
    fix: 'Add the parameter to the other source, or remove it where it is stale.',
  },
  'merge-type-differs': {
    severity: 'warning',
    title: 'Docs and spec disagree on a type',
    cause: 'A parameter, field or named type has a different type, required flag or enum values in the docs than in the spec. The spec wins.',
    fix: 'Correct whichever source is wrong.',
  },
  'merge-method-only-in-one': {
    severity: 'info',
    title: 'Method in one source only',
    cause: 'A method is documented by the docs pages but has no operation in the spec (or the reverse). Matching is by client + method name, or by path.',
    fix: 'Nothing to do if intended; otherwise add it or align names/paths.',
  },
  'openapi-out-path-collision': {
    severity: 'warning',
    title: 'Two methods share verb and path',
    cause: 'An OpenAPI document holds one operation per verb and path, but two methods of the IR (often of two clients served by different hosts) have the same ones. The later one is written under the path key `<path>#<Client>` with its real path in `x-sdkforge-path`; sdkforge reads it back exactly, other tools see a distinct path.',
    fix: 'Nothing to do for sdkforge; for other tools, split the document per client (one server each).',
  },
  'openapi-out-invalid-name': {
    severity: 'warning',
    title: 'Type name not allowed as a component key',
    cause: 'OpenAPI component names may only hold letters, digits, `.`, `-` and `_`; the name is rewritten.',
    fix: 'Rename the data structure.',
  },
} satisfies Record<string, CodeInfo>;
