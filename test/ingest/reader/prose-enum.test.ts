import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../generator/ingest/docs/parse-page.js';
import { readProseEnum } from '../../../generator/ingest/reader/prose-enum.js';
import type { Field, NamedType, TypeRef } from '../../../generator/ir/types.js';
import { CORPUS_EN, CORPUS_ZH, ROOT, hasCorpus, rel } from '../../helpers/shared.js';

/**
 * Values listed as `- `CONFIRM`: …` lines without "可选值" / "optional values" are the field's
 * enum when the list is its whole value set, and reported (md-prose-enum-unsure) when it may not
 * be: examples, a value that combines several, a single value.
 */

describe('a bare list of values in a description', () => {
  it('is the whole value set after a plain lead-in', () => {
    expect(readProseEnum('修改推送码状态的动作:\n- `CONFIRM`: 修改推送码状态为已授权；\n- `CANCEL`: 修改推送码状态为已取消；')).toEqual({
      whole: true,
      via: 'list',
      values: [
        { value: 'CONFIRM', description: '修改推送码状态为已授权；' },
        { value: 'CANCEL', description: '修改推送码状态为已取消；' },
      ],
    });
    expect(readProseEnum('Gender:\n- `M`: Male\n- `F`: Female')).toMatchObject({ whole: true, via: 'list' });
  });

  it('is a list of examples after "如：" / "such as"', () => {
    expect(readProseEnum('外部身份源类型，如：\n- `wechatwork`: 企业微信\n- `lark`: 飞书')).toMatchObject({ whole: false, why: 'its lead-in calls them examples ("，如：")' });
    expect(readProseEnum('The identity source, such as:\n- `wechat`: WeChat\n- `qq`: QQ')).toMatchObject({ whole: false });
    // "如果" (if) is not "如" (such as)
    expect(readProseEnum('如果不传，默认为：\n- `a`: A\n- `b`: B')).toMatchObject({ whole: true });
  });

  it('is the parts of one value when several combine ("多个 scope 请用空格分隔"), unless the field is a list', () => {
    const text = '需要请求的权限。多个 scope 请用空格分隔。\n- `openid`: 必须包含。\n- `profile`: 返回个人信息。';
    expect(readProseEnum(text)).toMatchObject({ whole: false, why: 'its lead-in says one value combines several ("多个 scope 请用空格分隔")' });
    expect(readProseEnum('展示的页面（可多选）：\n- `a`: A\n- `b`: B', { multiple: true })).toMatchObject({ whole: true });
  });

  it('a single value is the set only when the text says it is the only one', () => {
    expect(readProseEnum('修改当前邮箱使用的验证手段：\n- `EMAIL_PASSCODE`: 通过邮箱验证码进行验证，当前只支持这种验证方式。')).toMatchObject({ whole: true });
    expect(readProseEnum('操作类型:\n- `openPage`: 打开页面')).toMatchObject({ whole: false, why: 'it lists a single value' });
  });

  it('the marker still reads lists and inline values', () => {
    expect(readProseEnum('可选值为 `A`、`B` 和 `C`')).toMatchObject({ whole: true, via: 'marker', values: [{ value: 'A' }, { value: 'B' }, { value: 'C' }] });
    expect(readProseEnum('no values here')).toBeUndefined();
  });
});

const page = (corpus: string, path: string) => {
  const file = rel(join(corpus, path));
  return parsePage(file, readFileSync(join(ROOT, file), 'utf8'));
};
const param = (p: ReturnType<typeof page>, name: string): Field => p.method!.parameters.find((x) => x.name === name)!;
const values = (t: TypeRef): unknown[] => (t.kind === 'enum' ? t.values.map((v) => v.value) : t.kind === 'array' && t.items.kind === 'enum' ? t.items.values.map((v) => v.value) : []);
const field = (types: NamedType[], type: string, name: string): Field => {
  const t = types.find((x) => x.name === type)!.type;
  if (t.kind !== 'object') throw new Error(`${type} is not an object`);
  return t.fields.find((f) => f.name === name)!;
};

describe.skipIf(!hasCorpus)('on corpus pages', () => {
  it('changePushCodeStatus: the action is CONFIRM or CANCEL', () => {
    const p = page(CORPUS_ZH, 'node/authentication/登录/change-pushcode-status.md');
    expect(param(p, 'action').type).toMatchObject({ kind: 'enum', base: 'string' });
    expect(values(param(p, 'action').type)).toEqual(['CONFIRM', 'CANCEL']);
  });

  it('a list-valued parameter gets enum items (listSyncRiskOperations.objectType)', () => {
    const p = page(CORPUS_ZH, 'node/management/管理同步中心/list-sync-risk-operations.md');
    const t = param(p, 'objectType').type;
    expect(t).toMatchObject({ kind: 'array', items: { kind: 'enum', base: 'string' } });
    expect(values(t)).toEqual(['department', 'user']);
  });

  it('the only verification method (verifyUpdateEmailRequest) is an enum of one', () => {
    const p = page(CORPUS_ZH, 'node/authentication/用户资料/verify-update-email-request.md');
    expect(values(param(p, 'verifyMethod').type)).toEqual(['EMAIL_PASSCODE']);
  });

  it('reports the examples of the provider and keeps it a string', () => {
    const p = page(CORPUS_ZH, 'node/management/管理组织机构/get-department-sync-relations.md');
    const provider = p.types.flatMap((t) => (t.type.kind === 'object' ? t.type.fields : [])).find((f) => f.name === 'provider')!;
    expect(provider.type).toEqual({ kind: 'string' });
    const d = p.diagnostics.find((x) => x.code === 'md-prose-enum-unsure')!;
    expect(d).toMatchObject({ severity: 'info', location: { line: 68 } });
    expect(d.message).toMatch(/^"provider" lists wechatwork, dingtalk, lark, .* in its description, not read as its value set: its lead-in calls them examples/);
  });

  it('reports the scope, whose value combines several of the listed ones, and keeps it a string', () => {
    const p = page(CORPUS_ZH, 'node/management/登录/signin.md');
    const scopes = p.diagnostics.filter((x) => x.code === 'md-prose-enum-unsure' && x.message.startsWith('"scope"'));
    expect(scopes.length).toBeGreaterThan(0);
    const all = [...p.method!.parameters, ...p.types.flatMap((t) => (t.type.kind === 'object' ? t.type.fields : []))].filter((f) => f.name === 'scope');
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(f.type.kind).toBe('string');
  });

  it('English pages: "Gender:" and "External identity source type:" lists are enums', () => {
    const p = page(CORPUS_EN, 'node/management/管理用户/get-user-identities.md');
    const provider = p.types.flatMap((t) => (t.type.kind === 'object' ? t.type.fields : [])).find((f) => f.name === 'provider')!;
    expect(values(provider.type)).toContain('wechat');
    const u = page(CORPUS_EN, 'node/management/管理用户/update-user.md');
    expect(values(field(u.types, 'UserDto', 'gender').type)).toEqual(['M', 'F', 'U']);
  });
});
