import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { ingest } from '../../../generator/ingest/index.js';
import type { PageMethod } from '../../../generator/ingest/reader/read-page.js';
import { chooseSampleCall } from '../../../generator/ingest/reader/sample-calls.js';
import type { Method } from '../../../generator/ir/types.js';
import { methodMemberNames } from '../../../generator/naming/members.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

const page = (corpus: string, file: string): PageMethod => {
  const r = parsePage(`${rel(corpus)}/${file}`, readFileSync(join(corpus, file), 'utf8'));
  expect(r.kind, file).toBe('method');
  return r.method!;
};
/** The text at a source location of a corpus page. */
const textAt = (loc: { file: string; line: number; column: number }): string =>
  readFileSync(join(ROOT, loc.file), 'utf8').split('\n')[loc.line - 1]!.slice(loc.column - 1);

describe.skipIf(!hasCorpus)('the sample code: the client it constructs and the methods it calls', () => {
  // signin-by-ad has no method-name section in any of the six languages
  it.each([
    ['node', 'AuthenticationClient', 'authenticationClient', 'signInByAD'],
    ['python', 'AuthenticationClient', 'authentication_client', 'sign_in_by_ad'],
    ['java', 'AuthenticationClient', 'client', 'signInByAD'],
    ['go', 'AuthenticationClient', 'client', 'SignInByAD'],
    ['php', 'AuthenticationClient', 'authenticationClient', 'signInByAd'],
    ['csharp', 'AuthenticationClient', 'authenticationClient', 'SignInByAD'],
  ])('%s signin-by-ad.md: %s %s.%s(...)', (language, className, variable, call) => {
    const m = page(CORPUS_ZH, `${language}/authentication/登录/signin-by-ad.md`);
    expect(m.sampleClients!.map((c) => [c.className, c.variable, c.calls.map((x) => x.name)])).toEqual([[className, variable, [call]]]);
    // the locations point at the construction and the call as written
    expect(textAt(m.sampleClients![0]!.source)).toMatch(new RegExp(`^${variable}\\b`));
    expect(textAt(m.sampleClients![0]!.calls[0]!.source)).toMatch(new RegExp(`^${call}\\s*\\(`));
    // named after the call: the words (so the casing) of the call, not of the file signin-by-ad
    expect(m.nameFrom).toBe('sample-code');
    expect(m.words).toEqual(['sign', 'in', 'by', 'ad']);
    expect(m.writtenName).toBe(`AuthenticationClient.${call}`);
    expect(m.source).toEqual(m.sampleClients![0]!.calls[0]!.source);
  });

  it('a page that constructs one client and calls another variable names no method (java backend-channel-logout calls client.revokeToken on authenticationClient)', () => {
    const m = page(CORPUS_ZH, 'java/authentication/登出/backend-channel-logout.md');
    expect(m.sampleClients!.map((c) => [c.variable, c.calls.length])).toEqual([['authenticationClient', 0]]);
    expect(m.nameFrom).toBe('file-name');
    expect(m.words).toEqual(['backend', 'channel', 'logout']);
  });

  it('several calls: the one the file name spells, else the closest to it, else none', () => {
    // csharp get-extidps: SignInByAccountPassword, setAccessToken, GetExtIdps → the file's letters
    expect(page(CORPUS_ZH, 'csharp/authentication/账号绑定/get-extidps.md').writtenName).toBe('AuthenticationClient.GetExtIdps');
    // csharp signup-by-email-passcode: SendEmail, SignUpByEmailCode → the most words of the file name
    expect(page(CORPUS_ZH, 'csharp/authentication/注册/signup-by-email-passcode.md').writtenName).toBe('AuthenticationClient.SignUpByEmailCode');
    // go get-access-token: two samples, getAccessTokenByCode and getNewAccessTokenByRefreshToken → fewest other words
    expect(page(CORPUS_ZH, 'go/authentication/管理-token/get-access-token.md').writtenName).toBe('AuthenticationClient.GetAccessTokenByCode');
    // node backend-channel-logout: revokeToken and introspectToken, neither is this page's → the file name
    const logout = page(CORPUS_ZH, 'node/authentication/登出/backend-channel-logout.md');
    expect(logout.nameFrom).toBe('file-name');
    expect(chooseSampleCall(logout.sampleClients!, 'backend-channel-logout')).toEqual({ ok: false, calls: ['revokeToken', 'introspectToken'] });
  });

  it('English pages: the sample code constructs the client its name line names and calls the method', () => {
    const m = page(CORPUS_EN, 'node/management/管理用户/get-user-mfa-info.md');
    expect(m.nameFrom).toBe('name-section');
    expect(m.sampleClients!.map((c) => [c.className, c.calls.map((x) => x.name)])).toEqual([['ManagementClient', ['getUserMfaInfo']]]);
  });
});

describe.skipIf(!hasCorpus)('method names from the sample code over the corpus', async () => {
  const { api, diagnostics } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const auth = api.clients.find((c) => c.name === 'AuthenticationClient')!;
  const byPath = (client: typeof auth, path: string): Method => client.methods.find((m) => m.http.path === path)!;
  const byPage = (client: typeof auth, file: string): Method => client.methods.find((m) => m.source.file.endsWith(`/${file}`))!;

  it('of the 206 pages without a method-name section, every one whose sample calls one method (or one the file name picks) is named after the call', () => {
    const fromSample = diagnostics.filter((d) => d.code === 'md-method-name-from-sample');
    const missing = diagnostics.filter((d) => d.code === 'md-method-name-missing');
    expect(fromSample.length + missing.length).toBe(206);
    expect(fromSample).toHaveLength(121);
    // the rest: no sample code at all, or a sample that calls no method on the client it makes,
    // or (backend-channel-logout, node and php) two methods that are neither this page's
    expect(missing.filter((d) => d.message.includes('the sample code calls')).map((d) => d.location!.file.split('/').slice(-4, -3)[0])).toEqual(['node', 'php']);
    for (const d of missing) {
      const m = parsePage(d.location!.file, readFileSync(join(ROOT, d.location!.file), 'utf8')).method!;
      const calls = new Set((m.sampleClients ?? []).flatMap((c) => c.calls.map((x) => x.name)));
      expect(calls.size === 0 || calls.size > 1, d.location!.file).toBe(true);
    }
  });

  it('the SDK method takes the casing of the call: signInByAD, signInByLDAP, signUpByEmailCode', () => {
    const names = methodMemberNames(auth);
    // (these three are convenience calls over /api/v3/signin and /api/v3/signup: found by their pages)
    expect(names.get(byPage(auth, 'signin-by-ad.md').id)).toBe('signInByAD');
    expect(names.get(byPage(auth, 'signin-by-ldap.md').id)).toBe('signInByLDAP');
    expect(names.get(byPage(auth, 'signup-by-email-passcode.md').id)).toBe('signUpByEmailCode');
    expect(names.get(byPath(auth, '/api/v3/get-access-token').id)).toBe('getAccessTokenByCode');
    expect(byPage(auth, 'signin-by-ad.md').docs.find((d) => d.language === 'node')!.writtenName).toBe('AuthenticationClient.signInByAD');
  });
});
