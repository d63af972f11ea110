import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import type { Method } from '../../../generator/ir/types.js';
import { CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * Convenience methods (generator/ingest/docs/convenience-calls.ts): pages that document a call
 * over another endpoint (signInByAD over POST /api/v3/signin), on the corpus and on copies of its
 * pages spoiled one piece of evidence at a time.
 */
interface Endpoint {
  client: string;
  id: string;
  verb: string;
  path: string;
}
const REAL: Endpoint[] = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real-api/authing-v3-endpoints.json'), 'utf8')).endpoints;

describe.skipIf(!hasCorpus)('convenience calls on the corpus', async () => {
  const { api, diagnostics } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const methods = api.clients.flatMap((c) => c.methods);
  const bound = methods.filter((m) => m.http.pathOrigin.kind === 'evidence' && m.http.pathOrigin.evidence === 'convenience-call');
  const summary = (m: Method): string =>
    `${m.id}: ${m.http.verb} ${m.http.path} ${m.http.fixedBody!.map((f) => `${f.name}=${String(f.value)}`).join(',')} ${m.parameters.map((p) => (p.bodyPath ? `${p.bodyPath.join('.')}.${p.name}` : p.name)).join(',')}`;

  it('the twelve sign-in and sign-up variants call /api/v3/signin and /api/v3/signup, with what each page implies', () => {
    expect(bound.map(summary).sort()).toEqual([
      'sign_in_by_account_password: POST /api/v3/signin connection=PASSWORD passwordPayload.account,passwordPayload.password,options',
      'sign_in_by_ad: POST /api/v3/signin connection=AD adPayload.sAMAccountName,adPayload.password,options',
      'sign_in_by_email_pass_code: POST /api/v3/signin connection=PASSCODE passCodePayload.email,passCodePayload.passCode,options',
      'sign_in_by_email_password: POST /api/v3/signin connection=PASSWORD passwordPayload.email,passwordPayload.password,options',
      'sign_in_by_ldap: POST /api/v3/signin connection=LDAP ldapPayload.sAMAccountName,ldapPayload.password,options',
      'sign_in_by_phone_pass_code: POST /api/v3/signin connection=PASSCODE passCodePayload.phone,passCodePayload.phoneCountryCode,passCodePayload.passCode,options',
      'sign_in_by_phone_password: POST /api/v3/signin connection=PASSWORD passwordPayload.phone,passwordPayload.password,options',
      'sign_in_by_username_password: POST /api/v3/signin connection=PASSWORD passwordPayload.username,passwordPayload.password,options',
      'sign_up_by_email_code: POST /api/v3/signup connection=PASSCODE passCodePayload.email,passCodePayload.passCode,profile,options',
      'sign_up_by_email_password: POST /api/v3/signup connection=PASSWORD passwordPayload.email,passwordPayload.password,profile,options',
      'sign_up_by_phone_code: POST /api/v3/signup connection=PASSCODE passCodePayload.phone,passCodePayload.passCode,passCodePayload.phoneCountryCode,profile,options',
      'sign_up_by_username_password: POST /api/v3/signup connection=PASSWORD passwordPayload.username,passwordPayload.password,profile,options',
    ]);
    // where the real SDKs have them, they call the same endpoint
    for (const m of bound) {
      const real = REAL.find((e) => e.client === m.client && e.id === m.id);
      if (real) expect(`${m.http.verb} ${m.http.path}`, m.id).toBe(`${real.verb} ${real.path}`);
    }
    expect(bound.filter((m) => REAL.some((e) => e.client === m.client && e.id === m.id))).toHaveLength(8);
  });

  it('records the evidence: the payload row of the endpoint, the value it names, and an info diagnostic', () => {
    const ad = bound.find((m) => m.id === 'sign_in_by_ad')!;
    expect(ad.http.pathOrigin).toEqual(ad.http.verbOrigin);
    const origin = ad.http.pathOrigin as { source: { file: string } };
    expect(origin.source.file).toMatch(/\/authentication\/登录\/signin\.md$/);
    expect(ad.http.fixedBody![0]!.source.file).toMatch(/\/authentication\/登录\/signin\.md$/);
    const notes = diagnostics.filter((d) => d.code === 'md-convenience-call');
    expect(notes).toHaveLength(12);
    expect(notes.every((d) => d.severity === 'info')).toBe(true);
    expect(notes.find((d) => d.message.startsWith('AuthenticationClient.sign_in_by_ad '))!.message).toBe(
      'AuthenticationClient.sign_in_by_ad is a convenience call over AuthenticationClient.sign_in_by_credentials: POST /api/v3/signin with connection "AD" and sAMAccountName, password in adPayload (/api/v3/signin-by-ad, which its file name gives, is not called)',
    );
    expect(diagnostics.filter((d) => d.code === 'md-convenience-call-ambiguous')).toEqual([]);
  });

  it('endpoints of their own stay: signin-by-mobile, signin-by-push, and every method without the evidence', () => {
    expect(methods.find((m) => m.id === 'sign_in_by_mobile')!.http.path).toBe('/api/v3/signin-by-mobile');
    expect(methods.find((m) => m.id === 'sign_in_by_push')!.http.path).toBe('/api/v3/signin-by-push');
    // a page whose fields happen to fit a payload (bindEmail's email and passCode) is no variant of signin
    expect(methods.find((m) => m.id === 'bind_email')!.http.path).toBe('/api/v3/bind-email');
    for (const m of methods.filter((x) => !bound.includes(x))) {
      expect(m.http.fixedBody).toBeUndefined();
      expect(m.parameters.filter((p) => p.bodyPath)).toEqual([]);
    }
  });
});

describe.skipIf(!hasCorpus)('convenience calls: each piece of evidence is needed', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const LOGIN = 'node/authentication/登录';
  const page = (name: string): string => readFileSync(join(CORPUS_ZH, LOGIN, name), 'utf8');
  /** `<tmp>/docs/reference/sdk/node/authentication/登录/<name>` (+ the corpus's include fragments). */
  async function ingestPages(pages: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-convenience-'));
    dirs.push(dir);
    const write = (p: string, text: string): void => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    for (const [name, text] of Object.entries(pages)) write(`docs/reference/sdk/${LOGIN}/${name}`, text);
    for (const f of ['token_response_table.md', 'token_response_json.md']) write(`docs/reference/sdk/common/${f}`, readFileSync(join(CORPUS_ZH, 'common', f), 'utf8'));
    const { api, diagnostics } = await ingest(['docs/reference/sdk'], { cwd: dir });
    return { methods: api.clients.flatMap((c) => c.methods), diagnostics };
  }
  const adOf = (methods: Method[]) => methods.find((m) => m.words.includes('ad') || m.words.includes('directory'))!;

  it('the real pages: bound', async () => {
    const { methods } = await ingestPages({ 'signin.md': page('signin.md'), 'signin-by-ad.md': page('signin-by-ad.md') });
    expect(adOf(methods).http).toMatchObject({ path: '/api/v3/signin', fixedBody: [{ name: 'connection', value: 'AD' }] });
  });

  it('a file name that does not extend the endpoint\'s: not bound', async () => {
    const { methods } = await ingestPages({ 'signin.md': page('signin.md'), 'login-by-ad.md': page('signin-by-ad.md') });
    expect(adOf(methods).http).toMatchObject({ path: '/api/v3/login-by-ad', pathOrigin: { kind: 'rule', rule: 'api-v3-file-name' } });
  });

  it('a payload description that names no value of the required enum: not bound', async () => {
    const signin = page('signin.md').replace('当认证方式为 `AD` 时此参数必填', '当认证方式为 AD 时此参数必填');
    const { methods, diagnostics } = await ingestPages({ 'signin.md': signin, 'signin-by-ad.md': page('signin-by-ad.md') });
    expect(adOf(methods).http.path).toBe('/api/v3/signin-by-ad');
    expect(diagnostics.filter((d) => d.code.startsWith('md-convenience-call'))).toEqual([]);
  });

  it('a method name that picks neither of two fitting payloads (adPayload, ldapPayload): reported, not bound', async () => {
    const renamed = page('signin-by-ad.md').replaceAll('signInByAD', 'signInByDirectory');
    const { methods, diagnostics } = await ingestPages({ 'signin.md': page('signin.md'), 'signin-by-directory.md': renamed });
    expect(adOf(methods).http.path).toBe('/api/v3/signin-by-directory');
    const unsure = diagnostics.filter((d) => d.code === 'md-convenience-call-ambiguous');
    expect(unsure).toHaveLength(1);
    expect(unsure[0]).toMatchObject({ severity: 'warning' });
    expect(unsure[0]!.message).toContain('/api/v3/signin (adPayload or ldapPayload)');
  });
});
