import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareWithDisk, isUpToDate } from '../../generator/check/drift.js';
import { runCheck } from '../../generator/commands/check.js';
import { bufferIO } from '../../generator/commands/io.js';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/shared.js';

/**
 * `sdkforge check` on a temporary copy of this repository's docs-input and its committed
 * generated/ output: the same pipeline as `generate`, compared byte for byte.
 */
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdkforge-check-'));
  for (const entry of ['docs-input', 'generated', 'templates', 'sdkforge.config.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const check = async (...args: string[]) => {
  const io = bufferIO(dir);
  const code = await main(['check', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('sdkforge check', () => {
  it('exits 0 when the committed output is what the inputs produce', async () => {
    const r = await check();
    expect(r.err).toMatch(/generated: up to date \(\d+ file\(s\)\)/);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('exits 1 with a unified diff after a generated file was edited by hand', async () => {
    const file = join(dir, 'generated/sdk/src/models/is-success-dto.ts');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('/** Validates {@link IsSuccessDto}. */');
    writeFileSync(file, text.replace('/** Validates {@link IsSuccessDto}. */', '/** Hand-edited. */'));
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.out).toContain('--- a/sdk/src/models/is-success-dto.ts\n+++ b/sdk/src/models/is-success-dto.ts\n');
    expect(r.out).toContain('\n-/** Hand-edited. */\n+/** Validates {@link IsSuccessDto}. */\n');
    expect(r.err).toContain('check-drift');
    expect(r.err).toContain('1 changed, 0 to add, 0 to remove');
  });

  it('lists files that would be added or removed, and --json gives the same as data', async () => {
    unlinkSync(join(dir, 'generated/docs/index.md'));
    writeFileSync(join(dir, 'generated/sdk/src/stale.ts'), 'export {};\n');
    const text = await check();
    expect(text.code).toBe(1);
    expect(text.out).toContain('added    generated/docs/index.md');
    expect(text.out).toContain('removed  generated/sdk/src/stale.ts');

    const json = await check('--json');
    expect(json.code).toBe(1);
    const data = JSON.parse(json.out) as { upToDate: boolean; added: string[]; removed: string[]; changed: unknown[]; unchanged: number };
    expect(data.upToDate).toBe(false);
    expect(data.added).toEqual(['docs/index.md']);
    expect(data.removed).toEqual(['sdk/src/stale.ts']);
    expect(data.changed).toEqual([]);
    expect(data.unchanged).toBeGreaterThan(10);
  });

  it('notices an input change: the regenerated output differs from the committed one', async () => {
    const page = join(dir, 'docs-input/python/management/管理用户/get-user-mfa-info.md');
    const text = readFileSync(page, 'utf8');
    const edited = text.replace('Get user MFA binding information through user ID', 'Read the MFA bindings of a user');
    expect(edited).not.toBe(text);
    writeFileSync(page, edited);
    const r = await check('--no-cache');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\+.*Read the MFA bindings of a user/m);
  });

  it('ignores what other tools put into the output folder (node_modules, SDK build, docs site cache/build)', async () => {
    for (const p of ['sdk/node_modules/zod/index.js', 'sdk/dist/index.js', 'docs/.vitepress/cache/deps/x.js', 'docs/.vitepress/dist/index.html']) {
      mkdirSync(join(dir, 'generated', p, '..'), { recursive: true });
      writeFileSync(join(dir, 'generated', p), 'x');
    }
    expect((await check()).code).toBe(0);
  });

  it('takes --input and --out like generate, and exits 2 on an unusable input', async () => {
    cpSync(join(dir, 'generated'), join(dir, 'elsewhere'), { recursive: true });
    expect((await check('--input', 'docs-input', '--out', 'elsewhere')).code).toBe(0);
    const missing = await check('--input', 'no-such-folder');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('input-not-found');
  });

  it('a warm run skips the emitters yet still sees a hand edit, a template edit and an input edit', async () => {
    expect((await check()).code).toBe(0);
    expect(existsSync(join(dir, '.sdkforge-cache/check-v1.json'))).toBe(true);
    expect((await check()).code).toBe(0);

    const file = join(dir, 'generated/docs/management/管理用户/get-user-mfa-info.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('## Request parameters', '## Parameters'));
    const edited = await check();
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('-## Parameters\n+## Request parameters');
    writeFileSync(file, original);
    expect((await check()).code).toBe(0);

    const template = join(dir, 'templates/docs/en.yaml');
    const yaml = readFileSync(template, 'utf8');
    expect(yaml).toContain('  parameters: Request parameters\n');
    writeFileSync(template, yaml.replace('  parameters: Request parameters\n', '  parameters: Parameters\n'));
    const templ = await check();
    expect(templ.code).toBe(1);
    expect(templ.out).toContain('-## Request parameters\n+## Parameters');
    writeFileSync(template, yaml);
    expect((await check()).code).toBe(0);

    const page = join(dir, 'docs-input/python/management/管理用户/get-user-mfa-info.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('| userIdType | string | No |', '| userIdType | string | yes |'));
    expect((await check()).code).toBe(1);
  });

  it('runCheck is what the CLI calls', async () => {
    const io = bufferIO(dir);
    expect(await runCheck({}, io)).toBe(0);
  });
});

describe('compareWithDisk', () => {
  it('works for any file set, only inside the owned folders', async () => {
    const out = join(dir, 'any-out');
    mkdirSync(join(out, 'sdk'), { recursive: true });
    mkdirSync(join(out, 'notes'), { recursive: true });
    writeFileSync(join(out, 'sdk/a.ts'), 'a\n');
    writeFileSync(join(out, 'sdk/old.ts'), 'old\n');
    writeFileSync(join(out, 'notes/mine.md'), 'not ours\n');
    const report = await compareWithDisk(out, [
      { path: 'sdk/a.ts', contents: 'a\n' },
      { path: 'sdk/b.ts', contents: 'b\n' },
    ], { owned: ['sdk', 'docs'] });
    expect(report).toEqual({ changed: [], added: ['sdk/b.ts'], removed: ['sdk/old.ts'], unchanged: 1 });
    expect(isUpToDate(report)).toBe(false);
    expect(existsSync(join(out, 'sdk/b.ts'))).toBe(false);
  });

  it('an empty file set against an empty folder is up to date', async () => {
    const report = await compareWithDisk(join(dir, 'nothing-here'), [], { owned: ['sdk', 'docs'] });
    expect(isUpToDate(report)).toBe(true);
  });
});
