import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { ROOT } from '../helpers/shared.js';

/**
 * One meaning per exit code in every command (README, "Exit codes"): 0 clean (warnings allowed),
 * 1 found something (an error diagnostic, drift, a failing API change, a lint error or too many
 * warnings), 2 bad usage or unusable input. Each command is run for each code on real inputs:
 * a copy of docs-input, and the same pages with one real defect.
 */
let dir: string;
const MFA = 'docs-input/python/management/管理用户/get-user-mfa-info.md';
const PRINCIPAL = 'docs-input/python/management/管理用户/get-user-principal-authentication-info.md';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdkforge-exit-'));
  for (const entry of ['docs-input', 'generated', 'templates', 'sdkforge.config.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  // `broken/`: docs-input with a nested type linked to a data structure no page defines (an error)
  cpSync(join(ROOT, 'docs-input'), join(dir, 'broken'), { recursive: true });
  const page = join(dir, PRINCIPAL.replace('docs-input', 'broken'));
  const text = readFileSync(page, 'utf8');
  const link = 'Nested type: <a href="#PrincipalAuthenticationInfoDto">PrincipalAuthenticationInfoDto</a>';
  expect(text).toContain(link);
  writeFileSync(page, text.replace(link, 'Nested type: <a href="#NoSuchDto">NoSuchDto</a>'));
  // `changed/`: an optional parameter made required (breaking); `reworded/`: a description edited
  cpSync(join(ROOT, 'docs-input'), join(dir, 'changed'), { recursive: true });
  const mfa = join(dir, MFA.replace('docs-input', 'changed'));
  writeFileSync(mfa, readFileSync(mfa, 'utf8').replace('| userIdType | string | No |', '| userIdType | string | yes |'));
  cpSync(join(ROOT, 'docs-input'), join(dir, 'reworded'), { recursive: true });
  const worded = join(dir, MFA.replace('docs-input', 'reworded'));
  const original = readFileSync(worded, 'utf8');
  writeFileSync(worded, original.replace('Get user MFA binding information through user ID', 'Reads the MFA bindings of a user'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = bufferIO(dir);
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

// each test runs whole commands (generate twice): seconds each on a loaded machine
describe('exit codes, command by command', { timeout: 120_000 }, () => {
  it('ir: 0 clean, 1 an error diagnostic (the IR is still printed), 2 unusable input or bad usage', async () => {
    expect((await run('ir', 'docs-input', '--no-cache')).code).toBe(0);
    const broken = await run('ir', 'broken', '--no-cache');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/error {2}ir-unresolved-type {2}type NoSuchDto/);
    expect(JSON.parse(broken.out)).toHaveProperty('clients');
    expect((await run('ir', 'no/such/folder')).code).toBe(2);
    expect((await run('ir', 'docs-input', '--max-diagnostics', 'many')).code).toBe(2);
    expect((await run('ir', 'docs-input', '--format', 'xml')).code).toBe(2);
  });

  it('generate: 0 written, 1 written with an error found, 2 unusable input, unsafe output folder or bad usage', async () => {
    expect((await run('generate', '--input', 'docs-input', '--out', 'out-ok', '--no-cache')).code).toBe(0);
    const broken = await run('generate', '--input', 'broken', '--out', 'out-broken', '--no-cache');
    expect(broken.code).toBe(1);
    expect(readFileSync(join(dir, 'out-broken/sdk/package.json'), 'utf8')).toContain('"name"');
    expect((await run('generate', '--input', 'no/such/folder', '--out', 'out-missing')).code).toBe(2);
    expect((await run('generate', '--input', 'docs-input', '--out', '.')).code).toBe(2);
    expect((await run('generate', '--bogus')).code).toBe(2);
  });

  it('openapi: 0 written, 1 an error found, 2 unusable input', async () => {
    expect((await run('openapi', 'docs-input', '-o', 'api.yaml')).code).toBe(0);
    expect((await run('openapi', 'broken', '-o', 'broken.yaml')).code).toBe(1);
    expect((await run('openapi', 'no/such/folder', '-o', 'x.yaml')).code).toBe(2);
  });

  it('check: 0 up to date, 1 drift, 2 unusable input or bad usage', async () => {
    expect((await run('check', '--no-cache')).code).toBe(0);
    const drift = await run('check', '--input', 'reworded', '--no-cache');
    expect(drift.code).toBe(1);
    expect(drift.err).toContain('check-drift');
    expect((await run('check', '--input', 'no/such/folder')).code).toBe(2);
    expect((await run('check', '--format', 'yaml')).code).toBe(2);
  });

  it('diff: 0 nothing failing, 1 a breaking change by default (or any change with --fail-on any), 2 unusable side or bad usage', async () => {
    const same = await run('diff', 'docs-input', 'docs-input');
    expect(same.code).toBe(0);
    expect(same.err).toContain('release: none');
    const breaking = await run('diff', 'docs-input', 'changed');
    expect(breaking.code).toBe(1);
    expect(breaking.err).toContain('release: major (1 breaking change)');
    expect((await run('diff', 'docs-input', 'changed', '--fail-on', 'none')).code).toBe(0);
    const reworded = await run('diff', 'docs-input', 'reworded');
    expect(reworded.code).toBe(0);
    expect(reworded.err).toContain('release: patch');
    expect((await run('diff', 'docs-input', 'reworded', '--fail-on', 'any')).code).toBe(1);
    expect((await run('diff', 'docs-input', 'changed', '--fail-on', 'sometimes')).code).toBe(2);
    expect((await run('diff', 'docs-input', 'no/such/folder')).code).toBe(2);
  });

  it('lint: 0 clean (warnings allowed), 1 an error or more warnings than --max-warnings, 2 unusable input or bad usage', async () => {
    // docs-input's samples contradict their tables: errors, unless the config lowers them to warnings
    expect((await run('lint', 'docs-input', '--no-cache')).code).toBe(1);
    const config = join(dir, 'sdkforge.config.json');
    const before = readFileSync(config, 'utf8');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(before), lint: { 'sample-mismatch': 'warn' } }));
    try {
      const warned = await run('lint', 'docs-input', '--no-cache');
      expect(warned.code).toBe(0);
      expect(warned.out).toContain('lint: 0 error(s), 10 warning(s)');
      expect((await run('lint', 'docs-input', '--no-cache', '--max-warnings', '10')).code).toBe(0);
      const tooMany = await run('lint', 'docs-input', '--no-cache', '--max-warnings', '9');
      expect(tooMany.code).toBe(1);
      expect(tooMany.err).toContain('more than --max-warnings 9');
    } finally {
      writeFileSync(config, before);
    }
    expect((await run('lint', 'no/such/folder')).code).toBe(2);
    expect((await run('lint', 'docs-input', '--max-warnings', '-1')).code).toBe(2);
  });

  it('explain: 0 for a code (or the list), 2 for a code that does not exist', async () => {
    expect((await run('explain', 'check-drift')).code).toBe(0);
    expect((await run('explain')).code).toBe(0);
    expect((await run('explain', 'no-such-code')).code).toBe(2);
  });
});
