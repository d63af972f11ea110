import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ConfigSchema, loadConfig } from '../../../generator/config.js';
import { parseMarkdown } from '../../../generator/emit/docs/markdown.js';
import type { GeneratedFile } from '../../../generator/output/files.js';
import { build } from '../../../generator/pipeline.js';
import { ROOT, writeFiles } from './round-trip-helpers.js';

/**
 * Every sample-code block of the generated pages compiles against the SDK generated from the
 * same input: the package name maps (tsconfig `paths`) to the emitted sdk/src, as `generate`
 * writes it to generated/sdk/src.
 */

const AUTHING = '../shared/corpus/authing-docs-v3';
const hasCorpus = existsSync(join(ROOT, AUTHING));
if (!hasCorpus) console.log('docs snippets: ../shared/corpus not found, the corpus compile is skipped');

/** The ```ts blocks of every docs page, read with remark (the way a reader's renderer sees them). */
function snippets(files: readonly GeneratedFile[]): { page: string; code: string }[] {
  const out: { page: string; code: string }[] = [];
  for (const f of files) {
    if (!f.path.startsWith('docs/') || !f.path.endsWith('.md')) continue;
    for (const node of parseMarkdown(f.contents).children) {
      if (node.type === 'code' && node.lang === 'ts') out.push({ page: f.path, code: node.value });
    }
  }
  return out;
}


async function check(inputs: string[], name: string): Promise<{ count: number; errors: string[]; pages: number }> {
  // the docs family's profile (sdkforge.config.json): the snippets' set-up lines are GenAuth's
  const config = { ...(await loadConfig(ROOT)).config, sdk: ConfigSchema.parse({ sdk: { packageName: 'genauth-sdk' } }).sdk };
  const result = await build({ config, cwd: ROOT, inputs });
  const dir = join(ROOT, 'test/.tmp/docs-snippets', name);
  const found = snippets(result.files);
  writeFiles(dir, [
    ...result.files.filter((f) => f.path.startsWith('sdk/')),
    ...found.map((s, i) => ({ path: `snippets/${String(i).padStart(4, '0')}.ts`, contents: `// ${s.page}\n${s.code}\n` })),
  ]);
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
  const roots = found.map((_, i) => join(dir, `snippets/${String(i).padStart(4, '0')}.ts`));
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

  test.skipIf(!hasCorpus)('authing-docs-v3: every snippet compiles', async () => {
    const r = await check([AUTHING], 'authing-docs-v3');
    console.log(`authing-docs-v3: ${r.count} snippets on ${r.pages} pages, ${r.errors.length} compile errors`);
    expect(r.count).toBeGreaterThan(400);
    expect(r.errors.slice(0, 20)).toEqual([]);
  }, 300_000);
});
