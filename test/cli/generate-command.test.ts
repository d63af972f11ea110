import { existsSync, readFileSync } from 'node:fs';
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

  it('exit 2 when asked to write into the working directory', async () => {
    const io = bufferIO(ROOT);
    expect(await main(['generate', '--input', 'docs-input', '--out', '.'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/output-folder-unsafe/);
  });
});
