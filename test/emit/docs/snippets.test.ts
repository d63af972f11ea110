import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ConfigSchema, loadConfig } from '../../../generator/config.js';
import { build } from '../../../generator/pipeline.js';
import { ROOT, writeFiles } from './round-trip-helpers.js';
import { snippetFiles } from './snippet-files.js';

/**
 * Every sample-code block of the generated pages compiles against the SDK generated from the
 * same input: the package name maps (tsconfig `paths`) to the emitted sdk/src, as `generate`
 * writes it to generated/sdk/src.
 */

async function check(inputs: string[], name: string): Promise<{ count: number; errors: string[]; pages: number }> {
  // the docs family's profile (sdkforge.config.json): the snippets' set-up lines are GenAuth's
  const config = { ...(await loadConfig(ROOT)).config, sdk: ConfigSchema.parse({ sdk: { packageName: 'genauth-sdk' } }).sdk };
  const result = await build({ config, cwd: ROOT, inputs });
  const dir = join(ROOT, 'test/.tmp/docs-snippets', name);
  const found = snippetFiles(result.files, 'snippets');
  writeFiles(dir, [...result.files.filter((f) => f.path.startsWith('sdk/')), ...found]);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    baseUrl: dir,
    paths: { [config.sdk.packageName]: [join(dir, 'sdk/src/index.ts')] },
  };
  const roots = found.map((f) => join(dir, f.path));
  const program = ts.createProgram(roots, options);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return { count: found.length, errors, pages: result.files.filter((f) => f.path.startsWith('docs/') && f.path.endsWith('.md')).length };
}

describe('docs sample code type-checks against the generated SDK', () => {
  test('docs-input: one snippet per method, no compile error', async () => {
    const r = await check(['docs-input'], 'docs-input');
    expect(r.count).toBe(4);
    expect(r.errors).toEqual([]);
  }, 120_000);

  // the corpus's ~470 snippets compile in the same program as its SDK: test/emit/sdk/sdk-corpus.test.ts
});
