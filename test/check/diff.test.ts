import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareApis, type ApiChange } from '../../generator/check/diff/compare.js';
import { parseSide } from '../../generator/check/diff/sides.js';
import { bufferIO } from '../../generator/commands/io.js';
import { main } from '../../generator/cli.js';
import { ingest } from '../../generator/ingest/index.js';
import { CORPUS_ZH, DOCS_INPUT, ROOT, hasCorpus } from '../helpers/shared.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sdkforge-diff-'));
  temps.push(d);
  return d;
};

type Pages = Record<string, string>;

/** Writes the pages (path → text) into `<dir>/<side>/` and ingests that folder. */
async function ingestPages(dir: string, side: string, pages: Pages) {
  for (const [path, text] of Object.entries(pages)) {
    mkdirSync(join(dir, side, path, '..'), { recursive: true });
    writeFileSync(join(dir, side, path), text);
  }
  const r = await ingest([side], { cwd: dir, cache: false });
  return r.api;
}

/** Real pages before, the same pages after a real edit: the changes the diff finds. */
async function changesAfter(pages: Pages, edit: (path: string, text: string) => string | undefined): Promise<ApiChange[]> {
  const dir = tempDir();
  const after: Pages = {};
  for (const [path, text] of Object.entries(pages)) {
    const edited = edit(path, text);
    if (edited !== undefined) after[path] = edited;
  }
  // every edit must really change a page, or the test proves nothing
  expect(JSON.stringify(after)).not.toBe(JSON.stringify(pages));
  return compareApis(await ingestPages(dir, 'before', pages), await ingestPages(dir, 'after', after));
}

/** Replaces exactly one occurrence (fails loudly when the corpus text is not there). */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const matches = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g' + from.flags)) ?? []).length;
  expect(matches, `expected one ${String(from)}`).toBe(1);
  return text.replace(from, to);
}

const kinds = (changes: ApiChange[]) => changes.map((c) => `${c.level}:${c.kind}:${c.subject}${c.path ? ` ${c.path}` : ''}`);

describe.skipIf(!hasCorpus)('diff on real corpus pages, by real edits', () => {
  const folder = join(CORPUS_ZH, 'node/management/管理用户');
  const read = (name: string): string => readFileSync(join(folder, name), 'utf8');
  const GET_USER = 'node/management/管理用户/get-user.md';
  const MFA_INFO = 'node/management/管理用户/get-user-mfa-info.md';
  const pages = (): Pages => ({ [GET_USER]: read('get-user.md'), [MFA_INFO]: read('get-user-mfa-info.md') });
  const only = (file: string, f: (t: string) => string) => (path: string, text: string) => (path === file ? f(text) : text);

  it('no edit, no change', async () => {
    const dir = tempDir();
    expect(compareApis(await ingestPages(dir, 'a', pages()), await ingestPages(dir, 'b', pages()))).toEqual([]);
  });

  it('a request parameter row removed: breaking', async () => {
    const changes = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, /^ \| withPost \|.*\n/m, '')));
    expect(kinds(changes)).toEqual(['breaking:parameter-removed:ManagementClient.getUser parameter withPost']);
  });

  it('a response field row removed: breaking', async () => {
    const changes = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, /^\| externalId \|.*\n/m, '')));
    expect(kinds(changes)).toEqual(['breaking:field-removed:UserDto externalId']);
    expect(changes[0]!.direction).toBe('response');
  });

  it('Required flipped: optional → required breaks a request, not a response; required → optional breaks a response', async () => {
    const req = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, ' | withPost | boolean  | 否 |', ' | withPost | boolean  | 是 |')));
    expect(kinds(req)).toEqual(['breaking:parameter-required:ManagementClient.getUser parameter withPost']);

    const resp = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '| email | string | 否 |', '| email | string | 是 |')));
    expect(kinds(resp)).toEqual(['non-breaking:field-required:UserDto email']);

    const madeOptional = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '| workStatus | string | 是 |', '| workStatus | string | 否 |')));
    expect(kinds(madeOptional)).toEqual(['breaking:field-optional:UserDto workStatus']);
  });

  it('an enum value added is not breaking; removed from a request enum it is', async () => {
    const added = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '<br>- `phone`: 用户手机号', '<br>- `phone`: 用户手机号<br>- `wechat`: 微信 OpenID')));
    const addedKinds = kinds(added);
    expect(addedKinds).toContain('non-breaking:enum-value-added:ManagementClient.getUser parameter userIdType');
    expect(added.every((c) => c.level === 'non-breaking')).toBe(true);

    const removed = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '<br>- `phone`: 用户手机号', '')));
    expect(kinds(removed)).toContain('breaking:enum-value-removed:ManagementClient.getUser parameter userIdType');
    expect(removed.find((c) => c.kind === 'enum-value-removed')!.message).toContain('"phone"');
  });

  it('an enum value removed from a response is not breaking (callers receive fewer values), added neither', async () => {
    const removed = await changesAfter(pages(), only(MFA_INFO, (t) => replaceOnce(t, '是否绑定了 TOTP，可选值 enabled, disabled', '是否绑定了 TOTP，可选值 enabled, disabled, unknown')));
    expect(kinds(removed).filter((k) => !k.includes('description'))).toEqual(['non-breaking:enum-value-added:UserMfaRespDto totpStatus']);
    const back = compareApis(
      await ingestPages(tempDir(), 'x', { [MFA_INFO]: read('get-user-mfa-info.md').replace('可选值 enabled, disabled   |  `true` |', '可选值 enabled, disabled, unknown   |  `true` |') }),
      await ingestPages(tempDir(), 'y', { [MFA_INFO]: read('get-user-mfa-info.md') }),
    );
    expect(kinds(back).filter((k) => !k.includes('description'))).toEqual(['non-breaking:enum-value-removed:UserMfaRespDto totpStatus']);
  });

  it('a type changed: breaking; widened in a request: not breaking; the same widening in a response: breaking', async () => {
    const changed = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '| loginsCount | number |', '| loginsCount | string |')));
    expect(kinds(changed)).toEqual(['breaking:type-changed:UserDto loginsCount']);
    expect(changed[0]!.message).toBe('field loginsCount: type changed from number to string');

    const widenedRequest = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, ' | flatCustomData | boolean  |', ' | flatCustomData | any  |')));
    const widened = widenedRequest.find((c) => c.kind === 'type-changed')!;
    expect(`${widened.level} ${widened.path}`).toBe('non-breaking parameter flatCustomData');
    expect(widened.message).toContain('(widened)');
    // the rows still show the query string (their layout), so the verb stays GET: nothing else changed
    expect(kinds(widenedRequest)).toEqual(['non-breaking:type-changed:ManagementClient.getUser parameter flatCustomData']);

    const widenedResponse = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '| loginsCount | number |', '| loginsCount | any |')));
    expect(kinds(widenedResponse)).toEqual(['breaking:type-changed:UserDto loginsCount']);
  });

  it('a method removed: breaking, with the types only it used folded into it; added: not breaking', async () => {
    const removed = await changesAfter(pages(), (path, text) => (path === MFA_INFO ? undefined : text));
    expect(kinds(removed)).toEqual(['breaking:method-removed:ManagementClient.getUserMfaInfo']);
    const dir = tempDir();
    const added = compareApis(await ingestPages(dir, 'a', { [GET_USER]: read('get-user.md') }), await ingestPages(dir, 'b', pages()));
    expect(kinds(added)).toEqual(['non-breaking:method-added:ManagementClient.getUserMfaInfo']);
  });

  it('parameters added: optional is not breaking, required is', async () => {
    const row = (req: string) => ` | withRoles | boolean  | ${req} | - | 是否获取角色  | \`true\` |\n`;
    const optional = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, / \| withPost \|.*\n/, (m) => m + row('否'))));
    expect(kinds(optional)).toEqual(['non-breaking:parameter-added:ManagementClient.getUser parameter withRoles']);
    const required = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, / \| withPost \|.*\n/, (m) => m + row('是'))));
    expect(kinds(required)).toEqual(['breaking:parameter-added:ManagementClient.getUser parameter withRoles']);
  });

  it('a description changed: not breaking', async () => {
    const changes = await changesAfter(pages(), only(GET_USER, (t) => replaceOnce(t, '| 是否获取 部门信息  |', '| 是否同时返回用户所在部门  |')));
    expect(kinds(changes)).toEqual(['non-breaking:parameter-description-changed:ManagementClient.getUser parameter withPost']);
  });

  it('markdown output is a changelog section; --fail-on breaking exits 1 only on a breaking change', async () => {
    const dir = tempDir();
    await ingestPages(dir, 'before', pages());
    await ingestPages(dir, 'after', { ...pages(), [GET_USER]: replaceOnce(read('get-user.md'), ' | withPost | boolean  | 否 |', ' | withPost | boolean  | 是 |') });
    const io = bufferIO(dir);
    expect(await main(['diff', 'before', 'after', '--format', 'markdown', '--fail-on', 'breaking'], io)).toBe(1);
    const md = io.out.join('');
    expect(md).toContain('## API changes (`before` → `after`)');
    expect(md).toContain('### ⚠️ Breaking changes\n\n- `ManagementClient.getUser`: parameter "withPost" became required');

    const same = bufferIO(dir);
    expect(await main(['diff', 'before', 'before', '--fail-on', 'breaking'], same)).toBe(0);
    expect(same.out.join('')).toContain('0 breaking, 0 non-breaking');
  });
});

describe('diff against a git revision', () => {
  it('git:HEAD~1:docs-input against the work tree: materialised with git archive, ingested, compared', async () => {
    const repo = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    cpSync(DOCS_INPUT, join(repo, 'docs-input'), { recursive: true });
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    const page = join(repo, 'docs-input/python/management/管理用户/get-user-mfa-info.md');
    const text = readFileSync(page, 'utf8');
    const v2 = replaceOnce(text, '| userIdType | string | No |', '| userIdType | string | yes |');
    writeFileSync(page, v2);
    git('commit', '-q', '-am', 'v2: userIdType required');
    writeFileSync(page, v2.replace('Get user MFA binding information through user ID', 'Reads the MFA bindings of a user'));

    const io = bufferIO(repo);
    expect(await main(['diff', 'git:HEAD~1:docs-input', 'git:HEAD:docs-input', '--format', 'json', '--fail-on', 'breaking'], io)).toBe(1);
    const data = JSON.parse(io.out.join('')) as { summary: { breaking: number }; changes: ApiChange[] };
    expect(data.changes.map((c) => `${c.level}:${c.kind}:${c.path}`)).toEqual(['breaking:parameter-required:parameter userIdType']);
    // locations name the page as it is in the repository, not the temporary folder
    expect(data.changes[0]!.head!.file).toBe('docs-input/python/management/管理用户/get-user-mfa-info.md');

    const work = bufferIO(repo);
    expect(await main(['diff', 'git:HEAD:docs-input', 'docs-input', '--format', 'json'], work)).toBe(0);
    expect((JSON.parse(work.out.join('')) as { changes: ApiChange[] }).changes.map((c) => c.kind)).toEqual(['description-changed']);

    const bad = bufferIO(repo);
    expect(await main(['diff', 'git:no-such-rev:docs-input', 'docs-input'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('diff-revision-unreadable');
  });

  it('parses the side forms', () => {
    expect(parseSide('docs-input')).toEqual({ kind: 'path', path: 'docs-input' });
    expect(parseSide('git:main:docs-input')).toEqual({ kind: 'git', rev: 'main', path: 'docs-input' });
    expect(parseSide('git:HEAD~1:docs/api.yaml')).toEqual({ kind: 'git', rev: 'HEAD~1', path: 'docs/api.yaml' });
  });
});

describe('diff with a spec on one side or both', { timeout: 60_000 }, () => {
  const PETSTORE = join(ROOT, 'node_modules/@readme/oas-examples/3.0/json/petstore.json');

  it('docs-input against the OpenAPI document written from it: the same API, no change (both ways)', async () => {
    const dir = tempDir();
    cpSync(DOCS_INPUT, join(dir, 'docs-input'), { recursive: true });
    expect(await main(['openapi', 'docs-input', '-o', 'api.yaml'], bufferIO(dir))).toBe(0);
    for (const [a, b] of [['docs-input', 'api.yaml'], ['api.yaml', 'docs-input']] as const) {
      const io = bufferIO(dir);
      expect(await main(['diff', a, b, '--format', 'json'], io)).toBe(0);
      expect(JSON.parse(io.out.join(''))).toMatchObject({ verdict: 'none', changes: [] });
    }
  });

  it('docs against a spec of the same API with a breaking edit: found, with the spec line', async () => {
    const dir = tempDir();
    cpSync(DOCS_INPUT, join(dir, 'docs-input'), { recursive: true });
    expect(await main(['openapi', 'docs-input', '-o', 'api.json'], bufferIO(dir))).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'api.json'), 'utf8')) as { paths: Record<string, Record<string, { parameters?: { name: string; required?: boolean }[] }>> };
    const op = spec.paths['/api/v3/get-user-mfa-info']!.get!;
    op.parameters!.find((p) => p.name === 'userIdType')!.required = true;
    writeFileSync(join(dir, 'api.json'), JSON.stringify(spec, null, 2));
    const io = bufferIO(dir);
    expect(await main(['diff', 'docs-input', 'api.json', '--format', 'json'], io)).toBe(1);
    const data = JSON.parse(io.out.join('')) as { verdict: string; changes: ApiChange[] };
    expect(data.verdict).toBe('major');
    expect(kinds(data.changes)).toEqual(['breaking:parameter-required:ManagementClient.getUserMfaInfo parameter userIdType']);
    expect(data.changes[0]!.base!.file).toMatch(/^docs-input\//);
    expect(data.changes[0]!.head!.file).toBe('api.json');
  });

  it('two versions of a real spec (petstore): an operation removed, a header made required, an enum value added', async () => {
    const dir = tempDir();
    const v1 = JSON.parse(readFileSync(PETSTORE, 'utf8')) as {
      paths: Record<string, Record<string, { parameters?: { name: string; required?: boolean }[] }>>;
      components: { schemas: { Pet: { properties: { status: { enum: string[] } } } } };
    };
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1, null, 2));
    const v2 = structuredClone(v1);
    delete v2.paths['/user/{username}']!.delete;
    v2.paths['/pet/{petId}']!.delete!.parameters!.find((p) => p.name === 'api_key')!.required = true;
    v2.components.schemas.Pet.properties.status.enum.push('adopted');
    writeFileSync(join(dir, 'v2.json'), JSON.stringify(v2, null, 2));

    const io = bufferIO(dir);
    expect(await main(['diff', 'v1.json', 'v2.json', '--format', 'json'], io)).toBe(1);
    const data = JSON.parse(io.out.join('')) as { verdict: string; changes: ApiChange[] };
    expect(data.verdict).toBe('major');
    expect(kinds(data.changes)).toEqual([
      'breaking:parameter-required:PetClient.deletePet parameter api_key',
      'breaking:method-removed:UserClient.deleteUser',
      'non-breaking:enum-value-added:Pet status',
    ]);
    expect(data.changes[1]!.base).toMatchObject({ file: 'v1.json' });
    // the additions alone are a minor release
    const back = bufferIO(dir);
    v2.paths['/user/{username}']!.delete = v1.paths['/user/{username}']!.delete!;
    v2.paths['/pet/{petId}']!.delete = v1.paths['/pet/{petId}']!.delete!;
    writeFileSync(join(dir, 'v3.json'), JSON.stringify(v2, null, 2));
    expect(await main(['diff', 'v1.json', 'v3.json'], back)).toBe(0);
    expect(back.out.join('')).toContain('0 breaking, 1 non-breaking change(s); release: minor');
  });
});

describe('diff --changelog', { timeout: 60_000 }, () => {
  it('writes a Keep a Changelog entry: the next version by the verdict, breaking marked, method and docs line; prepended to the file', async () => {
    const dir = tempDir();
    cpSync(DOCS_INPUT, join(dir, 'v1'), { recursive: true });
    cpSync(DOCS_INPUT, join(dir, 'v2'), { recursive: true });
    const page = join(dir, 'v2/python/management/管理用户/get-user-mfa-info.md');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, replaceOnce(text, '| userIdType | string | No |', '| userIdType | string | yes |'));
    const line = text.split('\n').findIndex((l) => l.startsWith('| userIdType |')) + 1;

    const io = bufferIO(dir);
    expect(await main(['diff', 'v1', 'v2', '--changelog', 'CHANGELOG.md', '--current-version', '1.4.2', '--release-date', '2025-01-31'], io)).toBe(1);
    const first = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(first).toMatch(/^# Changelog\n/);
    expect(first).toContain('[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)');
    expect(first).toContain(
      `## [2.0.0] - 2025-01-31\n\n### Changed\n\n- **BREAKING** \`ManagementClient.getUserMfaInfo\` parameter userIdType: parameter "userIdType" became required (\`v2/python/management/管理用户/get-user-mfa-info.md:${line}:3\`)\n`,
    );

    // a later release goes on top; the earlier entry stays
    cpSync(join(dir, 'v2'), join(dir, 'v3'), { recursive: true });
    rmSync(join(dir, 'v3/python/authentication'), { recursive: true });
    expect(await main(['diff', 'v3', 'v2', '--changelog', 'CHANGELOG.md', '--current-version', '2.0.0', '--fail-on', 'none'], bufferIO(dir))).toBe(0);
    const second = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
    expect(second.indexOf('## [2.1.0]\n')).toBeGreaterThan(0);
    expect(second.indexOf('## [2.1.0]')).toBeLessThan(second.indexOf('## [2.0.0] - 2025-01-31'));
    expect(second).toMatch(/## \[2\.1\.0\]\n\n### Added\n\n- `AuthenticationClient\.\w+`: method was added \(`v2\/python\/authentication\//);

    // without a file: the entry on stdout, headed Unreleased when the version is not given
    const out = bufferIO(dir);
    await main(['diff', 'v1', 'v2', '--changelog'], out);
    expect(out.out.join('')).toMatch(/^## \[Unreleased\]\n\n### Changed\n\n- \*\*BREAKING\*\* /);
  });

  it('a changed DTO field names the methods that use the type', async () => {
    const dir = tempDir();
    cpSync(DOCS_INPUT, join(dir, 'v1'), { recursive: true });
    cpSync(DOCS_INPUT, join(dir, 'v2'), { recursive: true });
    const page = join(dir, 'v2/python/management/管理用户/get-user-principal-authentication-info.md');
    writeFileSync(page, replaceOnce(readFileSync(page, 'utf8'), '| principalName   | string  | yes ', '| principalName   | string  | no  '));
    const io = bufferIO(dir);
    await main(['diff', 'v1', 'v2', '--changelog'], io);
    expect(io.out.join('')).toContain(
      '- **BREAKING** `PrincipalAuthenticationInfoDto` principalName (used by `ManagementClient.getUserPrincipalAuthenticationInfo`): field "principalName" became optional',
    );
  });
});
