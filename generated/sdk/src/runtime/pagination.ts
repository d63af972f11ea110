// Paging through list methods: a paginated method returns a PagedPromise, which is the first
// page when awaited and every item of every page when iterated with `for await`.
import { SdkError } from './errors.js';

/** How an operation pages (from the IR's `pagination`): paths into the args and the payload. */
export interface PaginationSpec {
  kind: 'page' | 'link' | 'cursor';
  /** Args path of the page number, and the number of the first page. */
  page?: readonly string[];
  firstPage?: number;
  /** Args path of the page size. */
  size?: readonly string[];
  /** Args path of the cursor, and payload path of the next cursor. */
  cursor?: readonly string[];
  nextCursor?: readonly string[];
  /** Payload path of the list (empty: the payload is the list), and of the total count. */
  items: readonly string[];
  total?: readonly string[];
}

/** One page as fetched: its payload and its response (whose headers may name the next page). */
export interface FetchedPage {
  payload: unknown;
  response: Response;
}

/** What to fetch next: new args, or a URL (a `Link` header's), or nothing (the end). */
export type NextPage = { args: Record<string, unknown> } | { url: URL } | undefined;

export function valueAt(value: unknown, path: readonly string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `args` with `value` at `path` (objects on the path copied, never the caller's). */
export function withValueAt(args: Readonly<Record<string, unknown>>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return { ...args };
  const inner = args[key];
  const child = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  return Object.defineProperty({ ...args }, key, {
    value: rest.length === 0 ? value : withValueAt(child, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The items of one page (none when the payload has no list where the spec says). */
export function pageItems<Item>(spec: PaginationSpec, payload: unknown): Item[] {
  const list = valueAt(payload, spec.items);
  return Array.isArray(list) ? (list as Item[]) : [];
}

/** `<https://api.example.com/x?page=2>; rel="next", <…>; rel="last"` → the `next` URL. */
export function nextLink(header: string | null, base: string): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(m[2]!)?.[1] ?? '';
    if (rel.split(/\s+/).includes('next')) {
      try {
        return new URL(m[1]!, base);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The request after `page`, or undefined at the end: an empty page ends every kind; a page
 * number stops once the total is reached or a page comes back short; a link stops without a
 * `next`; a cursor stops when the response gives none (or the same one again).
 */
export function nextPage(spec: PaginationSpec, args: Readonly<Record<string, unknown>>, page: FetchedPage, seen: number, host: string): NextPage {
  const items = pageItems(spec, page.payload);
  if (items.length === 0) return undefined;
  if (spec.kind === 'link') {
    const from = page.response.url || host;
    const url = nextLink(page.response.headers.get('link'), from);
    if (!url) return undefined;
    // credentials go only where the page came from: a next page elsewhere is refused
    if (url.origin !== new URL(from).origin) throw new SdkError(`the next page is on another origin (${url.origin}), not followed`);
    return { url };
  }
  if (spec.kind === 'cursor' && spec.cursor && spec.nextCursor) {
    const next = valueAt(page.payload, spec.nextCursor);
    if (next === undefined || next === null || next === '' || next === valueAt(args, spec.cursor)) return undefined;
    return { args: withValueAt(args, spec.cursor, next) };
  }
  if (spec.kind === 'page' && spec.page) {
    const total = spec.total ? valueAt(page.payload, spec.total) : undefined;
    if (typeof total === 'number' && seen >= total) return undefined;
    const size = spec.size ? valueAt(args, spec.size) : undefined;
    if (typeof size === 'number' && items.length < size) return undefined;
    const current = valueAt(args, spec.page);
    const number = typeof current === 'number' ? current : (spec.firstPage ?? 1);
    return { args: withValueAt(args, spec.page, number + 1) };
  }
  return undefined;
}

/**
 * The result of a paginated method. Awaited, it is the first page (the method's response type,
 * as for any other method). Iterated with `for await`, it is every item of every page, fetched
 * one page at a time with the call's options (signal, timeout, retry). `.pages()` iterates the
 * pages themselves. The first request starts when it is first awaited or iterated.
 */
export class PagedPromise<Page, Item> extends Promise<Page> implements AsyncIterable<Item> {
  // `then` on this class returns a plain Promise
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #fetchFirst: () => Promise<FetchedPage>;
  readonly #fetchNext: (prev: FetchedPage, seen: number) => Promise<FetchedPage | undefined>;
  readonly #spec: PaginationSpec;
  #first: Promise<FetchedPage> | undefined;

  constructor(spec: PaginationSpec, fetchFirst: () => Promise<FetchedPage>, fetchNext: (prev: FetchedPage, seen: number) => Promise<FetchedPage | undefined>) {
    // the promise this object is never rejects, so a PagedPromise that is only iterated leaves
    // no unhandled rejection behind: awaiting goes through `then` below
    super((resolve) => resolve(undefined as Page));
    this.#spec = spec;
    this.#fetchFirst = fetchFirst;
    this.#fetchNext = fetchNext;
  }

  #firstPage(): Promise<FetchedPage> {
    this.#first ??= this.#fetchFirst();
    return this.#first;
  }

  override then<A = Page, B = never>(onFulfilled?: ((page: Page) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#firstPage().then((p) => p.payload as Page).then(onFulfilled, onRejected);
  }

  override catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page | B> {
    return this.then(undefined, onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<Page> {
    return this.then().finally(onFinally);
  }

  /** Every page, first to last. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    let page: FetchedPage | undefined = await this.#firstPage();
    let seen = 0;
    while (page) {
      seen += pageItems(this.#spec, page.payload).length;
      yield page.payload as Page;
      page = await this.#fetchNext(page, seen);
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* pageItems<Item>(this.#spec, page);
  }
}
