import type { Diagnostic } from '../../diagnostics/types.js';
import { diagnostic } from '../../diagnostics/collector.js';
import { splitWords } from '../../naming/words.js';
import type { PageMethod, PageResult } from '../reader/read-page.js';

export type MethodPage = PageResult & { method: PageMethod };

/** What decided a page's client when its evidence disagreed, strongest first. */
export type ClientEvidence = 'sample-code' | 'name-line' | 'folder';

/** How many disagreements each kind of evidence decided (`undecided`: both clients kept). */
export type ClientDecisions = Record<ClientEvidence | 'undecided', number>;

const pageKey = (m: PageMethod): string => `${m.path.category ?? ''}/${m.path.stem}`;

/**
 * The client the page's sample code calls the page's method on: the class it constructs
 * (`new AuthenticationClient(...)`) and then calls a method of the same words on. Undefined when
 * the sample shows none, or only an unnamed `Client` (`management.NewClient`), or two classes.
 */
export function sampleClientOf(m: PageMethod): string | undefined {
  const id = m.words.join('_');
  const classes = new Set(
    (m.sampleClients ?? []).filter((c) => c.className !== 'Client' && c.calls.some((x) => splitWords(x.name).join('_') === id)).map((c) => c.className),
  );
  return classes.size === 1 ? [...classes][0] : undefined;
}

/**
 * Decides the client of pages whose evidence disagrees, by the evidence on the pages:
 *
 * 1. **sample code**: the client class the sample constructs and calls the method on (the
 *    corpus files copies of authentication pages under management/, named
 *    `ManagementClient.getProfile`, whose samples call `authenticationClient.getProfile()`);
 * 2. **name line**: a client that only pages' own method-name lines name;
 * 3. **folder**: the client whose folder holds most of the category's pages.
 *
 * The pages of one page (category/file) and method name form a group. A group documented under
 * two clients keeps the winner's pages and drops the others' copies; a group under one client
 * whose evidence names another (a name line `AuthenticationClient.configEmailProvider` on a page
 * under management/ whose sample calls `managementClient.configEmailProvider`) moves to that
 * client. Every decision is reported with the evidence that made it; when nothing decides, both
 * are kept and that is reported too.
 */
export function decidePageClients(pages: MethodPage[], diagnostics: Diagnostic[]): { pages: MethodPage[]; decisions: ClientDecisions } {
  const decisions: ClientDecisions = { 'sample-code': 0, 'name-line': 0, folder: 0, undecided: 0 };
  const groups = new Map<string, MethodPage[]>();
  const categoryPages = new Map<string, Map<string, Set<string>>>();
  for (const p of pages) {
    // the same page and the same method name under two clients: a copy, not two methods
    const k = `${pageKey(p.method)}#${p.method.words.join('_')}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
    const cat = p.method.path.category ?? '';
    const stems = categoryPages.get(cat) ?? new Map<string, Set<string>>();
    const folder = p.method.path.client ?? p.method.client;
    stems.set(folder, (stems.get(folder) ?? new Set()).add(p.method.path.stem));
    categoryPages.set(cat, stems);
  }

  const dropped = new Set<string>();
  const moved = new Map<string, string>();
  for (const [key, group] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const sides = new Map<string, MethodPage[]>();
    for (const p of group) sides.set(p.method.client, [...(sides.get(p.method.client) ?? []), p]);
    const sampleVotes = new Map<string, MethodPage[]>();
    for (const p of group) {
      const s = sampleClientOf(p.method);
      if (s) sampleVotes.set(s, [...(sampleVotes.get(s) ?? []), p]);
    }
    const candidates = [...new Set([...sides.keys(), ...sampleVotes.keys()])].sort();
    if (candidates.length < 2) continue;

    const page = key.slice(0, key.indexOf('#'));
    const cat = page.slice(0, page.lastIndexOf('/'));
    const home = (client: string): number => categoryPages.get(cat)?.get(client)?.size ?? 0;
    const nameLine = (client: string): number => (sides.get(client) ?? []).filter((p) => p.method.nameFrom === 'name-section').length;
    const samples = (client: string): number => sampleVotes.get(client)?.length ?? 0;
    const sole = (score: (c: string) => number): string | undefined => {
      const ranked = [...candidates].sort((a, b) => score(b) - score(a));
      return score(ranked[0]!) > score(ranked[1]!) ? ranked[0] : undefined;
    };
    let winner: string | undefined;
    let evidence: ClientEvidence | undefined;
    if ((winner = sole(samples))) evidence = 'sample-code';
    else if ((winner = candidates.filter((c) => nameLine(c) > 0).length === 1 ? candidates.find((c) => nameLine(c) > 0) : undefined)) evidence = 'name-line';
    else if ((winner = sole(home))) evidence = 'folder';
    decisions[evidence ?? 'undecided']++;

    const why = (w: string): string => {
      switch (evidence) {
        case 'sample-code':
          return `the sample code of ${samples(w)} page(s) constructs ${w} and calls the method on it${candidates.filter((c) => c !== w && samples(c) > 0).map((c) => ` (${samples(c)} page(s): ${c})`).join('')}`;
        case 'name-line':
          return `only ${w} is named by the pages' method-name lines (${nameLine(w)} page(s))`;
        default:
          return `${cat || 'the category'} belongs to ${w} (${home(w)} of its pages are filed there, ${candidates.filter((c) => c !== w).map((c) => `${home(c)} under ${c}`).join(', ')})`;
      }
    };
    const nameOf = (p: MethodPage): string => p.method.writtenName ?? `${p.method.client}.${p.method.words.join('_')}`;
    const winnerPages = winner ? sides.get(winner) : undefined;
    if (winner && !winnerPages) {
      // no page is filed under the winner: the pages move there
      for (const [client, list] of sides) {
        for (const p of list) moved.set(p.file, winner);
        diagnostics.push(
          diagnostic(
            'md-client-conflict',
            `${nameOf(list[0]!)} (${list.length} page(s) of ${page}) is a method of ${winner}: ${why(winner)}; moved from ${client}`,
            list[0]!.method.source,
            [...(sampleVotes.get(winner) ?? []).slice(0, 1).map((p) => ({ message: `${winner} in the sample code`, location: sampleSourceOf(p) ?? p.method.source }))],
          ),
        );
      }
      continue;
    }
    const reference = winnerPages?.[0] ?? group[0]!;
    for (const [client, list] of [...sides.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (client === winner) continue;
      if (winner) for (const p of list) dropped.add(p.file);
      diagnostics.push(
        diagnostic(
          'md-client-conflict',
          `${nameOf(list[0]!)} (${list.length} page(s)) documents the page ${page} that ${winner ? `${winnerPages!.length} page(s) document under ${winner}` : `is documented under ${candidates.filter((c) => c !== client).join(', ')}`}` +
            (winner ? `; ${why(winner)}, so the ${client} copies are dropped` : '; which client is right cannot be told (no sample code, name line or folder decides), both are kept'),
          list[0]!.method.source,
          [
            ...list.slice(1).map((p) => ({ message: 'copy', location: p.method.source })),
            { message: `documented as ${nameOf(reference)}`, location: reference.method.source },
            ...(evidence === 'sample-code' && winner ? (sampleVotes.get(winner) ?? []).slice(0, 1).map((p) => ({ message: `${winner} in the sample code`, location: sampleSourceOf(p) ?? p.method.source })) : []),
          ],
        ),
      );
    }
  }
  const kept = pages
    .filter((p) => !dropped.has(p.file))
    .map((p) => {
      const client = moved.get(p.file);
      return client ? { ...p, method: { ...p.method, client } } : p;
    });
  return { pages: kept, decisions };
}

/** Where the page's sample code calls its method (for related locations). */
function sampleSourceOf(p: MethodPage): PageMethod['source'] | undefined {
  const id = p.method.words.join('_');
  for (const c of p.method.sampleClients ?? []) {
    const call = c.calls.find((x) => splitWords(x.name).join('_') === id);
    if (call) return call.source;
  }
  return undefined;
}
