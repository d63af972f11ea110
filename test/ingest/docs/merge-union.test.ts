import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api, Method } from '../../../generator/ir/types.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

const method = (api: Api, client: string, path: string): Method => api.clients.find((c) => c.name === client)!.methods.find((m) => m.http.path === path)!;
const names = (m: Method): string[] => m.parameters.map((p) => p.name);
const language = (file: string): string => file.split('/').slice(-4, -3)[0]!;

describe.skipIf(!hasCorpus)('a method has the union of its language pages\' parameters', async () => {
  const { api, diagnostics } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const merges = diagnostics.filter((d) => d.code === 'md-merge-disagreement');

  it('a parameter only the java page lists is a parameter (createDataResource.extendFieldList), located on that page', () => {
    for (const path of ['/api/v3/create-data-resource', '/api/v3/create-tree-data-resource']) {
      const m = method(api, 'ManagementClient', path);
      const p = m.parameters.find((x) => x.name === 'extendFieldList')!;
      expect(p, path).toBeDefined();
      expect(language(p.source.file)).toBe('java');
      // the other parameters are the node page's, in its order; the java-only one follows its neighbour there
      expect(m.parameters.filter((x) => x !== p).every((x) => language(x.source.file) === 'node')).toBe(true);
    }
    expect(merges.filter((d) => d.message.includes('added to the method'))).toHaveLength(3);
  });

  it('a python-only parameter takes the node page\'s casing and its place (signUpByPhoneCode.phoneCountryCode)', () => {
    // a convenience call over /api/v3/signup: found by its id
    const m = api.clients.find((c) => c.name === 'AuthenticationClient')!.methods.find((x) => x.id === 'sign_up_by_phone_code')!;
    expect(names(m)).toEqual(['phone', 'passCode', 'phoneCountryCode', 'profile', 'options']);
    const p = m.parameters[2]!;
    expect([language(p.source.file), p.required, p.type.kind]).toEqual(['python', false, 'string']);
    expect(merges.find((d) => d.location?.file === p.source.file && d.message.includes('phone_country_code'))!.message).toContain('added to the method as "phoneCountryCode"');
  });

  it('another SDK\'s name for a parameter, in its place, is reported and not added (front-channel-logout, revoke-token)', () => {
    expect(names(method(api, 'AuthenticationClient', '/api/v3/front-channel-logout'))).toEqual(['redirectUri', 'idToken', 'state']);
    expect(names(method(api, 'AuthenticationClient', '/api/v3/revoke-token'))).toEqual(['token']);
    const renamed = merges.filter((d) => d.message.includes('read as another SDK\'s name'));
    expect(renamed.map((d) => `${language(d.location!.file)} ${d.message.split('"')[1]}`).sort()).toEqual([
      'csharp code',
      'go IDTokenHint',
      'go PostLogoutRedirectUri',
      'java idTokenHint',
      'java postLogoutRedirectUri',
      'php logoutRedirectUri',
      'python idTokenHint',
    ]);
  });
}, 120_000);

describe.skipIf(!hasCorpus)('a page whose damaged row was recovered wins over one that lost it', async () => {
  const { api, diagnostics } = await ingest([rel(CORPUS_EN)], { cwd: ROOT });

  it('get-user-mfa-info: the python page lost its first row (userId), the node page recovered it from its sample code', () => {
    const lost = diagnostics.find((d) => d.code === 'md-table-fused-row' && d.location?.file.endsWith('python/management/管理用户/get-user-mfa-info.md'))!;
    expect(lost.message).toContain('the row is dropped');
    const m = method(api, 'ManagementClient', '/api/v3/get-user-mfa-info');
    expect(names(m)).toEqual(['userId', 'userIdType']);
    expect(language(m.parameters[0]!.source.file)).toBe('node');
    expect(m.parameters[0]!.type).toEqual({ kind: 'string' });
  });
});
