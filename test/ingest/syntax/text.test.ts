import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, pageModel } from '../../../generator/ingest/index.js';
import type { Api, Field, Method, NamedType, TypeRef } from '../../../generator/ir/types.js';
import { reachableTypes } from '../../../generator/ir/walk.js';
import { comparable } from '../../emit/docs/round-trip-helpers.js';
import { DOCS_INPUT, ROOT, SEEDS, hasSeeds, rel } from '../../helpers/shared.js';

/**
 * Text copied from rendered pages (syntax/text). Seeds 000, 001, 003 and 004 are such copies,
 * 002 is markdown (with a .txt name); docs-input holds the published markdown of the same four
 * methods. `sdkforge ir ../shared/seeds` must give docs-input's IR, apart from source locations
 * and from what the copy really lost, listed here with the reason. Each loss is applied to
 * docs-input's side before comparing, and each one must be needed (else it hides nothing and
 * goes from the list).
 */

type Loss = { what: string; why: string; apply: (m: Method, types: NamedType[]) => void };

const stripCode = (s: string): string => s.replace(/`([^`]*)`/g, '$1');
const stripLinks = (s: string): string => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

/** Every prose of a method and of the types it reaches (descriptions, enum value descriptions). */
function eachProse(m: Method, types: NamedType[], fn: (s: string) => string): void {
  const onType = (t: TypeRef): void => {
    if (t.kind === 'enum') for (const v of t.values) if (v.description) v.description = fn(v.description);
    if (t.kind === 'object') t.fields.forEach(onField);
    if (t.kind === 'array') onType(t.items);
  };
  const onField = (f: Field): void => {
    if (f.description) f.description = fn(f.description);
    onType(f.type);
  };
  m.parameters.forEach(onField);
  for (const t of types) onType(t.type);
}

const LOSSES: Loss[] = [
  {
    what: 'category',
    why: 'the category is the folder of the published layout (管理用户/); a copied page is saved anywhere',
    apply: (m) => delete m.category,
  },
  {
    what: 'http.pathOrigin.rule',
    why: 'the same path, /api/v3/ + the method name, since the file name of a copy (000_052f….txt) says nothing',
    apply: (m) => {
      if (m.http.pathOrigin.kind === 'rule') m.http.pathOrigin.rule = 'api-v3-method-name';
    },
  },
  {
    what: 'code spans',
    why: 'copying a rendered page keeps the text of `user_id`, not its backticks',
    apply: (m, types) => eachProse(m, types, stripCode),
  },
  {
    what: 'link addresses',
    why: 'copying keeps a link\'s text ("API Code List"), not its address',
    apply: (m, types) => eachProse(m, types, stripLinks),
  },
  {
    what: 'get_user_mfa_info parameter userId',
    why: "seed 003's first parameter row is fused into the delimiter row of a table the site showed as text, truncated with \"...\": only its sample survives, and the page has no sample code to name it",
    apply: (m) => {
      if (m.id === 'get_user_mfa_info') m.parameters = m.parameters.filter((p) => p.name !== 'userId');
    },
  },
];

const methods = (api: Api): Method[] => api.clients.flatMap((c) => c.methods);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** docs-input's method and the types it reaches, with `losses` applied. */
function expected(api: Api, id: string, losses: readonly Loss[]): { method: Method; types: NamedType[] } {
  const method = clone(methods(api).find((m) => m.id === id)!);
  const names = reachableTypes(api, [method.response.type, ...method.parameters.map((p) => p.type)]);
  const types = clone(api.types.filter((t) => names.includes(t.name)));
  for (const l of losses) l.apply(method, types);
  return { method, types };
}

function actual(api: Api, id: string): { method: Method; types: NamedType[] } {
  const method = methods(api).find((m) => m.id === id)!;
  const names = reachableTypes(api, [method.response.type, ...method.parameters.map((p) => p.type)]);
  return { method, types: api.types.filter((t) => names.includes(t.name)) };
}

const same = (a: { method: Method; types: NamedType[] }, b: { method: Method; types: NamedType[] }): boolean =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

describe.skipIf(!hasSeeds)('ir ../shared/seeds gives the IR of docs-input', async () => {
  const seeds = await ingest([rel(SEEDS)], { cwd: ROOT });
  const docs = await ingest([rel(DOCS_INPUT)], { cwd: ROOT });
  const ids = methods(docs.api).map((m) => m.id);

  it('the same four methods, each with the format of its pages in the sources', () => {
    expect(methods(seeds.api).map((m) => `${m.client}.${m.id}`)).toEqual(methods(docs.api).map((m) => `${m.client}.${m.id}`));
    const formats = Object.fromEntries(methods(seeds.api).map((m) => [m.id, m.docs.map((d) => `${d.file.split('/').pop()} ${d.format}`)]));
    expect(formats).toEqual({
      reset_factor: ['004_e8e89370abbe7aa5.txt text'],
      get_user_mfa_info: ['003_078c428b1b769f3f.txt text'],
      // the copied page (001) and the markdown page (002) of one method are merged
      get_user_principal_authentication_info: ['001_30f76d02e72a391f.txt text', '002_1b209372de4a296b.txt markdown'],
      reset_user_principal_authentication_info: ['000_052f529dc9fe65f6.txt text'],
    });
  });

  for (const id of ids) {
    it(`${id}: parameters, types, required, defaults, enums, descriptions, samples, response and DTOs, apart from the losses`, () => {
      expect(comparable(actual(seeds.api, id))).toEqual(comparable(expected(docs.api, id, LOSSES)));
    });
  }

  it('every listed loss is needed', () => {
    for (const loss of LOSSES) {
      const without = LOSSES.filter((l) => l !== loss);
      expect(
        ids.some((id) => !same(actual(seeds.api, id), expected(docs.api, id, without))),
        `${loss.what} is listed as lost but the IR is the same without it`,
      ).toBe(true);
    }
  });

  it('every row is read without a guess; the only warnings are the two fused rows of the markdown tables', () => {
    const shown = seeds.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.location?.file.split('/').pop()}:${d.location?.line} ${d.code}`);
    expect(shown.sort()).toEqual(['002_1b209372de4a296b.txt:23 md-table-fused-row', '003_078c428b1b769f3f.txt:15 md-table-fused-row']);
  });
});

describe.skipIf(!hasSeeds)('a folder mixing markdown, HTML and copied text of one API', async () => {
  const dir = join(ROOT, 'test/.tmp/mixed-formats');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'copied'), { recursive: true });
  if (hasSeeds) {
    cpSync(join(DOCS_INPUT, 'python/management/管理用户/get-user-mfa-info.md'), join(dir, 'python/management/管理用户/get-user-mfa-info.md'));
    cpSync(join(ROOT, 'test/fixtures/html/management/管理用户/reset-user-principal-authentication-info.html'), join(dir, 'site/management/管理用户/reset-user-principal-authentication-info.html'));
    cpSync(join(SEEDS, '001_30f76d02e72a391f.txt'), join(dir, 'copied/001.txt'));
    cpSync(join(SEEDS, '004_e8e89370abbe7aa5.txt'), join(dir, 'copied/004.txt'));
  }
  const mixed = await ingest([rel(dir)], { cwd: ROOT });
  const docs = await ingest([rel(DOCS_INPUT)], { cwd: ROOT });

  it('reads each page in its syntax, into the four methods', () => {
    const formats = Object.fromEntries(methods(mixed.api).map((m) => [m.id, m.docs.map((d) => d.format)]));
    expect(formats).toEqual({
      reset_factor: ['text'],
      get_user_mfa_info: ['markdown'],
      get_user_principal_authentication_info: ['text'],
      reset_user_principal_authentication_info: ['html'],
    });
  });

  it('markdown and HTML pages give docs-input\'s methods as they are; the copies, apart from their losses', () => {
    const textLosses = LOSSES.filter((l) => !l.what.startsWith('get_user_mfa_info'));
    for (const id of ['get_user_mfa_info', 'reset_user_principal_authentication_info']) expect(comparable(actual(mixed.api, id)), id).toEqual(comparable(expected(docs.api, id, [])));
    for (const id of ['get_user_principal_authentication_info', 'reset_factor']) expect(comparable(actual(mixed.api, id)), id).toEqual(comparable(expected(docs.api, id, textLosses)));
  });
});

describe('copied text, line by line', () => {
  const vocabularyPage = (body: string): string => `Skip to content\n\nGet a thing\n\nGets a thing.\n\nMethod name\n\nManagementClient.get_thing\n\nRequest parameters\n\n${body}\n`;

  it('a row that splits two ways is read and reported with both readings', () => {
    const page = pageModel('t.txt', vocabularyPage('NameTypeRequiredDescriptionSample value\nuserNamestringYesThe user nameJohn Smith'));
    const table = page.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ rows: [{ cells: ['userName', 'string', 'Yes', expect.any(String), expect.any(String)] }] });
    expect(page.diagnostics?.map((d) => d.code)).toContain('text-row-ambiguous');
    const message = page.diagnostics!.find((d) => d.code === 'text-row-ambiguous')!.message;
    expect(message).toContain('John Smith');
  });

  it('a row glued by a seam and confirmed by its type is read without a guess', () => {
    const page = pageModel('t.txt', vocabularyPage('NameTypeIs it required?DescriptionSample value\nenabledbooleanNoWhether it is ontrue\ncountintegeryesHow many10'));
    expect(page.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: [{ cells: ['enabled', 'boolean', 'No', 'Whether it is on', 'true'] }, { cells: ['count', 'integer', 'yes', 'How many', '10'] }],
    });
    expect((page.diagnostics ?? []).filter((d) => d.code.startsWith('text-row'))).toEqual([]);
  });

  it('a line after the header that is no row is reported and dropped, not read shifted', () => {
    const page = pageModel('t.txt', vocabularyPage('NameTypeRequiredDescription\n名字 is not an identifier\nuserIdstringYesThe id'));
    expect(page.blocks.find((b) => b.kind === 'table')).toMatchObject({ rows: [{ cells: ['userId', 'string', 'Yes', 'The id'] }] });
    expect(page.diagnostics?.map((d) => d.code)).toContain('text-row-unreadable');
  });

  it('a link remnant becomes the link to its data structure', () => {
    const page = pageModel('t.txt', vocabularyPage('NameTypeRequiredDescription\noptions<a OptionsDtoNoNested type: <a OptionsDto.\n\nData Structure\n\nOptionsDto\n\nNameTypeDescription\nastringA'));
    expect(page.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: [{ cells: ['options', '<a href="#OptionsDto">OptionsDto</a>', 'No', 'Nested type: <a href="#OptionsDto">OptionsDto</a>.'] }],
    });
    expect(page.blocks).toContainEqual(expect.objectContaining({ kind: 'heading', depth: 3, text: 'OptionsDto' }));
  });

  it('text that reads as markup of the canonical form stays text: a copied <code>, <div>, <br> or comment is escaped', () => {
    const page = pageModel('t.txt', vocabularyPage('NameTypeRequiredDescription\nnotestringYesShows <code>x</code>, <div style="width:80px">y</div>, a<br>b, <!-- c --> and <script>z</script>'));
    expect(page.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: [{ cells: ['note', 'string', 'Yes', 'Shows &lt;code>x&lt;/code>, &lt;div style="width:80px">y&lt;/div>, a&lt;br>b, &lt;!-- c --> and <script>z</script>'] }],
    });
  });

  it('the title is the first line after the chrome, the description the last paragraph before the first section', () => {
    const page = pageModel('t.txt', 'Skip to content\n\nGet a thing\n\nThis document is generated.\n\nGets a thing.\n\nMethod name\n\nManagementClient.get_thing\n');
    expect(page.blocks.slice(0, 3)).toEqual([
      { kind: 'heading', depth: 1, text: 'Get a thing', line: 3, column: 1 },
      { kind: 'paragraph', text: '> This document is generated.', line: 5 },
      { kind: 'paragraph', text: 'Gets a thing.', line: 7 },
    ]);
  });
});
