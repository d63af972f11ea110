import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { catalog } from '../../generator/diagnostics/catalog.js';
import { githubAnnotation } from '../../generator/diagnostics/github.js';
import { CORPUS_ZH, ROOT, hasCorpus } from '../helpers/shared.js';

/** What a CI job reads: errors first, GitHub Actions annotations, and `explain`. */
let dir: string;
const PRINCIPAL = 'docs-input/python/management/管理用户/get-user-principal-authentication-info.md';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdkforge-ci-'));
  for (const entry of ['docs-input', 'generated', 'templates', 'sdkforge.config.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = bufferIO(dir);
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** Every `::level props::message` line of a text, parsed back. */
function annotations(text: string) {
  return [...text.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((m) => ({
    level: m[1]!,
    props: Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => p.split('=') as [string, string])),
    message: m[3]!,
  }));
}

describe('annotations', () => {
  it('escape what the runner would read as syntax', () => {
    expect(githubAnnotation('error', '50% done\nnext line', { file: 'a,b:c.md', line: 3, column: 7 }, 'x')).toBe(
      '::error file=a%2Cb%3Ac.md,line=3,col=7,title=x::50%25 done%0Anext line',
    );
  });
});

describe.skipIf(!hasCorpus)('errors first', () => {
  it('the corpus run shows its single error before any warning, whatever --max-diagnostics says', { timeout: 120_000 }, async () => {
    const r = await run('ir', CORPUS_ZH, '--max-diagnostics', '2');
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter((l) => /^\S.*:\d+:\d+ {2}(error|warning|info) {2}/.test(l));
    expect(lines.length).toBe(3);
    expect(lines[0]).toMatch(/ {2}error {2}ir-unresolved-type {2}/);
    expect(lines.slice(1).every((l) => / {2}warning {2}/.test(l))).toBe(true);
    expect(r.err).toMatch(/\.\.\. \d+ more warning/);
    // 0 shows no warning, still the error
    const none = await run('ir', CORPUS_ZH, '--max-diagnostics', '0');
    expect(none.err).toMatch(/ {2}error {2}ir-unresolved-type {2}/);
    expect(none.err).not.toMatch(/^\S.*:\d+:\d+ {2}warning {2}/m);
  });
});

describe('--format github', { timeout: 120_000 }, () => {
  it('ir: one annotation per diagnostic on stderr (stdout stays the IR)', async () => {
    const page = join(dir, PRINCIPAL);
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('Nested type: <a href="#PrincipalAuthenticationInfoDto">PrincipalAuthenticationInfoDto</a>', 'Nested type: <a href="#NoSuchDto">NoSuchDto</a>'));
    try {
      const r = await run('ir', 'docs-input', '--format', 'github', '--no-cache');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)).toHaveProperty('clients');
      const [first] = annotations(r.err);
      expect(first).toMatchObject({ level: 'error', props: { file: PRINCIPAL, title: 'ir-unresolved-type' } });
      expect(Number(first!.props.line)).toBeGreaterThan(1);

      const g = await run('generate', '--out', 'gen-out', '--format', 'github', '--no-cache');
      expect(g.code).toBe(1);
      expect(annotations(g.out)[0]).toMatchObject({ level: 'error', props: { file: PRINCIPAL, title: 'ir-unresolved-type' } });
    } finally {
      writeFileSync(page, text);
    }
  });

  it('lint: each finding at its page line; the summary follows as plain text', async () => {
    const r = await run('lint', '--format', 'github', '--no-cache');
    expect(r.code).toBe(1);
    const list = annotations(r.out);
    expect(list.length).toBe(10);
    expect(list[0]).toMatchObject({ level: 'error', props: { file: 'docs-input/python/management/管理用户/get-user-mfa-info.md', line: '47', col: '5', title: 'lint-sample-mismatch' } });
    expect(list.filter((a) => a.level === 'warning').length).toBe(5);
    // the related location (where the field is declared) travels in the message
    expect(list[0]!.message).toContain('%0Adocs-input/python/management/管理用户/get-user-mfa-info.md:61:3  totpStatus declared here');
    expect(r.out).toContain('lint: 5 error(s), 5 warning(s)');
  });

  it('check: an error annotation per file out of date, at its first changed line', async () => {
    const file = join(dir, 'generated/sdk/src/models/is-success-dto.ts');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('/** Validates {@link IsSuccessDto}. */'));
    expect(at).toBeGreaterThan(0);
    writeFileSync(file, text.replace('/** Validates {@link IsSuccessDto}. */', '/** Hand-edited. */'));
    try {
      const r = await run('check', '--format', 'github', '--no-cache');
      expect(r.code).toBe(1);
      expect(annotations(r.out)).toEqual([
        { level: 'error', props: { file: 'generated/sdk/src/models/is-success-dto.ts', line: String(at + 1), col: '1', title: 'check-drift' }, message: expect.stringContaining('run `sdkforge generate`') },
      ]);
      expect(r.err).toContain('-/** Hand-edited. */');
    } finally {
      writeFileSync(file, text);
    }
    expect((await run('check', '--format', 'github')).code).toBe(0);
  });

  it('diff: a failing change is an error at its docs line, others are notices', async () => {
    cpSync(join(dir, 'docs-input'), join(dir, 'head'), { recursive: true });
    const page = join(dir, 'head/python/management/管理用户/get-user-mfa-info.md');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, text.replace('| userIdType | string | No |', '| userIdType | string | yes |').replace('Get user MFA binding information through user ID', 'Reads the MFA bindings of a user'));
    const r = await run('diff', 'docs-input', 'head', '--format', 'github');
    expect(r.code).toBe(1);
    const list = annotations(r.out);
    expect(list.map((a) => `${a.level} ${a.props.title}`)).toEqual(['error breaking%3A parameter-required', 'notice API change%3A description-changed']);
    expect(list[0]!.props.file).toBe('head/python/management/管理用户/get-user-mfa-info.md');
    expect(list[0]!.message).toBe('ManagementClient.getUserMfaInfo parameter userIdType: parameter "userIdType" became required');
    const lenient = await run('diff', 'docs-input', 'head', '--format', 'github', '--fail-on', 'none');
    expect(lenient.code).toBe(0);
    expect(annotations(lenient.out)[0]!.level).toBe('warning');
  });
});

describe('sdkforge explain', () => {
  it('prints the title, cause and fix of a code from the catalog; a lint rule may drop its prefix', async () => {
    const r = await run('explain', 'md-table-fused-row');
    expect(r.code).toBe(0);
    const info = catalog['md-table-fused-row'];
    expect(r.out).toBe(`md-table-fused-row (${info.severity}): ${info.title}\n\nCause: ${info.cause}\n\nFix: ${info.fix}\n`);
    expect((await run('explain', 'sample-mismatch')).out).toContain(catalog['lint-sample-mismatch'].fix);
  });

  it('lists every code without an argument; names similar codes for a typo', async () => {
    const all = await run('explain');
    expect(all.out.trim().split('\n').length).toBe(Object.keys(catalog).length);
    const typo = await run('explain', 'table-fused');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('similar: md-table-fused-row,');
  });
});
