// The GenAuth (Authing V3) request signature, computed with WebCrypto so no node:* import is needed.
//
// Followed: GenAuth-Official/genauth-node-sdk, src/utils/buildSignature.ts (buildStringToSign,
// getCanonicalizedHeaders, getCanonicalizedResource, buildSignature) and src/ManagementHttpClient.ts
// (which headers exist when signing, and that GET signs its query params while other verbs sign
// the JSON body's top-level fields). The same scheme as Authing/authing-node-sdk with `x-authing-*`.
//
//   stringToSign = METHOD "\n"
//                + for each header named x-genauth-* or date, sorted: name ":" value "\n"
//                + path [ "?" + sorted key=value pairs joined by "&" ]
//   Authorization: GenAuth <accessKeyId>:<base64(HMAC-SHA1(accessKeySecret, stringToSign))>

/** Tabs and line breaks become spaces so a header value cannot forge another canonical line. */
function flattenHeaderValue(value: string): string {
  return value.replace(/[\t\n\r\f]/g, ' ').trim();
}

/** `x-genauth-*` and `date` headers, lowercase, sorted by name, one `name:value\n` line each. */
export function canonicalizedHeaders(headers: Headers): string {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (name.startsWith('x-genauth-') || name === 'date') names.push(name);
  });
  names.sort();
  return names.map((name) => `${name}:${flattenHeaderValue(headers.get(name) ?? '')}\n`).join('');
}

/**
 * The path, then `?` and the params sorted by key as raw (unencoded) `key=value` pairs.
 * Like the published SDK: undefined values are skipped, but a declared key still adds the `?`;
 * objects and arrays are JSON; other values are stringified.
 */
export function canonicalizedResource(path: string, params: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(params).sort();
  if (keys.length === 0) return path;
  const pairs: string[] = [];
  for (const key of keys) {
    const value = params[key];
    if (value === undefined) continue;
    pairs.push(`${key}=${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
  }
  return `${path}?${pairs.join('&')}`;
}

export function stringToSign(method: string, headers: Headers, path: string, params: Readonly<Record<string, unknown>>): string {
  return `${method}\n${canonicalizedHeaders(headers)}${canonicalizedResource(path, params)}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64(HMAC-SHA1(secret, text)), both UTF-8. */
export async function hmacSha1Base64(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const signature = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(text));
  return toBase64(new Uint8Array(signature));
}

/** A random 32-hex-digit nonce (the published SDK sends an md5 hex of host, pid and a random number). */
export function signatureNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
