import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { bufferIO } from '../../generator/commands/io.js';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

describe('sdkforge generate', () => {
  const dir = tempDir('generate');
  afterAll(() => cleanup(dir));

  it('writes the SDK and docs of --input into --out, exit 0; the same bytes as the committed generated/', async () => {
    const out = relative(ROOT, join(dir, 'out'));
    const io = bufferIO(ROOT);
    expect(await main(['generate', '--input', 'docs-input', '--out', out, '--no-cache'], io)).toBe(0);
    expect(io.err.join('')).toMatch(/4 method\(s\), 9 type\(s\) → \d+ file\(s\) written/);
    const index = join(dir, 'out/sdk/src/index.ts');
    expect(readFileSync(index, 'utf8')).toBe(readFileSync(join(ROOT, 'generated/sdk/src/index.ts'), 'utf8'));
    expect(existsSync(join(dir, 'out/sdk/package.json'))).toBe(true);
  });

  it('exit 2 and nothing written for an input that does not exist', async () => {
    const io = bufferIO(ROOT);
    const out = relative(ROOT, join(dir, 'missing'));
    expect(await main(['generate', '--input', 'no/such/folder', '--out', out], io)).toBe(2);
    expect(io.err.join('')).toMatch(/input-not-found/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('--only writes one output and leaves the others as they are; openapi only when asked', async () => {
    const out = relative(ROOT, join(dir, 'only'));
    const run = async (...only: string[]): Promise<number> => main(['generate', '--input', 'docs-input', '--out', out, '--no-cache', ...only.flatMap((o) => ['--only', o])], bufferIO(ROOT));
    expect(await run('sdk')).toBe(0);
    expect(readdirSync(join(dir, 'only'))).toEqual(['sdk']);
    expect(await run('docs')).toBe(0);
    expect(readdirSync(join(dir, 'only')).sort()).toEqual(['docs', 'sdk']);
    expect(await run('openapi')).toBe(0);
    expect(readdirSync(join(dir, 'only')).sort()).toEqual(['docs', 'openapi', 'sdk']);
    const spec = JSON.parse(readFileSync(join(dir, 'only/openapi/openapi.json'), 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toHaveLength(4);
    // a default run writes sdk/ and docs/ only, and leaves openapi/ alone
    rmSync(join(dir, 'only/sdk'), { recursive: true });
    expect(await main(['generate', '--input', 'docs-input', '--out', out, '--no-cache'], bufferIO(ROOT))).toBe(0);
    expect(readdirSync(join(dir, 'only')).sort()).toEqual(['docs', 'openapi', 'sdk']);
    const io = bufferIO(ROOT);
    expect(await main(['generate', '--input', 'docs-input', '--out', out, '--only', 'pdf'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/--only takes sdk, docs, openapi/);
  }, 60_000);

  it('exit 2 when asked to write into the working directory', async () => {
    const io = bufferIO(ROOT);
    expect(await main(['generate', '--input', 'docs-input', '--out', '.'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/output-folder-unsafe/);
  });
});
