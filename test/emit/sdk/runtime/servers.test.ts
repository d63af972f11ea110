// Base URLs in the runtime: no built-in host, the description's servers, variables, replacements.
import { describe, expect, it } from 'vitest';
import { HttpClient, SdkError, baseUrl } from '../../../../generator/emit/sdk/runtime/index.js';

describe('base URL', () => {
  it('a client of an API without a server and without `host` fails at construction, naming the fix', () => {
    expect(() => new HttpClient({})).toThrow(SdkError);
    expect(() => new HttpClient({})).toThrow(/names no server, so there is no default base URL; pass `host`/);
    expect(new HttpClient({ host: 'api.example.com/' }).host).toBe('https://api.example.com');
  });

  it("the first server is the default; `host` replaces an absolute one and is the origin of a relative one", () => {
    const servers = [{ url: 'https://api.box.com/2.0' }, { url: 'https://other.example' }];
    expect(baseUrl(servers, {}, true, 'c')).toBe('https://api.box.com/2.0');
    expect(baseUrl(servers, { host: 'http://127.0.0.1:9' }, true, 'c')).toBe('http://127.0.0.1:9');
    expect(baseUrl([{ url: '/api/v1' }], { host: 'https://airflow.example/' }, true, 'c')).toBe('https://airflow.example/api/v1');
    // an operation's own absolute server is not moved by `host`, only by a replacement of its URL
    expect(baseUrl([{ url: 'https://files.stripe.com/' }], { host: 'http://127.0.0.1:9' }, false, 'op')).toBe('https://files.stripe.com');
    expect(baseUrl([{ url: 'https://files.stripe.com/' }], { replaced: { 'https://files.stripe.com/': 'http://127.0.0.1:9' } }, false, 'op')).toBe('http://127.0.0.1:9');
  });

  it('variables: default, given value, enum check, and a variable without a value', () => {
    const server = { url: 'https://{tenant}.example.com/{version}', variables: { tenant: { default: 'acme' }, version: { default: 'v1', enum: ['v1', 'v2'] } } };
    expect(baseUrl([server], {}, true, 'c')).toBe('https://acme.example.com/v1');
    expect(baseUrl([server], { variables: { tenant: 'globex', version: 'v2' } }, true, 'c')).toBe('https://globex.example.com/v2');
    expect(() => baseUrl([server], { variables: { version: 'v3' } }, true, 'c')).toThrow(/version must be one of v1, v2, got "v3"/);
    expect(() => baseUrl([{ url: 'https://{region}.example.com' }], {}, true, 'c')).toThrow(/no value for \{region\}; pass serverVariables.region/);
  });
});
