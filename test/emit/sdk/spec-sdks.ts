// SDKs emitted from real specs, imported as TypeScript by the test runner (no tsc run: the
// type-check tests compile such SDKs), for calls on the wire against a local server.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers/shared.js';
import { buildFrom, sdkFiles, writeFiles } from './sdk-harness.js';

export type Call = (params?: object, options?: object) => Promise<unknown>;
export type ClientClass = new (options: object) => Record<string, Call>;

/** An emitted SDK's exports, and the server URLs its spec names (for pointing them all at a test server). */
export interface SpecSdk {
  exports: Record<string, unknown>;
  serverUrls: string[];
}

/** Emits the SDK of `spec` into `<dir>/<name>/sdk` and imports its entry. */
export async function specSdk(spec: string, dir: string, name: string): Promise<SpecSdk> {
  const result = await buildFrom([relative(ROOT, join(ROOT, spec))], ['sdk']);
  writeFiles(join(dir, name), sdkFiles(result.files));
  const exports = (await import(pathToFileURL(join(dir, name, 'sdk/src/index.ts')).href)) as Record<string, unknown>;
  return { exports, serverUrls: [...new Set(serverUrlsOf(JSON.parse(readFileSync(join(ROOT, spec), 'utf8'))))] };
}

/** Every `servers[].url` of a document: top level, path items, operations. */
function serverUrlsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(serverUrlsOf);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = Array.isArray(o.servers) ? o.servers.flatMap((s: { url?: unknown }) => (typeof s?.url === 'string' ? [s.url] : [])) : [];
  return [...own, ...Object.entries(o).filter(([k]) => k !== 'servers' && k !== 'components').flatMap(([, v]) => serverUrlsOf(v))];
}

/** `new <Client>({ host, servers: every server of the spec → host, ...options })` */
export function client(sdk: SpecSdk, className: string, host: string, options: object = {}): Record<string, Call> {
  const C = sdk.exports[className] as ClientClass | undefined;
  if (!C) throw new Error(`no client ${className}; exports: ${Object.keys(sdk.exports).filter((k) => k.endsWith('Client')).join(', ')}`);
  const servers = Object.fromEntries(sdk.serverUrls.map((url) => [url, host]));
  return new C({ host, servers, retry: 0, ...options });
}
