// Shared by the SDK emitter tests: emit through the same build() the CLI calls, write to a temp
// folder inside the repository (so `zod` resolves from its node_modules), type-check or compile
// with the TypeScript compiler API under the SDK's own compiler options.
import { packageAssets } from '../../../generator/package-assets.js';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { loadConfig } from '../../../generator/config.js';
import type { Api } from '../../../generator/ir/types.js';
import { sdkNames, sortedMethods, uniqueTypes } from '../../../generator/emit/sdk/names.js';
import { readRuntime } from '../../../generator/emit/sdk/runtime-files.js';
import type { GeneratedFile } from '../../../generator/output/files.js';
import { selectEmitters } from '../../../generator/emit/index.js';
import { build } from '../../../generator/pipeline.js';
import { emitSdk } from '../../../generator/emit/sdk/index.js';
import { SDK_COMPILER_OPTIONS } from '../../../generator/emit/sdk/package.js';
import { ROOT } from '../../helpers/shared.js';

/** `generate` in memory; `only` names the outputs (`['sdk']` when a test reads the SDK alone: the docs emitter is half a corpus build). */
export async function buildFrom(inputs: string[], only?: string[]): Promise<Awaited<ReturnType<typeof build>>> {
  const { config } = await loadConfig(ROOT);
  return build({ config, inputs, cwd: ROOT, emitters: selectEmitters(only)! });
}

export async function emitFromApi(api: Api): Promise<ReturnType<typeof emitSdk>> {
  const { config } = await loadConfig(ROOT);
  return emitSdk(api, { config, templatesDir: join(ROOT, 'templates'), assets: packageAssets() });
}

export function sdkFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((f) => f.path.startsWith('sdk/'));
}

/** A fresh folder under test/.tmp (git-ignored); removed by `cleanup`. */
export function tempDir(label: string): string {
  mkdirSync(join(ROOT, 'test/.tmp'), { recursive: true });
  return mkdtempSync(join(ROOT, 'test/.tmp', `${label}-`));
}

export const cleanup = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const target = join(dir, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.contents);
  }
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function compilerOptions(sdkDir: string, extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  const { options, errors } = ts.convertCompilerOptionsFromJson({ ...SDK_COMPILER_OPTIONS, rootDir: undefined }, sdkDir);
  if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0]!.messageText, '\n'));
  return { ...options, ...extra };
}

const format = (d: ts.Diagnostic): string => {
  const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
  return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
};

/**
 * Type-checks every .ts file under `<sdkDir>/src` (plus `extraRoots`) with the SDK's compiler
 * options (strict, noUncheckedIndexedAccess) and any `extra`; returns the formatted errors.
 */
export function typeCheck(sdkDir: string, extraRoots: string[] = [], extra: ts.CompilerOptions = {}): string[] {
  const program = ts.createProgram([...listTs(join(sdkDir, 'src')), ...extraRoots], compilerOptions(sdkDir, { ...extra, noEmit: true }));
  return ts.getPreEmitDiagnostics(program).map(format);
}

/**
 * Type-checks one file that uses the SDK (with the SDK's compiler options), looking only at
 * that file: what it reaches of the SDK is resolved lazily, so a large SDK is not checked whole.
 */
export function typeCheckUsage(sdkDir: string, file: string): string[] {
  const program = ts.createProgram([file], compilerOptions(sdkDir, { noEmit: true }));
  const sf = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map(format);
}

/** Compiles `<sdkDir>/src` to `<sdkDir>/dist` (JavaScript that Node imports); returns errors. */
export function compile(sdkDir: string): string[] {
  const program = ts.createProgram(listTs(join(sdkDir, 'src')), compilerOptions(sdkDir, { outDir: join(sdkDir, 'dist'), rootDir: join(sdkDir, 'src'), declaration: false, sourceMap: false }));
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  return diagnostics.map(format);
}

/**
 * A file of type-level assertions, compiled with the SDK: for every DTO, `z.infer` of its schema
 * and its interface are assignable both ways; for every method, `z.input` of its params schema
 * and its params type too (the schema applies defaults, so its output has them required).
 */
export function equalityChecks(api: Api): string {
  const names = sdkNames(api, readRuntime(packageAssets().runtimeDir)!.exports);
  const lines = [
    "import type { z } from 'zod';",
    "import type * as sdk from './src/index.js';",
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'declare function same<T extends true>(): void;',
  ];
  for (const t of uniqueTypes(api)) {
    const n = names.types.get(t.name)!;
    lines.push(`same<Same<z.infer<typeof sdk.${n.schema}>, sdk.${n.type}>>();`);
  }
  for (const c of names.clients) {
    for (const m of sortedMethods(c.client)) {
      const p = c.params.get(m.id)!;
      lines.push(`same<Same<z.input<typeof sdk.${p.schema}>, sdk.${p.type}>>();`);
    }
  }
  return lines.join('\n') + '\n';
}
