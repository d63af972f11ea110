import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * Every ```ts example of the README and of the generated SDK's README, compiled as a module of an
 * app under `strict` against the committed generated SDK (`genauth-sdk` resolves to it), with
 * Node's types as an app has them. An example a user copies must compile as written.
 */
const SDK = join(ROOT, 'generated/sdk');
const SOURCES = ['README.md', 'generated/sdk/README.md'];

export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n') + '\n' });
    i = end;
  }
  return out;
}

describe('README examples compile under strict', { timeout: 120_000 }, () => {
  const dir = tempDir('readme-examples');
  afterAll(() => cleanup(dir));

  it('finds the examples', () => {
    const counts = SOURCES.map((s) => tsBlocks(readFileSync(join(ROOT, s), 'utf8')).length);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('every example type-checks against the generated SDK', () => {
    const app = join(dir, 'app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
    const files: { file: string; from: string }[] = [];
    for (const source of SOURCES) {
      for (const block of tsBlocks(readFileSync(join(ROOT, source), 'utf8'))) {
        const file = join(app, `${source.replace(/\W+/g, '-')}-${block.line}.ts`);
        // each example is a module of its own (top-level await needs one)
        writeFileSync(file, block.code.includes('import ') || block.code.includes('export ') ? block.code : block.code + 'export {};\n');
        files.push({ file, from: `${source}:${block.line}` });
      }
    }
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      skipLibCheck: true,
      paths: { 'genauth-sdk': [join(SDK, 'src/index.ts')], 'genauth-sdk/*': [join(SDK, 'src/*')] },
    };
    const program = ts.createProgram(files.map((f) => f.file), options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.some((f) => f.file === d.file!.fileName))
      .map((d) => {
        const from = files.find((f) => f.file === d.file!.fileName)!.from;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${from} (+${line}) TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(errors).toEqual([]);
  });
});
