import { join } from 'node:path';
import { packageAssets } from '../../../generator/package-assets.js';
import type { Table } from 'mdast';
import { describe, expect, test } from 'vitest';
import { emitDocs } from '../../../generator/emit/docs/index.js';
import { parseMarkdown } from '../../../generator/emit/docs/markdown.js';
import { ingest } from '../../../generator/ingest/index.js';
import { IR_VERSION, type Api, type Method, type SourceLocation } from '../../../generator/ir/types.js';
import { isSafeOutputPath } from '../../../generator/output/files.js';
import { config, notFromRequestLine, readBackComparable, ROOT, writeFiles } from './round-trip-helpers.js';

const at: SourceLocation = { file: 'hostile.md', line: 1, column: 1 };
const templatesDir = join(ROOT, 'templates');

async function emitInput(overrides: Record<string, unknown> = {}) {
  const r = await ingest(['docs-input'], { cwd: ROOT });
  return { api: r.api, out: await emitDocs(r.api, { config: config(overrides), templatesDir, assets: packageAssets() }) };
}

const page = (files: { path: string; contents: string }[], suffix: string): string => {
  const f = files.find((x) => x.path.endsWith(suffix));
  if (!f) throw new Error(`no page ${suffix}`);
  return f.contents;
};

const tables = (markdown: string): Table[] => parseMarkdown(markdown).children.filter((n): n is Table => n.type === 'table');

describe('docs pages from docs-input', () => {
  test('a method page has the published sections, in order, with the SDK method name', async () => {
    const { out } = await emitInput();
    const md = page(out.files, 'management/管理用户/get-user-mfa-info.md');
    const headings = [...md.matchAll(/^(#{1,3}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '# Get user MFA binding information',
      '## Method name',
      '## Request parameters',
      '## Sample code',
      '## Request response',
      '## Data structure',
      '### <a id="UserMfaRespDto"></a> UserMfaRespDto',
    ]);
    expect(md).toContain('`ManagementClient.getUserMfaInfo`');
    expect(md).toContain('Type: `UserMfaSingleRespDto`');
    expect(md).toContain('```json\n{\n  "statusCode": 200,');
    expect(md).toContain('await managementClient.getUserMfaInfo({\n  userId: "6229ffaxxxxxxxxcade3e3d9",\n  userIdType: "user_id",\n});');
    const [params] = tables(md);
    expect(params!.children[1]!.children).toHaveLength(6);
  });

  test('the data structures are the transitive closure of the method\'s types, envelope excluded', async () => {
    const { out } = await emitInput();
    const md = page(out.files, 'management/管理用户/reset-user-principal-authentication-info.md');
    const structures = [...md.matchAll(/^### <a id="([^"]+)"><\/a>/gm)].map((m) => m[1]);
    expect(structures).toEqual(['ResetUserPrincipalAuthenticationInfoOptionsDto', 'IsSuccessDto']);
    expect(md).toContain('| options | <a href="#ResetUserPrincipalAuthenticationInfoOptionsDto">ResetUserPrincipalAuthenticationInfoOptionsDto</a> |');
  });

  test('indexes group by client and category; the sidebar links every page', async () => {
    const { api, out } = await emitInput();
    const index = page(out.files, 'docs/management/index.md');
    expect(index).toContain('## 管理用户');
    expect(index).toContain('- [Get user MFA binding information](./管理用户/get-user-mfa-info.md) — `ManagementClient.getUserMfaInfo`');
    expect(page(out.files, 'docs/index.md')).toContain('[`ManagementClient`](./management/)');
    const sidebar = JSON.parse(page(out.files, 'docs/.vitepress/sidebar.json')) as { items: { items: { link: string }[] }[] }[];
    const links = sidebar.flatMap((c) => c.items.flatMap((g) => g.items.map((i) => i.link)));
    expect(links).toHaveLength(api.clients.flatMap((c) => c.methods).length);
    for (const l of links) expect(out.files.some((f) => f.path === `docs${l}.md`)).toBe(true);
  });

  test('Chinese headings and headers when the config asks for them, and they read back the same', async () => {
    const { api, out } = await emitInput({ docs: { language: 'zh' } });
    const md = page(out.files, 'management/管理用户/get-user-mfa-info.md');
    for (const h of ['## 方法名称', '## 请求参数', '## 示例代码', '## 请求响应', '## 数据结构', '类型：`UserMfaSingleRespDto`', '是否必填', '示例值']) expect(md).toContain(h);
    const dir = join(ROOT, 'test/.tmp/docs-pages/zh');
    writeFiles(dir, out.files);
    const back = await ingest(['test/.tmp/docs-pages/zh/docs'], { cwd: ROOT });
    expect(back.api.language).toBe('zh');
    expect(readBackComparable(back.api.clients)).toEqual(readBackComparable(api.clients));
    expect(notFromRequestLine(back.api)).toEqual([]);
  });

  test('output is deterministic', async () => {
    const a = await emitInput();
    const b = await emitInput();
    expect(b.out.files).toEqual(a.out.files);
  });

  test('a broken project template is a diagnostic and sdkforge\'s own is used', async () => {
    const r = await ingest(['docs-input'], { cwd: ROOT });
    const dir = join(ROOT, 'test/.tmp/docs-pages/templates');
    writeFiles(dir, [{ path: 'docs/en.yaml', contents: 'banner: [unclosed\n' }]);
    const out = await emitDocs(r.api, { config: config(), templatesDir: dir, assets: packageAssets() });
    expect(out.diagnostics.map((d) => d.code)).toEqual(['docs-template-invalid']);
    expect(page(out.files, 'get-user-mfa-info.md')).toContain('## Request parameters');
  });
});

/** An API whose every text is hostile. */
function hostileApi(): Api {
  const description = 'pipe | inside, `code | span`, <script>alert(1)</script>, {{ constructor }}\n## Method name\n``` unclosed';
  const method: Method = {
    words: ['get', 'class'],
    id: 'get_class',
    client: 'ManagementClient',
    title: 'Evil # title </script>',
    description: '## Request parameters\n\n```js\nunclosed fence',
    category: '../../etc',
    http: { verb: 'POST', path: '/api/v3/../../x', verbOrigin: { kind: 'rule', rule: 'default-post', source: at }, pathOrigin: { kind: 'rule', rule: 'api-v3-file-name', source: at } },
    parameters: [
      { name: '__proto__', type: { kind: 'string' }, required: true, description, example: 'a | b `c` ${x} */', source: at, in: 'body' },
      { name: 'user-id', type: { kind: 'ref', name: 'Evil' }, required: false, description: 'line one\nline two', source: at, in: 'body' },
      { name: '2fa', type: { kind: 'enum', base: 'string', values: [{ value: 'a|b', source: at }, { value: "x'y", source: at }] }, required: false, source: at, in: 'body' },
    ],
    response: { type: { kind: 'ref', name: 'EvilResp' }, sample: { '</script>': '```' }, source: at },
    docs: [],
    source: at,
  };
  return {
    irVersion: IR_VERSION,
    origin: 'docs',
    language: 'en',
    clients: [{ name: 'ManagementClient', methods: [method] }],
    types: [
      { name: 'Evil', type: { kind: 'object', fields: [{ name: 'class', type: { kind: 'array', items: { kind: 'ref', name: 'Evil' } }, required: true, description: '<img src=x onerror=alert(1)> | x', source: at }] }, source: at },
      { name: 'EvilResp', type: { kind: 'object', fields: [{ name: 'data', type: { kind: 'ref', name: 'Evil' }, required: false, source: at }] }, source: at },
    ],
  };
}

describe('hostile input', () => {
  test('paths stay inside the output folder; tables keep their shape; facts read back', async () => {
    const out = await emitDocs(hostileApi(), { config: config(), templatesDir, assets: packageAssets() });
    for (const f of out.files) expect(isSafeOutputPath(f.path), f.path).toBe(true);
    const file = out.files.find((f) => f.path.startsWith('docs/management/') && !f.path.endsWith('index.md'))!;
    // the docs generator's name for the path (`/api/v3/../../x` → `..-..-x`) is no safe file
    // name, so the page is named after the method
    expect(file.path).toBe('docs/management/etc/get-class.md');
    expect(out.diagnostics.map((d) => d.code)).toContain('docs-path-renamed');
    // every row of every table has as many cells as its header
    for (const t of tables(file.contents)) {
      const width = t.children[0]!.children.length;
      for (const row of t.children) expect(row.children).toHaveLength(width);
    }
    // the description's heading and fence did not become sections
    expect(file.contents.match(/^## /gm)).toHaveLength(5);

    const dir = join(ROOT, 'test/.tmp/docs-pages/hostile');
    writeFiles(dir, out.files);
    const back = await ingest(['test/.tmp/docs-pages/hostile/docs'], { cwd: ROOT });
    const m = back.api.clients[0]!.methods[0]!;
    const original = hostileApi().clients[0]!.methods[0]!;
    expect(m.parameters.map((p) => p.name)).toEqual(['__proto__', 'user-id', '2fa']);
    expect(m.parameters[0]!.description).toBe(original.parameters[0]!.description);
    expect(m.parameters[0]!.example).toBe(original.parameters[0]!.example);
    expect(m.parameters[1]!.type).toEqual({ kind: 'ref', name: 'Evil' });
    expect(m.parameters[1]!.description).toBe('line one\nline two');
    expect(m.response.sample).toEqual({ '</script>': '```' });
    expect(back.api.types.find((t) => t.name === 'Evil')?.type).toEqual({
      kind: 'object',
      fields: [expect.objectContaining({ name: 'class', type: { kind: 'array', items: { kind: 'ref', name: 'Evil' } }, description: '<img src=x onerror=alert(1)> | x' })],
    });
  });

  test('an HTML block in a description is written as it is when it ends, as text when it would swallow the rest of the page', async () => {
    const api = hostileApi();
    const m = api.clients[0]!.methods[0]!;
    const types = api.types.find((t) => t.name === 'Evil')!;
    m.description = "Intro with a_b and 2 * 3\n\n<script>window.x = 'closed'</script>";
    types.description = 'Intro\n\n<pre>never closed\n\nstill the pre';
    const out = await emitDocs(api, { config: config(), templatesDir, assets: packageAssets() });
    const file = out.files.find((f) => f.path === 'docs/management/etc/get-class.md')!.contents;
    // written as is (no escapes added): reading the page back gives the same text
    expect(file).toContain("Intro with a_b and 2 * 3\n\n<script>window.x = 'closed'</script>\n");
    // the <pre> is text: the sections after it are still sections
    expect(parseMarkdown(file).children.filter((n) => n.type === 'html' && n.value.startsWith('<pre'))).toEqual([]);
    expect(file.match(/^## /gm)).toHaveLength(5);
    expect(file).toMatch(/^### .*Evil$/m);
  });
});
