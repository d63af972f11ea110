// Base URLs: the API description's servers (with their variables), or the host the caller gives.
import { normaliseHost } from './encoding.js';
import { SdkError } from './errors.js';
import type { ServerSpec } from './types.js';

const isAbsolute = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(url);

/** `https://{region}.example.com/v1` with its variables filled: the caller's value, else the default. */
export function serverUrl(server: ServerSpec, values: Readonly<Record<string, string>> = {}): string {
  return server.url.replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const variable = server.variables?.[name];
    const value = Object.hasOwn(values, name) ? values[name] : variable?.default;
    if (value === undefined) throw new SdkError(`server ${server.url}: no value for ${placeholder}; pass serverVariables.${name}`);
    if (variable?.enum && variable.enum.length > 0 && !variable.enum.includes(value)) {
      throw new SdkError(`server ${server.url}: serverVariables.${name} must be one of ${variable.enum.join(', ')}, got "${value}"`);
    }
    return value;
  });
}

export interface ServerChoice {
  /** The caller's `host`, when given. */
  host?: string | undefined;
  /** The caller's replacements of servers, by URL as written. */
  replaced?: Readonly<Record<string, string>> | undefined;
  variables?: Readonly<Record<string, string>> | undefined;
}

/**
 * The base URL of a list of servers (the first one is the default). A replacement the caller
 * gave for its URL wins; then `host` (for the client's own servers: `isDefault`), which replaces an
 * absolute URL and is the origin of a relative one (`/api/v3`); then the server as written.
 * Without any absolute URL there is no base: the error says to pass `host`, and nothing is sent.
 */
export function baseUrl(servers: readonly ServerSpec[], choice: ServerChoice, isDefault: boolean, what: string): string {
  const first = servers[0];
  const replaced = first && choice.replaced && Object.hasOwn(choice.replaced, first.url) ? choice.replaced[first.url] : undefined;
  if (replaced !== undefined) return normaliseHost(replaced);
  const host = choice.host !== undefined && choice.host !== '' ? normaliseHost(choice.host) : undefined;
  if (!first) {
    if (host !== undefined) return host;
    throw new SdkError(`${what}: the API description names no server, so there is no default base URL; pass \`host\` (e.g. 'https://api.example.com')`);
  }
  const url = serverUrl(first, choice.variables);
  if (isAbsolute(url)) return isDefault && host !== undefined ? host : normaliseHost(url);
  if (host !== undefined) return host + `/${url.replace(/^\/+/, '')}`.replace(/\/+$/, '');
  throw new SdkError(`${what}: the API description's server "${first.url}" is relative; pass \`host\` (the origin it is relative to)`);
}
