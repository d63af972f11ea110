import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintSummary } from '../../generator/check/lint/report.js';
import { LINT_RULES, ruleOf } from '../../generator/check/lint/rules.js';
import { catalog } from '../../generator/diagnostics/catalog.js';
import { formatDiagnostic } from '../../generator/diagnostics/format.js';
import type { Diagnostic } from '../../generator/diagnostics/types.js';
import { bufferIO } from '../../generator/commands/io.js';
import { main } from '../../generator/cli.js';
import { CORPUS_ZH, DOCS_INPUT, hasCorpus } from '../helpers/shared.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sdkforge-lint-'));
  temps.push(d);
  return d;
};

async function lint(cwd: string, ...args: string[]) {
  const io = bufferIO(cwd);
  const code = await main(['lint', '--no-cache', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

async function lintJson(cwd: string, ...args: string[]) {
  const r = await lint(cwd, '--format', 'json', ...args);
  return { code: r.code, ...(JSON.parse(r.out) as { summary: LintSummary; diagnostics: Diagnostic[] }) };
}

/** A work folder holding a copy of docs-input (and optionally a config). */
function docsInputCopy(config?: unknown): string {
  const dir = tempDir();
  cpSync(DOCS_INPUT, join(dir, 'docs-input'), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'sdkforge.config.json'), JSON.stringify(config));
  return dir;
}

const MFA = 'docs-input/python/management/管理用户/get-user-mfa-info.md';
const PRINCIPAL = 'docs-input/python/management/管理用户/get-user-principal-authentication-info.md';

describe('lint on docs-input', () => {
  it('reports each sample that does not fit its type at the line of the payload path, and exits 1', async () => {
    const r = await lintJson(docsInputCopy(), 'docs-input');
    expect(r.code).toBe(1);
    const samples = r.diagnostics.filter((d) => d.code === 'lint-sample-mismatch').map(formatDiagnostic);
    expect(samples).toEqual([
      `${MFA}:47:5  error  lint-sample-mismatch  response sample: data.totpStatus is true, but the docs declare enum(enabled|disabled) (UserMfaRespDto.totpStatus)\n    ${MFA}:61:3  totpStatus declared here`,
      `${MFA}:48:5  error  lint-sample-mismatch  response sample: data.faceMfaStatus is true, but the docs declare enum(enabled|disabled) (UserMfaRespDto.faceMfaStatus)\n    ${MFA}:62:3  faceMfaStatus declared here`,
      `${MFA}:49:5  error  lint-sample-mismatch  response sample: data.smsMfaStatus is true, but the docs declare enum(enabled|disabled) (UserMfaRespDto.smsMfaStatus)\n    ${MFA}:63:3  smsMfaStatus declared here`,
      `${MFA}:50:5  error  lint-sample-mismatch  response sample: data.emailMfaStatus is true, but the docs declare enum(enabled|disabled) (UserMfaRespDto.emailMfaStatus)\n    ${MFA}:64:3  emailMfaStatus declared here`,
      expect.stringMatching(new RegExp(`^${PRINCIPAL}:47:5  error  lint-sample-mismatch  response sample: data.list is \\{"authenticated":true,.*, but the docs declare PrincipalAuthenticationInfoDto\\[\\] \\(PrincipalAuthenticationInfoPagingDto.list\\)`)),
    ]);
    // the line really is where the payload path is written
    const lines = readFileSync(join(DOCS_INPUT, '..', MFA), 'utf8').split('\n');
    expect(lines[46]!.slice(4)).toBe('"totpStatus": true,');
  });

  it('a corrected sample is no longer reported (the rule can fail both ways)', async () => {
    const dir = docsInputCopy();
    const page = join(dir, MFA);
    const text = readFileSync(page, 'utf8');
    const fixed = text.replace('"totpStatus": true', '"totpStatus": "enabled"');
    expect(fixed).not.toBe(text);
    writeFileSync(page, fixed);
    const r = await lintJson(dir, 'docs-input');
    const paths = r.diagnostics.filter((d) => d.code === 'lint-sample-mismatch').map((d) => d.message.split(' is ')[0]);
    expect(paths).not.toContain('response sample: data.totpStatus');
    expect(paths).toContain('response sample: data.faceMfaStatus');
  });

  it('rules are turned off or re-levelled by the config; an unknown rule is reported', async () => {
    const off = await lintJson(docsInputCopy({ lint: { 'sample-mismatch': 'off', 'sample-value-mismatch': 'off' } }), 'docs-input');
    expect(off.diagnostics.filter((d) => d.code.startsWith('lint-sample-mismatch'))).toEqual([]);
    expect(off.code).toBe(0);

    const warn = await lintJson(docsInputCopy({ lint: { 'sample-mismatch': 'warn', 'no-such-rule': 'error' } }), 'docs-input');
    expect(warn.code).toBe(0);
    expect(new Set(warn.diagnostics.filter((d) => d.code === 'lint-sample-mismatch').map((d) => d.severity))).toEqual(new Set(['warning']));
    expect(warn.diagnostics.find((d) => d.code === 'config-invalid')?.message).toContain('"no-such-rule" does not exist');

    const strict = await lintJson(docsInputCopy({ lint: { 'sample-missing-required': 'error' } }), 'docs-input');
    expect(strict.diagnostics.find((d) => d.code === 'lint-sample-missing-required')?.severity).toBe('error');
  });

  it('a parameter without description, a type with no definition, an input that is not there', async () => {
    const dir = docsInputCopy();
    const page = join(dir, MFA);
    const text = readFileSync(page, 'utf8');
    const edited = text
      .replace('The unique identifier of the user, which can be user ID, user name, email, phone number, externalId, or ID in an external identity source. For details, see the description of the userIdType field. The default is user id.', '')
      .replace('<a href="#UserMfaRespDto">UserMfaRespDto</a>', '<a href="#UserMfaRespDtoV2">UserMfaRespDtoV2</a>');
    expect(edited.split('\n').length).toBe(text.split('\n').length);
    writeFileSync(page, edited);
    const r = await lintJson(dir, 'docs-input');
    const found = r.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}  ${d.code}  ${d.message}`);
    expect(found).toContain(`${MFA}:24  lint-parameter-description-missing  parameter "userId" of ManagementClient.get_user_mfa_info has no description`);
    // a rule over an ingest finding reports it with the code ir gives it
    expect(found.some((f) => f.startsWith(`${MFA}:`) && f.includes('ir-unresolved-type  type UserMfaRespDtoV2 is referenced but defined nowhere'))).toBe(true);
    expect(r.summary.rules.find((x) => x.rule === 'unresolved-type')).toMatchObject({ severity: 'error', count: 1 });

    expect((await lint(dir, 'nowhere')).code).toBe(2);
  });

  it('with a spec: every docs/spec disagreement is a spec-disagreement finding naming both places', async () => {
    const dir = docsInputCopy();
    // the server team's spec of two seed methods: a parameter the docs lack, a required flag and enum values that differ
    writeFileSync(
      join(dir, 'genauth.yaml'),
      [
        'openapi: 3.0.3',
        'info: { title: GenAuth, version: 3.0.0 }',
        'paths:',
        '  /api/v3/get-user-mfa-info:',
        '    get:',
        '      operationId: getUserMfaInfo',
        '      tags: [Management]',
        '      parameters:',
        '        - { name: userId, in: query, required: false, description: User ID, schema: { type: string } }',
        '        - { name: userIdType, in: query, description: ID type, schema: { type: string, enum: [user_id, phone] } }',
        '        - { name: tenantId, in: query, description: Tenant of the user, schema: { type: string } }',
        '      responses:',
        "        '200': { description: ok }",
        '',
      ].join('\n'),
    );
    const r = await lintJson(dir, 'docs-input', 'genauth.yaml');
    const spec = r.diagnostics.filter((d) => ruleOf(d.code) === 'spec-disagreement');
    const messages = spec.map((d) => d.message);
    expect(messages.some((m) => m.includes('tenantId is in the spec but not in the docs'))).toBe(true);
    expect(messages.some((m) => m.includes('userId: required in the docs only'))).toBe(true);
    expect(messages.some((m) => m.includes('userIdType: enum values differ'))).toBe(true);
    for (const d of spec.filter((x) => x.message.includes(' parameter ') || x.message.includes(': '))) expect(d.related?.length ?? 0, d.message).toBeGreaterThan(0);
    expect(r.summary.rules.find((x) => x.rule === 'spec-disagreement')!.count).toBe(spec.length);
  });

  it('every rule has a catalog entry (severity, title, cause, fix)', () => {
    for (const rule of LINT_RULES) {
      const info = catalog[`lint-${rule}` as keyof typeof catalog];
      expect(info, rule).toBeDefined();
      expect(info.title && info.cause && info.fix, rule).toBeTruthy();
    }
  });
});

/**
 * Over the whole corpus: a report a docs team can act on, no false alarm on samples that are
 * right, and the known wrong samples found where they are.
 */
describe.skipIf(!hasCorpus)('lint over the corpus (../shared/corpus/authing-docs-v3)', () => {
  let report: { code: number; summary: LintSummary; diagnostics: Diagnostic[] };
  beforeAll(async () => {
    report = await lintJson(CORPUS_ZH, '.');
  }, 120_000);

  /**
   * True negatives: pages whose sample result is right (read by hand against their tables,
   * nested objects included). Each must produce no sample diagnostic, and each must really have
   * a sample that was checked (a method whose response is a defined type).
   */
  const RIGHT_SAMPLES = [
    'node/authentication/mfa-要素管理/get-factor.md',
    'node/authentication/登录/check-pushcode-status.md',
    'node/management/管理消息服务/get-email-provider.md',
    'node/management/管理应用/get-asa-account.md',
    'node/management/管理-webhook/trigger-webhook.md',
    'node/authentication/登录/signin.md',
    'node/authentication/公开信息端点/system.md',
    'node/authentication/登录/gene-qrcode.md',
  ];

  it('no sample diagnostic on pages whose samples are right', () => {
    for (const page of RIGHT_SAMPLES) {
      const text = readFileSync(join(CORPUS_ZH, page), 'utf8');
      // a JSON sample with nested objects: not a trivial one
      expect(text, page).toMatch(/```json\n\{\n[^`]*\{[^`]*\}[^`]*\n```/);
      const onPage = report.diagnostics.filter((d) => d.location?.file === page && ruleOf(d.code).startsWith('sample'));
      expect(onPage.map(formatDiagnostic), page).toEqual([]);
    }
  });

  it('the same pages, with a real mistake put into their sample, are reported at that line', async () => {
    const dir = tempDir();
    const page = 'node/authentication/mfa-要素管理/get-factor.md';
    mkdirSync(join(dir, page, '..'), { recursive: true });
    const text = readFileSync(join(CORPUS_ZH, page), 'utf8');
    const wrong = text.replace('"factorType": "SMS"', '"factorType": ["SMS"]');
    expect(wrong).not.toBe(text);
    writeFileSync(join(dir, page), wrong);
    const r = await lintJson(dir, 'node');
    const line = wrong.split('\n').findIndex((l) => l.includes('"factorType": ["SMS"]')) + 1;
    expect(r.diagnostics.filter((d) => d.code === 'lint-sample-mismatch').map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`)).toEqual([
      `${line}:5 response sample: data.factorType is ["SMS"], but the docs declare string (FactorDto.factorType)`,
    ]);
  });

  /** True positives: samples that contradict their tables, as a reader can check on the page. */
  it('finds the known wrong samples where they are written', () => {
    const at = (d: Diagnostic) => `${d.location?.file}:${d.location?.line}:${d.location?.column}  ${d.code}  ${d.message}`;
    const all = report.diagnostics.map(at);
    for (const expected of [
      // a boolean where the table lists the string values enabled/disabled
      'node/management/管理用户/get-user-mfa-info.md:84:5  lint-sample-mismatch  response sample: data.totpStatus is true, but the docs declare enum(enabled|disabled) (UserMfaRespDto.totpStatus)',
      // one object where the table says a list of them
      'node/management/管理用户/list-users.md:261:5  lint-sample-mismatch  response sample: data.list is {"userId":"6229ffaxxxxxxxxcade3e3d9",..., but the docs declare UserDto[] (UserPagingDto.list)',
      // a JSON array written inside a string (the table's Sample cell, `["xxx"]`, types the items)
      'node/management/管理组织机构/get-department.md:120:5  lint-sample-mismatch  response sample: data.postIdList is "[\\"xxx\\"]", but the docs declare string[] (DepartmentDto.postIdList)',
      // "false" in quotes for a boolean
      'node/management/管理组织机构/get-department.md:121:5  lint-sample-mismatch  response sample: data.status is "false", but the docs declare boolean (DepartmentDto.status)',
    ]) {
      expect(all).toContain(expected);
    }
    const lines = readFileSync(join(CORPUS_ZH, 'node/management/管理组织机构/get-department.md'), 'utf8').split('\n');
    expect(lines[120]!.trim()).toBe('"status": "false",');
  });

  // the markdown run lints the whole corpus again: seconds on a loaded machine
  it('reports counts per rule and the worst pages; exits 1 (the corpus has wrong samples)', { timeout: 60_000 }, async () => {
    expect(report.code).toBe(1);
    const byRule = Object.fromEntries(report.summary.rules.map((r) => [r.rule, r.count]));
    expect(byRule['sample-mismatch']).toBeGreaterThan(100);
    expect(byRule['conflicting-type']).toBeGreaterThan(10);
    expect(byRule['prose-enum-disagreement']).toBeGreaterThan(0);
    expect(report.summary.worstPages.length).toBe(15);
    expect(report.summary.worstPages[0]!.errors).toBeGreaterThanOrEqual(report.summary.worstPages[14]!.errors);

    const md = await lint(CORPUS_ZH, '.', '--format', 'markdown', '--worst', '5');
    expect(md.out).toContain('# Docs lint report');
    expect(md.out).toContain('| `sample-mismatch` | error |');
    expect(md.out).toMatch(/## Pages with the most findings\n\n\| Page \| Errors \| Warnings \| Rules \|\n\| --- \| ---: \| ---: \| --- \|\n(\| .* \|\n){5}\n/);
  }, 120_000);

  it('reports every error and warning ir reports on the corpus, with the same code, place and message', async () => {
    const io = bufferIO(CORPUS_ZH);
    await main(['ir', '--no-cache', '--max-diagnostics', '100000', '.'], io);
    const irLines = io.err.join('').split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l));
    expect(irLines.length).toBeGreaterThan(500);
    const key = (file: string, line: number, column: number, code: string, message: string) => `${file}:${line}:${column}  ${code}  ${message}`;
    const linted = new Set(report.diagnostics.map((d) => key(d.location!.file, d.location!.line, d.location!.column, d.code, d.message)));
    const missing = irLines
      .map((l) => /^(\S+):(\d+):(\d+) {2}\w+ {2}(\S+) {2}(.*)$/.exec(l)!)
      .map((m) => key(m[1]!, Number(m[2]), Number(m[3]), m[4]!, m[5]!))
      .filter((k) => !linted.has(k));
    expect(missing).toEqual([]);
  }, 120_000);
});

describe('lint reports the ingest defects ir reports (one command in CI)', () => {
  it('an unknown type, a row with a wrong cell count and an include that does not resolve: same codes and places as ir', async () => {
    const dir = docsInputCopy();
    const page = join(dir, MFA);
    const lines = readFileSync(page, 'utf8').split('\n');
    const userIdType = lines.findIndex((l) => l.startsWith('| userIdType'));
    lines[userIdType] = lines[userIdType]!.replace('| userIdType | string |', '| userIdType | strng |');
    const totp = lines.findIndex((l) => l.startsWith('| totpStatus'));
    lines[totp] = lines[totp]!.replace(/\| yes +\|/, '|');
    lines.push('', '!!!include(common/missing-fragment.md)!!!', '');
    writeFileSync(page, lines.join('\n'));

    const io = bufferIO(dir);
    await main(['ir', '--no-cache', 'docs-input'], io);
    const fromIr = io.err.join('').split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l)).map((l) => l.replace(/ {2}(error|warning) {2}/, '  '));
    const r = await lintJson(dir, 'docs-input');
    const fromLint = r.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column}  ${d.code}  ${d.message}`);
    for (const code of ['md-unknown-type', 'md-table-cell-count', 'md-include-unresolved']) {
      const want = fromIr.filter((l) => l.includes(`  ${code}  `));
      expect(want, code).toHaveLength(1);
      expect(fromLint, code).toContain(want[0]);
    }
    expect(fromLint.find((l) => l.includes('md-unknown-type'))).toMatch(new RegExp(`^${MFA}:${userIdType + 1}:\\d+  md-unknown-type  type "strng" of "userIdType"`));
    expect(fromLint.find((l) => l.includes('md-include-unresolved'))).toMatch(new RegExp(`^${MFA}:${lines.length - 1}:1  md-include-unresolved`));
    // every ir finding is there, and the unresolved include (an error) fails the lint
    for (const l of fromIr) expect(fromLint).toContain(l);
    expect(r.code).toBe(1);

    // an ingest code can be turned off (or re-levelled) by its code, like a rule
    const off = await lintJson(docsInputCopy({ lint: { 'md-include-unresolved': 'off', 'md-unknown-type': 'error' } }), 'docs-input');
    expect(off.diagnostics.find((d) => d.code === 'config-invalid')).toBeUndefined();
  });
});
