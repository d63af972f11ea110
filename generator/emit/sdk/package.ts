import type { Config } from '../../config.js';
import type { Api, Method } from '../../ir/types.js';
import { parameterKeys } from '../../naming/members.js';
import type { ClientNames } from './names.js';
import { clientAuthShape, hasDefaultServer, nestedSchemes, type ClientAuthShape } from './api-description.js';
import { sortedMethods } from './names.js';
import { SDK_KEEPS } from '../outputs.js';

/** package.json, tsconfig.json and README.md of the generated SDK (data and prose, not code). */

export function packageJson(config: Config): string {
  const pkg = {
    name: config.sdk.packageName,
    version: config.sdk.version,
    ...(config.sdk.description ? { description: config.sdk.description } : {}),
    type: 'module',
    // every module is side-effect free: bundlers may drop whatever is not imported
    sideEffects: false,
    main: './dist/index.js',
    types: './dist/index.d.ts',
    // `default`, not `import`: Node ≥ 20.19 loads these ES modules through `require()` too,
    // which an import-only condition refuses (ERR_PACKAGE_PATH_NOT_EXPORTED)
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './clients/*': { types: './dist/clients/*.d.ts', default: './dist/clients/*.js' },
      './models/*': { types: './dist/models/*.d.ts', default: './dist/models/*.js' },
      './package.json': './package.json',
    },
    files: ['dist', 'src'],
    engines: { node: '>=20' },
    scripts: { build: 'tsc -p tsconfig.json', prepare: 'tsc -p tsconfig.json' },
    dependencies: { zod: '^4.0.0' },
    devDependencies: { typescript: '^5.9.0' },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * Compiler options of the SDK. `lib: DOM` types fetch, Headers and WebCrypto without
 * @types/node, because the runtime uses only platform APIs. The tests type-check with these.
 */
export const SDK_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [] as string[],
  strict: true,
  noUncheckedIndexedAccess: true,
  declaration: true,
  sourceMap: true,
  skipLibCheck: true,
  rootDir: 'src',
  outDir: 'dist',
};

/** SDK_KEEPS as .gitignore lines: anchored to the SDK folder, as the keep patterns are. */
export function gitignore(): string {
  const lines = SDK_KEEPS.map((k) => (k.startsWith('**/') ? k : `/${k}`));
  return ['# Written by `npm install` and the build, not by sdkforge: not committed.', ...lines, ''].join('\n');
}

export function tsconfigJson(): string {
  return JSON.stringify({ compilerOptions: SDK_COMPILER_OPTIONS, include: ['src/**/*.ts'] }, null, 2) + '\n';
}

const exampleValue = (m: Method, i: number): unknown => {
  const p = m.parameters[i]!;
  if (p.example !== undefined) return p.example;
  switch (p.type.kind) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'string':
      return 'string';
    default:
      return {};
  }
};

/** `{ userId: '6229...' }` from a method's required parameters and their documented examples. */
function exampleArgs(m: Method): string {
  const keys = parameterKeys(m);
  const parts = m.parameters.flatMap((p, i) => (p.required ? [`${/^[A-Za-z_$][\w$]*$/.test(keys.params[i]!) ? keys.params[i] : JSON.stringify(keys.params[i])}: ${JSON.stringify(exampleValue(m, i))}`] : []));
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : '';
}

/** Constructor examples of the clients whose credentials are their options (the published GenAuth SDK's), by scheme type. */
const CONSTRUCTORS: Record<string, { args: string; after?: string[]; options: string[] }> = {
  genauthSignature: {
    args: "{\n  accessKeyId: process.env.GENAUTH_ACCESS_KEY_ID!,\n  accessKeySecret: process.env.GENAUTH_ACCESS_KEY_SECRET!,\n  host: 'https://api.genauth.ai',\n}",
    options: [
      '`accessKeyId`, `accessKeySecret` (required): the management key; every request is signed (HMAC-SHA1, header `Authorization: GenAuth <accessKeyId>:<signature>`).',
      '`host`: API base URL (default: the first server of the profile, `https://api.genauth.ai` for GenAuth).',
      '`tenantId`, `lang`: sent as `x-genauth-app-id` and `x-genauth-lang`.',
    ],
  },
  genauthApp: {
    args: "{\n  appId: 'your-app-id',\n  appHost: 'https://your-app.genauth.ai',\n}",
    after: ["// the user's access token, once they have logged in; read on every request", 'client.setAccessToken(process.env.GENAUTH_ACCESS_TOKEN!);'],
    options: [
      '`appId` (required): sent as `x-genauth-app-id`.',
      '`appHost` (or `host`): the application\'s domain.',
      '`accessToken`: the user\'s access token, sent as `authorization`; read on every request. `client.setAccessToken(token)` sets it after a login.',
    ],
  },
};

/** The SDK's README: install/build, import from Node 20, constructors, options, errors. */
export function readme(api: Api, config: Config, clients: readonly ClientNames[]): string {
  const name = config.sdk.packageName;
  const lines: string[] = [
    `# ${name}`,
    '',
    config.sdk.description ?? `Typed client for ${api.title ?? 'the API'}, generated by sdkforge.`,
    '',
    'Generated by sdkforge: do not edit by hand, regenerate with `npm run generate`.',
    '',
    '## Install and build',
    '',
    'ES modules, TypeScript types, one dependency (zod 4). Node 20+ or any runtime with `fetch`.',
    '',
    '```sh',
    '# inside this folder: installs zod and typescript, then builds dist/ (the prepare script)',
    'npm install',
    '# then, from your project:',
    'npm install path/to/this/folder',
    '```',
    '',
    '## Use from Node 20',
    '',
  ];
  for (const c of clients) {
    const shape = clientAuthShape(api, c.client);
    const ctor = shape.flatScheme ? CONSTRUCTORS[shape.flatScheme] : undefined;
    const first = sortedMethods(c.client)[0];
    lines.push(`### ${c.className} (${c.client.methods.length} methods)`, '', '```ts', `import { ${c.className}, ApiError } from '${name}';`, '');
    lines.push(`const client = new ${c.className}(${ctor ? ctor.args : genericArgs(api, shape)});`);
    if (ctor?.after) lines.push(...ctor.after);
    if (first) lines.push(`const result = await client.${c.members.get(first.id)}(${exampleArgs(first)});`);
    lines.push('```', '');
    if (ctor) lines.push(...ctor.options.map((o) => `- ${o}`), '');
  }
  lines.push(
    '## Options of every client',
    '',
    '- `fetch`: the fetch implementation (default: the global one).',
    '- `timeoutMs`: per attempt (default 10 000; 0 = none).',
    '- `retry`: a number of retries or `{ retries, minDelayMs, maxDelayMs, retryNonIdempotent }`; network errors, 429 and 5xx of idempotent requests are retried with backoff (default 2 retries).',
    '- `headers`: sent with every request.',
    '- `hooks`: `{ beforeRequest(ctx), afterResponse(ctx, response) }`.',
    '- `auth`: replaces the default auth with your own `(ctx) => void | Promise<void>`.',
    "- `validate`: `'off'` (default), `'request'`, `'response'` or `'both'`: check arguments and/or responses with the zod schemas.",
    '- `host`: the base URL, replacing the default server; `serverVariables` fill `{variables}` of server URLs; `servers` replaces a server by its URL (an operation\'s own server, such as an upload host).',
    ...(api.envelope ? [`- \`envelopeErrors\`: throw \`ApiError\` when a 2xx response carries a \`${api.envelope.status}\` other than ${api.envelope.success.join(' or ')} (default true).`] : []),
    '',
    'Each method takes `(params, options?)`; `options` holds a per-request `signal`, `timeoutMs`, `headers` and `retry`.',
    '',
    '## Errors',
    '',
    '`ApiError` (HTTP status, `statusCode`, `apiCode`, `message`, `requestId`), `NetworkError`, `TimeoutError`, `AbortError` and `ValidationError` (with the path of each issue) all extend `SdkError`.',
    '',
    '## Types and schemas',
    '',
    'Every data structure is exported as an interface and a zod schema (`<Type>Schema`); every method has `<Method>Params` and `<Method>ParamsSchema` (documented defaults are applied by the schema). Modules are side-effect free, so bundlers keep only the clients and schemas you import; without a bundler, import one client from its own module:' + (clients[0] ? ` \`import { ${clients[0].className} } from '${name}/clients/${clients[0].file}'\`.` : ''),
    '',
  );
  return lines.join('\n');
}

/** `{ host, credentials }` of a client whose API has OpenAPI security schemes (or none). */
function genericArgs(api: Api, shape: ClientAuthShape): string {
  const parts: string[] = [];
  if (!hasDefaultServer(api)) parts.push("host: 'https://api.example.com'");
  const nested = nestedSchemes(api);
  if (nested.length > 0 && shape.descriptionTypes.includes('ApiClientOptions')) {
    const s = nested[0]!;
    const value = s.type === 'basic' ? "{ username: 'user', password: process.env.API_PASSWORD! }" : 'process.env.API_TOKEN!';
    parts.push(`credentials: { ${/^[A-Za-z_$][\w$]*$/.test(s.name) ? s.name : JSON.stringify(s.name)}: ${value} }`);
  }
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : '';
}
