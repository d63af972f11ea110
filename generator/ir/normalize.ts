import type { Api, Client, Method, NamedType } from './types.js';

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byId = (a: Method, b: Method): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Puts an API in its canonical order: clients, methods and named types sorted by name.
 * Fields and parameters keep document order (it is meaningful: it is the order readers see).
 */
export function normalizeApi(api: Api): Api {
  const clients: Client[] = api.clients
    .map((c) => ({ ...c, methods: [...c.methods].sort(byId) }))
    .sort(byName);
  const types: NamedType[] = [...api.types].sort(byName);
  return { ...api, clients, types };
}
