import type { Diagnostic } from '../../diagnostics/types.js';
import type { PageMethod, PageResult } from '../reader/read-page.js';

export type MethodPage = PageResult & { method: PageMethod };

const pageKey = (m: PageMethod): string => `${m.path.category ?? ''}/${m.path.stem}`;

/**
 * The same page (category/file) documented under two clients: every language edition files
 * copies of authentication pages (用户资料/get-profile.md) under management/ too, named
 * `ManagementClient.getProfile`. The category's home client — the one whose folder holds most
 * of the category's pages — keeps the page; the copies are reported and dropped. When neither
 * side is clearly the home, both are kept and the conflict is still reported.
 */
export function dropWrongClientPages(pages: MethodPage[], diagnostics: Diagnostic[]): MethodPage[] {
  const byPage = new Map<string, Map<string, MethodPage[]>>();
  const categoryPages = new Map<string, Map<string, Set<string>>>();
  for (const p of pages) {
    // the same page and the same method name under two clients: a copy, not two methods
    const k = `${pageKey(p.method)}#${p.method.words.join('_')}`;
    const byClient = byPage.get(k) ?? new Map<string, MethodPage[]>();
    byClient.set(p.method.client, [...(byClient.get(p.method.client) ?? []), p]);
    byPage.set(k, byClient);
    const cat = p.method.path.category ?? '';
    const stems = categoryPages.get(cat) ?? new Map<string, Set<string>>();
    stems.set(p.method.client, (stems.get(p.method.client) ?? new Set()).add(p.method.path.stem));
    categoryPages.set(cat, stems);
  }
  const dropped = new Set<string>();
  for (const [key, byClient] of [...byPage.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (byClient.size < 2) continue;
    const page = key.slice(0, key.indexOf('#'));
    const cat = page.slice(0, page.lastIndexOf('/'));
    const home = (client: string): number => categoryPages.get(cat)?.get(client)?.size ?? 0;
    const ranked = [...byClient.entries()].sort(
      (a, b) => home(b[0]) - home(a[0]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    );
    const [winnerClient, winnerPages] = ranked[0]!;
    for (const [client, list] of ranked.slice(1)) {
      const clear = home(client) < home(winnerClient) || list.length < winnerPages.length;
      const first = list[0]!;
      if (clear) for (const p of list) dropped.add(p.file);
      diagnostics.push({
        code: 'md-client-conflict',
        severity: 'warning',
        message:
          `${first.method.writtenName ?? `${first.method.client}.${first.method.words.join('_')}`} (${list.length} page(s)) documents the page ${page} that ${winnerPages.length} page(s) document under ${winnerClient}` +
          (clear
            ? `; ${cat || 'the category'} belongs to ${winnerClient} (${home(winnerClient)} vs ${home(client)} pages), so the ${client} copies are dropped`
            : '; which client is right cannot be told, both are kept'),
        location: first.method.source,
        related: [
          ...list.slice(1).map((p) => ({ message: 'copy', location: p.method.source })),
          { message: `documented as ${winnerPages[0]!.method.writtenName ?? winnerClient}`, location: winnerPages[0]!.method.source },
        ],
      });
    }
  }
  return pages.filter((p) => !dropped.has(p.file));
}
