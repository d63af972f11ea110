import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import { summarize } from '../../../generator/diagnostics/format.js';
import { stableStringify } from '../../../generator/ir/json.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

// The whole Chinese corpus: 2,850 pages in six SDK languages (../shared/corpus/authing-docs-v3).
describe.skipIf(!hasCorpus)('the whole corpus to IR', async () => {
  const result = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
  const { api, diagnostics, stats } = result;
  const summary = summarize(diagnostics);

  it('reads every page without an exception, and recognises the method pages', () => {
    expect(stats).toBeDefined();
    // 2,850 pages + the 8 fragments of common/ that 86 pages include: fragments are not pages
    expect(stats!.pages).toBe(2850);
    expect(stats!.fragments).toBe(8);
    // 2,592 pages have a method name section; 206 more have parameters and a response but no
    // name: 121 are named after the call in their sample code, 85 after their file
    expect(stats!.methodPages).toBe(2798);
    expect(stats!.skippedPages).toBe(52);
    expect(diagnostics.filter((d) => d.code === 'md-method-name-from-sample')).toHaveLength(121);
    expect(diagnostics.filter((d) => d.code === 'md-method-name-missing')).toHaveLength(85);
  });

  it('merges the six languages into one canonical method each', () => {
    const methods = api.clients.flatMap((c) => c.methods);
    expect(methods.length).toBeGreaterThan(400);
    expect(methods.length).toBeLessThan(600);
    // most methods are documented once per language
    const six = methods.filter((m) => new Set(m.docs.map((d) => d.language)).size === 6).length;
    expect(six / methods.length).toBeGreaterThan(0.5);
    // every method page is accounted for: in a method's docs, or dropped as misfiled
    const documented = methods.reduce((n, m) => n + m.docs.length, 0);
    expect(documented + stats!.droppedPages).toBe(stats!.methodPages);
    console.log(`corpus: ${methods.length} methods (${api.clients.map((c) => `${c.name} ${c.methods.length}`).join(', ')}), ${api.types.length} types; ${stats!.droppedPages} pages dropped as misfiled`);
    console.log(summary.byCode.map((c) => `  ${c.count} ${c.severity} ${c.code}`).join('\n'));
  });

  it('reports the authentication pages filed under management (ManagementClient.getProfile)', () => {
    const d = diagnostics.filter((x) => x.code === 'md-client-conflict');
    expect(d.some((x) => /ManagementClient\.getProfile/i.test(x.message) && x.location?.file.includes('/management/'))).toBe(true);
    const mgmt = api.clients.find((c) => c.name === 'ManagementClient')!;
    expect(mgmt.methods.find((m) => m.id === 'get_profile')).toBeUndefined();
    expect(api.clients.find((c) => c.name === 'AuthenticationClient')!.methods.find((m) => m.id === 'get_profile')).toBeDefined();
  });

  it('every diagnostic has a file, line and column', () => {
    for (const d of diagnostics) {
      expect(d.location, d.message).toBeDefined();
      expect(d.location!.line).toBeGreaterThan(0);
      expect(d.location!.column).toBeGreaterThan(0);
    }
  });

  it('is deterministic over the whole corpus', async () => {
    const again = await ingest([rel(CORPUS_ZH)], { cwd: ROOT });
    expect(stableStringify(again.api)).toBe(stableStringify(api));
    expect(stableStringify(again.diagnostics)).toBe(stableStringify(diagnostics));
  });
}, 120_000);

// The 21 English pages (../shared/corpus/genauth-en): truncated copies with real defects.
describe.skipIf(!hasCorpus)('the English corpus pages', async () => {
  const { api, diagnostics, stats } = await ingest([rel(CORPUS_EN)], { cwd: ROOT });
  it('reads all 21 pages into methods, reporting the fused and truncated rows', () => {
    expect(stats!.pages).toBe(21);
    expect(stats!.methodPages).toBe(21);
    expect(api.language).toBe('en');
    const fused = diagnostics.filter((d) => d.code === 'md-table-fused-row');
    expect(fused.length).toBeGreaterThanOrEqual(10);
    // where the name survived in the sample code, the row is recovered...
    expect(fused.filter((d) => d.message.includes('from the sample code')).length).toBeGreaterThan(5);
    // ...and the python page of get_user_principal_authentication_info gives the full row on merge
    const m = api.clients.find((c) => c.name === 'ManagementClient')!.methods.find((x) => x.id === 'get_user_principal_authentication_info')!;
    expect(m.parameters[0]).toMatchObject({ name: 'userId', required: true, description: expect.stringContaining('unique identifier') });
  });
});
