import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFrom, cleanup, sdkFiles, tempDir, writeFiles } from '../emit/sdk/sdk-harness.js';
import { ROOT } from '../helpers/shared.js';

/**
 * Every ```ts example of the README and of the generated SDK's README, compiled as a module of an
 * app under `strict` against the committed generated SDK (`genauth-sdk` resolves to it), with
 * Node's types as an app has them. An example about other inputs says so in a comment before it
 * (`<!-- sdk-inputs: path ... -->`) and is compiled against the SDK of those inputs.
 */
const SOURCES = ['README.md', 'generated/sdk/README.md'];

interface Block {
  line: number;
  code: string;
  /** Inputs of the SDK the example is about; none: the committed generated/sdk. */
  inputs?: string[];
}

export function tsBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const marker = /^<!-- sdk-inputs: (.+) -->$/.exec(lines[i - 1] ?? '');
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n') + '\n', ...(marker ? { inputs: marker[1]!.trim().split(/\s+/) } : {}) });
    i = end;
  }
  return out;
}

describe('README examples compile under strict', { timeout: 180_000 }, () => {
  const dir = tempDir('readme-examples');
  afterAll(() => cleanup(dir));

  it('finds the examples', () => {
    const counts = SOURCES.map((s) => tsBlocks(readFileSync(join(ROOT, s), 'utf8')).length);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('every example type-checks against the generated SDK', async () => {
    const groups = new Map<string, { file: string; from: string }[]>();
    const sdks = new Map<string, string>([['', join(ROOT, 'generated/sdk')]]);
    let n = 0;
    for (const source of SOURCES) {
      for (const block of tsBlocks(readFileSync(join(ROOT, source), 'utf8'))) {
        const key = (block.inputs ?? []).join(' ');
        if (block.inputs && !sdks.has(key)) {
          // an example about inputs that are not here (../shared absent) cannot be checked
          if (!block.inputs.every((p) => existsSync(resolve(ROOT, p)))) continue;
          const out = join(dir, `sdk-${sdks.size}`);
          writeFiles(out, sdkFiles((await buildFrom(block.inputs, ['sdk'])).files));
          sdks.set(key, join(out, 'sdk'));
        }
        const app = join(dir, `app-${[...sdks.keys()].indexOf(key)}`);
        mkdirSync(app, { recursive: true });
        writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
        const file = join(app, `example-${n++}.ts`);
        // each example is a module of its own (top-level await needs one)
        writeFileSync(file, block.code.includes('import ') || block.code.includes('export ') ? block.code : block.code + 'export {};\n');
        groups.set(key, [...(groups.get(key) ?? []), { file, from: `${source}:${block.line}` }]);
      }
    }
    const errors: string[] = [];
    for (const [key, files] of groups) {
      const sdk = sdks.get(key)!;
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
        paths: { 'genauth-sdk': [join(sdk, 'src/index.ts')], 'genauth-sdk/*': [join(sdk, 'src/*')] },
      };
      const program = ts.createProgram(files.map((f) => f.file), options);
      for (const d of ts.getPreEmitDiagnostics(program)) {
        const at = d.file && files.find((f) => f.file === d.file!.fileName);
        if (!at) continue;
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        errors.push(`${at.from} (+${line}) TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
    }
    expect(groups.size).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
