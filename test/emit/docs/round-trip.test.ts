import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparable, htmlRoundTrip, notFromRequestLine, ROOT, roundTrip, type RoundTrip } from './round-trip-helpers.js';

/**
 * Reading the emitted pages back with the markdown ingester gives the input's IR (modulo
 * `source` locations and docs file refs), method by method and type by type.
 *
 * Verbs and paths read back from the request line every emitted page states, and are compared
 * without what decided them in the input (round-trip-helpers.ts readBackComparable).
 *
 * And the docs site's pages as HTML (rendered as VitePress renders them, in the chrome of a built
 * page: test/helpers/vitepress-render.ts) read back as the same IR as its markdown pages, origins
 * included.
 */

/** One markdown round trip per input, shared by its markdown and HTML tests. */
const trips = new Map<string, Promise<RoundTrip>>();
const trip = (input: string, name: string): Promise<RoundTrip> => {
  let t = trips.get(name);
  if (!t) trips.set(name, (t = roundTrip([input], out(name))));
  return t;
};

const GENAUTH_EN = join(ROOT, '../shared/corpus/genauth-en');
const AUTHING = join(ROOT, '../shared/corpus/authing-docs-v3');
const hasEn = existsSync(GENAUTH_EN);
const hasAuthing = existsSync(AUTHING);
if (!hasEn || !hasAuthing) console.log('docs round trip: ../shared/corpus not found, corpus round trips skipped');

const out = (name: string) => join(ROOT, 'test/.tmp/docs-round-trip', name);

describe('docs pages round trip', () => {
  test('docs-input: every method and type reads back identical', async () => {
    const r = await trip('docs-input', 'docs-input');
    expect(r.first.api.clients.flatMap((c) => c.methods)).toHaveLength(4);
    expect(r.differing).toEqual([]);
    expect(r.identical).toBe(4);
    expect(r.notFromRequestLine).toEqual([]);
    expect(r.typesDiffering).toEqual([]);
    expect(r.second.api.types.map((t) => t.name)).toEqual(r.first.api.types.map((t) => t.name));
    expect(r.second.api.language).toBe(r.first.api.language);
    // the pages read back cleanly: no warning or error about them
    expect(r.second.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  test('docs-input: the site as HTML reads back as its markdown', async () => {
    const h = await htmlRoundTrip(await trip('docs-input', 'docs-input'), out('docs-input'));
    expect(h.differing).toEqual([]);
    expect(h.identical).toBe(4);
    expect(h.typesDiffering).toEqual([]);
    expect(h.html.api.clients.flatMap((c) => c.methods.flatMap((m) => m.docs.map((d) => d.format)))).toEqual(['html', 'html', 'html', 'html']);
    expect(h.html.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  }, 60_000);

  describe.skipIf(!hasEn)('corpus genauth-en (English edition, with fused rows)', () => {
    test('every method and type reads back identical; the fused rows are repaired', async () => {
      const r = await trip('../shared/corpus/genauth-en', 'genauth-en');
      expect(r.first.diagnostics.some((d) => d.code === 'md-table-fused-row')).toBe(true);
      expect(r.second.diagnostics.some((d) => d.code === 'md-table-fused-row')).toBe(false);
      expect(r.differing).toEqual([]);
      expect(r.identical).toBe(r.first.api.clients.flatMap((c) => c.methods).length);
      expect(r.notFromRequestLine).toEqual([]);
      expect(r.typesDiffering).toEqual([]);
    });

    test('the site as HTML reads back as its markdown', async () => {
      const h = await htmlRoundTrip(await trip('../shared/corpus/genauth-en', 'genauth-en'), out('genauth-en'));
      expect(h.differing).toEqual([]);
      expect(h.identical).toBe(h.markdown.api.clients.flatMap((c) => c.methods).length);
      expect(h.typesDiffering).toEqual([]);
    }, 60_000);
  });

  describe.skipIf(!hasAuthing)('corpus authing-docs-v3 (2,850 Chinese pages, 6 SDK languages)', () => {
    test('all but a few explained methods read back identical', async () => {
      const r = await trip('../shared/corpus/authing-docs-v3', 'authing-docs-v3');
      const methods = r.first.api.clients.flatMap((c) => c.methods).length;
      console.log(`authing-docs-v3 round trip: ${r.identical}/${methods} methods identical, ${r.differing.length} differing, ${r.typesDiffering.length}/${r.first.api.types.length} types differing`);
      expect(r.first.api.language).toBe('zh');
      expect(r.second.api.language).toBe('zh');
      // Explained differences:
      // - a sample value that starts with a line break (`\n- 0: 原始数据 ...`) cannot keep it in a
      //   table cell (a cell is trimmed), so it reads back flattened: create_field, update_field,
      //   FunctionModelFieldDto;
      // - a sample value ending in a backtick needs a padded code span, read back with the padding:
      //   SyncTaskLdapClientConfig;
      // Verbs and paths read back from each page's request line (README, "HTTP verbs and paths"),
      // so the comparison leaves out what decided them in the input (readBackComparable).
      const explained = new Set([
        'ManagementClient.create_field',
        'ManagementClient.update_field',
      ]);
      expect(r.differing.map((d) => d.key).filter((k) => !explained.has(k))).toEqual([]);
      // `-get-row-batch.md` (a second page of getRowBatch, named getRowBatch1) reads back with its
      // path outside /api/v3/ and its name
      expect(r.second.api.clients.flatMap((c) => c.methods).find((m) => m.id === 'get_row_batch1')?.http.path).toBe('/get-row-batch');
      expect(r.typesDiffering.filter((t) => !['FunctionModelFieldDto', 'SyncTaskLdapClientConfig'].includes(t))).toEqual([]);
      expect(r.identical).toBeGreaterThanOrEqual(methods - 2);
      expect(r.notFromRequestLine).toEqual([]);
      // every verb and path survives, also those read from the pages' row layout rather than the name rule
      const verbs = (api: typeof r.first.api) => new Map(api.clients.flatMap((c) => c.methods.map((m) => [`${m.client}.${m.id}`, `${m.http.verb} ${m.http.path}`] as const)));
      const after = verbs(r.second.api);
      const lost = [...verbs(r.first.api)].filter(([k, v]) => after.has(k) && after.get(k) !== v);
      expect(lost).toEqual([]);
      expect(r.first.api.clients.flatMap((c) => c.methods).filter((m) => m.http.verbOrigin.kind === 'evidence').length).toBeGreaterThan(400);
    }, 120_000);

    test('the site as HTML reads back as its markdown, verbs and paths included, but for the addresses VitePress rewrites', async () => {
      const h = await htmlRoundTrip(await trip('../shared/corpus/authing-docs-v3', 'authing-docs-v3'), out('authing-docs-v3'));
      const byKey = (r: typeof h.html) => new Map(r.api.clients.flatMap((c) => c.methods.map((m) => [`${m.client}.${m.id}`, m] as const)));
      const [md, html] = [byKey(h.markdown), byKey(h.html)];
      // VitePress rewrites relative addresses in a page: a link to `./introspect-token.md` is
      // rendered `./introspect-token` (cleanUrls), an image `~@images/x.jpg` `./~@images/x.jpg`.
      const address = (text: string | undefined): string | undefined => text?.replace(/\]\((?:\.\/)?([^)\s]*?)(?:\.md)?\)/g, ']($1)');
      for (const d of h.differing) {
        const [a, b] = [md.get(d.key)!, html.get(d.key)!];
        expect(d.fields, d.key).toEqual(['description']);
        expect(address(b.description), d.key).toBe(address(a.description));
      }
      // the rendered pages keep the request line, which the markdown's row layout no longer has
      // to carry: every verb and path, with its origin, is the markdown's
      const endpoints = (m: ReadonlyMap<string, (typeof h.html.api.clients)[number]['methods'][number]>) =>
        [...m].map(([k, x]) => [k, comparable(x.http)] as const);
      expect(endpoints(html)).toEqual(endpoints(md));
      expect(notFromRequestLine(h.html.api)).toEqual([]);
      console.log(`authing-docs-v3 HTML round trip: ${h.pages} pages, ${h.identical}/${md.size} methods identical to the markdown's, ${h.differing.length} apart from rewritten addresses`);
      expect(h.typesDiffering).toEqual([]);
    }, 180_000);
  });
});
