// The runtime's contract with the client emitter (RUNTIME_API): exported names, and imports limited
// to zod and sibling files so the copied folder runs on Node 20 and other fetch runtimes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as runtime from '../../../../generator/emit/sdk/runtime/index.js';

const runtimeDir = join(import.meta.dirname, '../../../../generator/emit/sdk/runtime');

describe('runtime surface', () => {
  it('exports every value the contract names', () => {
    const contract = [
      'HttpClient',
      'SdkError',
      'ApiError',
      'NetworkError',
      'TimeoutError',
      'AbortError',
      'ValidationError',
      'genauthSignatureAuth',
      'appAuth',
      'securityAuth',
      'baseUrl',
      'serverUrl',
    ];
    for (const name of contract) expect(runtime, name).toHaveProperty(name);
    // no API's host is built in: a default base URL comes from the API description (or its profile)
    expect(runtime).not.toHaveProperty('DEFAULT_HOST');
  });

  it('imports only zod and sibling files (no node:*, no other package)', () => {
    const files = readdirSync(runtimeDir).filter((f) => f.endsWith('.ts')).sort();
    expect(files).toContain('index.ts');
    for (const file of files) {
      const source = readFileSync(join(runtimeDir, file), 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(zod|\.\/[a-z-]+\.js)$/);
      expect(source, file).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  });

  it('index.ts re-exports every module of the folder', () => {
    const modules = readdirSync(runtimeDir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => `./${f.replace(/\.ts$/, '.js')}`)
      .sort();
    const index = readFileSync(join(runtimeDir, 'index.ts'), 'utf8');
    const reexported = [...index.matchAll(/export \* from '([^']+)'/g)].map((m) => m[1]).sort();
    expect(reexported).toEqual(modules);
  });
});
