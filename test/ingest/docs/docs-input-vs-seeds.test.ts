import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../generator/ingest/index.js';
import { cellPlain } from '../../../generator/ingest/page/inline.js';
import type { Api, Field, JsonValue, Method, TypeRef } from '../../../generator/ir/types.js';
import { reachableTypes } from '../../../generator/ir/walk.js';
import { ROOT, SEEDS, hasSeeds } from '../../helpers/shared.js';

/**
 * Seeds 000, 001, 003 and 004 are the published pages scraped to text: table delimiters are
 * gone, each row is its cells run together ("userIdstringYes-The unique identifier...6229..").
 * docs-input must hold their content faithfully: every parameter and field with its type,
 * required flag, default, description and sample, and the sample result.
 */
const SEED_OF: { seed: string; client: string; id: string; missingInSeed?: string[] }[] = [
  { seed: '000_052f529dc9fe65f6.txt', client: 'ManagementClient', id: 'reset_user_principal_authentication_info' },
  { seed: '001_30f76d02e72a391f.txt', client: 'ManagementClient', id: 'get_user_principal_authentication_info' },
  // seed 003's first parameter row is fused into the table's delimiter row and lost there
  // (only its sample 6229ffaxxxxxxxxcade3e3d9 survives); docs-input restores it.
  { seed: '003_078c428b1b769f3f.txt', client: 'ManagementClient', id: 'get_user_mfa_info', missingInSeed: ['userId'] },
  { seed: '004_e8e89370abbe7aa5.txt', client: 'AuthenticationClient', id: 'reset_factor' },
];

/**
 * Whitespace-free, case-free text, as the scrape runs cells together (some scrapes keep the
 * cell pipes, and the site adds "(opens new window)" after external links).
 */
const squash = (s: string): string =>
  s.replace(/\(opens new window\)/g, '').replace(/[\s\u200b|]+/g, '').toLowerCase();

/** Prose as the scraped page shows it: markdown links as their text, `<a href="#X">` as "<a X". */
const shown = (md: string): string =>
  cellPlain(md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<a\s+href="#([^"]+)">[^<]*<\/a>/g, '&lt;a $1'));

function typeText(t: TypeRef): string[] {
  switch (t.kind) {
    case 'ref':
      return [`<a${t.name}`, t.name];
    case 'array':
      return ['array', `${typeText(t.items)[0]}[]`];
    case 'enum':
      return [t.base];
    default:
      return [t.kind];
  }
}

const valueText = (v: JsonValue | undefined): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** The row as the scrape shows it: name, type, required?, default?, description, sample. */
function rowCandidates(f: Field, hasDefaultColumn: boolean, hasRequiredColumn: boolean): string[] {
  const desc = shown(f.description ?? '');
  return typeText(f.type).flatMap((type) =>
    [f.required ? 'yes' : 'no'].map((req) =>
      squash(
        f.name +
          type +
          (hasRequiredColumn ? req : '') +
          (hasDefaultColumn ? (f.default === undefined ? '-' : valueText(f.default)) : '') +
          desc +
          valueText(f.example),
      ),
    ),
  );
}

function findMethod(api: Api, client: string, id: string): Method {
  const m = api.clients.find((c) => c.name === client)?.methods.find((x) => x.id === id);
  if (!m) throw new Error(`docs-input has no ${client}.${id}`);
  return m;
}

describe.skipIf(!hasSeeds)('docs-input holds the seeds faithfully', async () => {
  const { api } = await ingest(['docs-input'], { cwd: ROOT });

  it('has exactly the four seed methods', () => {
    const ids = api.clients.flatMap((c) => c.methods.map((m) => `${c.name}.${m.id}`)).sort();
    expect(ids).toEqual(SEED_OF.map((s) => `${s.client}.${s.id}`).sort());
  });

  for (const s of SEED_OF) {
    describe(s.seed, () => {
      // describe bodies run even when skipped: read the seed only when it is there
      const seedText = hasSeeds ? readFileSync(join(SEEDS, s.seed), 'utf8') : '';
      const seed = squash(seedText);
      const m = findMethod(api, s.client, s.id);

      it('title, description and method name', () => {
        expect(seed).toContain(squash(m.description!));
        expect(seed).toContain(squash(`${m.client}.${m.id}`));
      });

      it('every parameter row: name, type, required, default, description, sample', () => {
        const missing = m.parameters.filter((p) => !rowCandidates(p, true, true).some((c) => seed.includes(c))).map((p) => p.name);
        expect(missing).toEqual(s.missingInSeed ?? []);
        expect(m.parameters.length).toBeGreaterThan(0);
      });

      it('the response type, its table, and every field of every data structure', () => {
        const respName = m.response.type.kind === 'ref' ? m.response.type.name : '';
        expect(seed).toContain(squash(`Type: ${respName}`));
        const names = reachableTypes(api, [m.response.type, ...m.parameters.map((p) => p.type)]);
        let fields = 0;
        for (const name of names) {
          const t = api.types.find((x) => x.name === name)!;
          if (t.type.kind !== 'object') continue;
          const isEnvelope = name === respName;
          if (!isEnvelope) expect(seed).toContain(squash(name));
          for (const f of t.type.fields) {
            fields++;
            expect.soft(rowCandidates(f, false, !isEnvelope).some((c) => seed.includes(c)), `${name}.${f.name}`).toBe(true);
          }
        }
        expect(fields).toBeGreaterThan(3);
      });

      it('the sample result', () => {
        const start = seedText.indexOf('{', seedText.search(/Sample result:/));
        let depth = 0;
        let end = start;
        for (; end < seedText.length; end++) {
          if (seedText[end] === '{') depth++;
          if (seedText[end] === '}' && --depth === 0) break;
        }
        const sample = JSON.parse(seedText.slice(start, end + 1)) as JsonValue;
        expect(m.response.sample).toEqual(sample);
      });
    });
  }
});
