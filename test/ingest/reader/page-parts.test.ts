import { describe, expect, it } from 'vitest';
import { splitRow, scanBlocks } from '../../../generator/ingest/syntax/markdown.js';
import { cellMarkdown, cellPlain } from '../../../generator/ingest/page/inline.js';
import { columnKey } from '../../../generator/ingest/reader/headers.js';
import { readProseEnum } from '../../../generator/ingest/reader/prose-enum.js';
import { sectionKind } from '../../../generator/ingest/reader/sections.js';
import { readTypeCell } from '../../../generator/ingest/reader/type-column.js';
import { readRequired, readTypedValue } from '../../../generator/ingest/reader/values.js';
import { splitWords } from '../../../generator/naming/words.js';

// Every header cell below is copied from a published page (seeds, genauth-en, authing-docs-v3).
describe('table header variants, English and Chinese, with their HTML', () => {
  it.each([
    ['Name', 'name'],
    ['名称', 'name'],
    ['Type', 'type'],
    ['类型', 'type'],
    ['<div style="width:80px">Required</div>', 'required'],
    ['<div style="width:80px">Is it required</div>', 'required'],
    ['<div style="width:80px">Is it required?</div>', 'required'],
    ['<div style="width:80px">Is this field required?</div>', 'required'],
    ['<div style="width:80px">是否必填</div>', 'required'],
    ['<div style="width:60px">Default value</div>', 'default'],
    ['Default value', 'default'],
    ['<div style="width:60px">默认值</div>', 'default'],
    ['<div style="width:300px">Description</div>', 'description'],
    ['<div style="width:300px">描述</div>', 'description'],
    ['<div style="width:200px">Sample value</div>', 'example'],
    ['<div style="width:200px"></div>Sample value</div>', 'example'],
    ['<div style="width:200px">Example value</div>', 'example'],
    ['<div style="width:200px">示例值</div>', 'example'],
  ])('%s → %s', (cell, key) => {
    expect(columnKey(cell)).toBe(key);
  });
  it('does not guess unknown headers', () => {
    expect(columnKey('Width')).toBeUndefined();
  });
});

describe('section heading variants', () => {
  it.each([
    ['Method name', 'method-name'],
    ['方法名称', 'method-name'],
    ['¶ Method name', 'method-name'],
    ['Request parameters', 'parameters'],
    ['Request Parameters', 'parameters'],
    ['请求参数', 'parameters'],
    ['Request Response', 'response'],
    ['Request response', 'response'],
    ['请求响应', 'response'],
    ['Data Structure', 'data-structures'],
    ['Data structure', 'data-structures'],
    ['数据结构', 'data-structures'],
    ['示例代码', 'sample-code'],
    ['Sample code', 'sample-code'],
    ['Example Code', 'sample-code'],
  ])('%s → %s', (text, kind) => {
    expect(sectionKind(text)).toBe(kind);
  });
  it('leaves guide headings alone', () => {
    expect(sectionKind('订阅事件')).toBeUndefined();
    expect(sectionKind('安装')).toBeUndefined();
  });
});

describe('method names in every SDK language map to one canonical name', () => {
  it.each([
    ['getUserMfaInfo'],
    ['get_user_mfa_info'],
    ['GetUserMfaInfo'],
    ['get-user-mfa-info'],
  ])('%s', (name) => {
    expect(splitWords(name)).toEqual(['get', 'user', 'mfa', 'info']);
  });
  it('keeps acronyms and digits together', () => {
    expect(splitWords('getOIDCConfig')).toEqual(['get', 'oidc', 'config']);
    expect(splitWords('GetOidcConfig')).toEqual(['get', 'oidc', 'config']);
    expect(splitWords('sha1Hash')).toEqual(['sha1', 'hash']);
  });
});

describe('cells', () => {
  it('splits rows as GFM does, with \\| inside a cell', () => {
    expect(splitRow('| a | `string \\| null` | c |').cells).toEqual(['a', '`string | null`', 'c']);
    expect(splitRow(' | userId | string  | 是 |').cells).toEqual(['userId', 'string', '是']);
  });
  it('reads <br>, links and code in body cells', () => {
    const raw = 'Response data Nested type: <a href="#PrincipalAuthenticationInfoDto">PrincipalAuthenticationInfoDto</a>.<br>- `a`: b';
    expect(cellPlain(raw)).toBe('Response data Nested type: PrincipalAuthenticationInfoDto.\n- a: b');
    expect(cellMarkdown(raw)).toBe('Response data Nested type: <a href="#PrincipalAuthenticationInfoDto">PrincipalAuthenticationInfoDto</a>.\n- `a`: b');
  });
  it('drops the zero-width spaces real pages carry', () => {
    expect(cellPlain('the optional values \u200b\u200bare:')).toBe('the optional values are:');
  });
});

describe('type column', () => {
  const none = new Set<string>();
  it.each([
    ['string', '', { kind: 'string' }],
    ['String', '', { kind: 'string' }],
    ['number', '', { kind: 'number' }],
    ['boolean', '', { kind: 'boolean' }],
    ['string[]', '', { kind: 'array', items: { kind: 'string' } }],
    ['<a href="#IsSuccessDto">IsSuccessDto</a>', '', { kind: 'ref', name: 'IsSuccessDto' }],
    ['<a href="#TargetDto">TargetDto[]</a>', '', { kind: 'array', items: { kind: 'ref', name: 'TargetDto' } }],
    ['array', '响应数据 嵌套类型：<a href="#UserDto">UserDto</a>。', { kind: 'array', items: { kind: 'ref', name: 'UserDto' } }],
    ['array', 'Response data Nested type: <a href="#PrincipalAuthenticationInfoDto">PrincipalAuthenticationInfoDto</a>.', { kind: 'array', items: { kind: 'ref', name: 'PrincipalAuthenticationInfoDto' } }],
    ['', '重置密码发送邮件和手机号选项 嵌套类型：<a href="#SendCreateAccountNotificationDto">SendCreateAccountNotificationDto</a>。', { kind: 'ref', name: 'SendCreateAccountNotificationDto' }],
  ])('%s', (cell, description, expected) => {
    const r = readTypeCell(cell, description, none);
    expect(r.ok).toBe(true);
    expect(r.ok && r.type).toEqual(expected);
  });
  it('reads a bare structure name when the page defines it', () => {
    const r = readTypeCell('StrResourceAuthAction', '', new Set(['StrResourceAuthAction']));
    expect(r.ok && r.type).toEqual({ kind: 'ref', name: 'StrResourceAuthAction' });
  });
  it('flags an array without item type and a type it cannot read', () => {
    const a = readTypeCell('array', '成员列表', none);
    expect(a.ok && a.arrayWithoutItems).toBe(true);
    expect(readTypeCell('// 每周日', '', none).ok).toBe(false);
  });
});

describe('prose enums', () => {
  it('reads the English list form (seed 002), zero-width spaces and all', () => {
    const d = cellMarkdown(
      'User ID type, the default value is `user_id`, the optional values \u200b\u200bare:<br>- `user_id`: GenAuth user ID, such as `6319a1504f3xxxxf214dd5b7`<br>- `phone`: User phone number<br>- `identity`: source, the format is `<extIdpId>:<userIdInIdp>`. <br>Example value: `62f2:ou_8b`. <br>- `sync_relation`: sync. <br>',
    );
    const v = readProseEnum(d)!.values;
    expect(v.map((x) => x.value)).toEqual(['user_id', 'phone', 'identity', 'sync_relation']);
    expect(v[0]!.description).toBe('GenAuth user ID, such as `6319a1504f3xxxxf214dd5b7`');
    expect(v[2]!.description).toBe('source, the format is `<extIdpId>:<userIdInIdp>`.\nExample value: `62f2:ou_8b`.');
  });
  it('reads the Chinese list form', () => {
    const d = cellMarkdown('用户 ID 类型，默认值为 `user_id`，可选值为：<br>- `user_id`: Authing 用户 ID<br>- `phone`: 用户手机号<br>');
    expect(readProseEnum(d)?.values).toEqual([
      { value: 'user_id', description: 'Authing 用户 ID' },
      { value: 'phone', description: '用户手机号' },
    ]);
  });
  it.each([
    ['是否绑定了 TOTP，可选值 enabled, disabled', ['enabled', 'disabled']],
    ['Whether TOTP is bound, optional value enabled, disabled', ['enabled', 'disabled']],
    ['用户状态，可选值为 `Activated` 和 `Suspended`', ['Activated', 'Suspended']],
    ['可选值为 `CLIENT_SECRET_POST`、`CLIENT_SECRET_BASIC`、`NONE`，默认为 `CLIENT_SECRET_POST`', ['CLIENT_SECRET_POST', 'CLIENT_SECRET_BASIC', 'NONE']],
    ['语言，可选值为 zh-CN、en-US、ja-JP 和 zh-TW，默认为 zh-CN。', ['zh-CN', 'en-US', 'ja-JP', 'zh-TW']],
    ['可选值为 `oidc`、`oauth`、`saml`、`cas`，此处填写 `saml`。', ['oidc', 'oauth', 'saml', 'cas']],
  ])('inline: %s', (text, values) => {
    expect(readProseEnum(text)?.values.map((v) => v.value)).toEqual(values);
  });
  it('keeps the notes of inline values', () => {
    expect(readProseEnum('性别，可选值为 `M`（男性）、`F`（女性） 和 `U`（未知）')?.values).toEqual([
      { value: 'M', description: '男性' },
      { value: 'F', description: '女性' },
      { value: 'U', description: '未知' },
    ]);
  });
  it('finds nothing in plain prose', () => {
    expect(readProseEnum('The unique identifier of the user')).toBeUndefined();
  });
});

describe('defaults and samples are typed by the column type', () => {
  const resolve = () => undefined;
  it('- and empty mean none', () => {
    expect(readTypedValue('-', { kind: 'string' }, resolve)).toEqual({ ok: 'none' });
    expect(readTypedValue('', { kind: 'number' }, resolve)).toEqual({ ok: 'none' });
  });
  it('a sample true is the boolean true for a boolean, the string for a string', () => {
    expect(readTypedValue('`true`', { kind: 'boolean' }, resolve)).toEqual({ ok: true, value: true });
    expect(readTypedValue('`true`', { kind: 'string' }, resolve)).toEqual({ ok: true, value: 'true' });
  });
  it('numbers, arrays and objects', () => {
    expect(readTypedValue('`10`', { kind: 'number' }, resolve)).toEqual({ ok: true, value: 10 });
    expect(readTypedValue('`["a","b"]`', { kind: 'array', items: { kind: 'string' } }, resolve)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(readTypedValue('`{"a":1}`', { kind: 'object', fields: [], open: true }, resolve)).toEqual({ ok: true, value: { a: 1 } });
    expect(readTypedValue('abc', { kind: 'number' }, resolve)).toEqual({ ok: false, text: 'abc' });
  });
  it('required flags', () => {
    for (const y of ['Yes', 'yes', '是']) expect(readRequired(y)).toBe(true);
    for (const n of ['No', 'no', '否']) expect(readRequired(n)).toBe(false);
    expect(readRequired('maybe')).toBeUndefined();
  });
});

describe('block scanner', () => {
  it('recognises a delimiter row with a row fused into it (seed 002)', () => {
    const md = [
      '| Name | Type | Required | Default value | Description | Sample value |',
      '| ---------- | ------ | -------------------------------------- | ------------------------------------ | ---------------------------- ... | `6229ffaxxxxxxxxcade3e3d9` |',
      '| userIdType | string | No | user_id | User ID type | `user_id` |',
    ].join('\n');
    const [t] = scanBlocks(md);
    expect(t?.kind).toBe('table');
    if (t?.kind !== 'table') return;
    expect(t.fused).toMatchObject({ line: 2, cells: ['`6229ffaxxxxxxxxcade3e3d9`'], truncated: true });
    expect(t.rows.map((r) => r.cells[0])).toEqual(['userIdType']);
  });
  it('does not read tables inside fenced code', () => {
    const blocks = scanBlocks('```md\n| a | b |\n| - | - |\n```\n');
    expect(blocks.map((b) => b.kind)).toEqual(['code']);
  });
});
