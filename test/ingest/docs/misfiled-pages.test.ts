import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import type { Api } from '../../../generator/ir/types.js';
import { CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

const methodIds = (api: Api, client: string): string[] => api.clients.find((c) => c.name === client)?.methods.map((m) => m.id) ?? [];

describe.skipIf(!hasCorpus)('misfiled pages on the corpus: decided by the evidence on the pages', async () => {
  const { api, diagnostics, stats } = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const conflicts = diagnostics.filter((d) => d.code === 'md-client-conflict');

  it('every copy of an authentication page under management/ is decided by its sample code, the 12 the folder vote could not tell included', () => {
    expect(stats!.clientDecisions).toEqual({ 'sample-code': 53, 'name-line': 0, folder: 0, undecided: 0 });
    expect(conflicts.filter((d) => d.message.includes('cannot be told'))).toEqual([]);
    // 其他/ and 消息服务/ hold as many pages under both clients: the folder vote was a tie
    for (const id of ['get_system_info', 'get_country_list', 'send_sms', 'send_email', 'get_profile', 'get_login_history']) {
      expect(methodIds(api, 'ManagementClient'), id).not.toContain(id);
      expect(methodIds(api, 'AuthenticationClient'), id).toContain(id);
    }
    const system = conflicts.find((d) => /^ManagementClient\.getSystemInfo/i.test(d.message))!;
    expect(system.message).toContain('the sample code of 8 page(s) constructs AuthenticationClient and calls the method on it, so the ManagementClient copies are dropped');
    // the related location is a call in a sample
    const call = system.related!.find((r) => r.message === 'AuthenticationClient in the sample code')!.location;
    expect(readFileSync(join(ROOT, call.file), 'utf8').split('\n')[call.line - 1]!.slice(call.column - 1)).toMatch(/^getSystemInfo\(/i);
  });

  it('a page whose name line names the other client moves where its sample code and folder say (config-email-provier)', () => {
    const moved = conflicts.filter((d) => d.message.includes('moved from'));
    expect(moved.map((d) => d.message)).toEqual([
      'AuthenticationClient.ConfigEmailProvider (6 page(s) of 管理消息服务/config-email-provier) is a method of ManagementClient: the sample code of 5 page(s) constructs ManagementClient and calls the method on it; moved from AuthenticationClient',
    ]);
    expect(methodIds(api, 'AuthenticationClient')).not.toContain('config_email_provider');
    const mgmt = api.clients.find((c) => c.name === 'ManagementClient')!;
    expect(mgmt.methods.filter((m) => m.http.path === '/api/v3/config-email-provier').map((m) => m.docs.length)).toEqual([6]);
  });
});

/**
 * The weaker kinds of evidence, on real pages with their sample code taken out: the get-profile
 * page (用户资料) documented under authentication/ and copied under management/.
 */
describe.skipIf(!hasCorpus)('misfiled pages without sample code: name line, then folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withoutSamples = (text: string): string => text.replace(/## 示例代码[\s\S]*?(?=\n## )/, '');
  const withoutNameLine = (text: string): string => text.replace(/## 方法名称\n\n`[^`]*`\n/, '');

  function tree(files: Record<string, (text: string) => string>, extra: string[] = []): string {
    const dir = mkdtempSync(join(tmpdir(), 'sdkforge-misfiled-'));
    dirs.push(dir);
    for (const [file, edit] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), edit(readFileSync(join(CORPUS_ZH, file), 'utf8')));
    }
    for (const file of extra) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), readFileSync(join(CORPUS_ZH, file), 'utf8'));
    }
    return dir;
  }

  it('the pages still parse into the method without their samples', async () => {
    const dir = tree({ 'node/authentication/用户资料/get-profile.md': withoutSamples });
    const { api } = await ingest(['.'], { cwd: dir });
    expect(methodIds(api, 'AuthenticationClient')).toEqual(['get_profile']);
  });

  it('only one side has method-name lines: that side wins (name line)', async () => {
    const dir = tree({
      'node/authentication/用户资料/get-profile.md': withoutSamples,
      'node/management/用户资料/get-profile.md': (t) => withoutNameLine(withoutSamples(t)),
    });
    const { api, diagnostics, stats } = await ingest(['.'], { cwd: dir });
    expect(stats!.clientDecisions).toMatchObject({ 'name-line': 1 });
    expect(methodIds(api, 'ManagementClient')).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'md-client-conflict')!.message).toContain('only AuthenticationClient is named by the pages\' method-name lines');
  });

  it('both sides have name lines, no sample: the category\'s folder decides (folder), and a tie keeps both', async () => {
    const both = {
      'node/authentication/用户资料/get-profile.md': withoutSamples,
      'node/management/用户资料/get-profile.md': withoutSamples,
    };
    const tie = await ingest(['.'], { cwd: tree(both) });
    expect(tie.stats!.clientDecisions).toMatchObject({ undecided: 1 });
    expect(tie.diagnostics.find((d) => d.code === 'md-client-conflict')!.message).toContain('cannot be told');

    // one more authentication page of the category makes it authentication's
    const folder = await ingest(['.'], { cwd: tree(both, ['node/authentication/用户资料/bind-email.md']) });
    expect(folder.stats!.clientDecisions).toMatchObject({ folder: 1 });
    expect(methodIds(folder.api, 'ManagementClient')).toEqual([]);
    expect(folder.diagnostics.find((d) => d.code === 'md-client-conflict')!.message).toContain('用户资料 belongs to AuthenticationClient (2 of its pages are filed there, 1 under ManagementClient)');
  });
});
