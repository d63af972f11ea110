import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../generator/diagnostics/catalog.js';
import { ROOT } from '../helpers/shared.js';

describe('diagnostics catalog', () => {
  it('explains every code: severity, title, cause and fix', () => {
    for (const [code, info] of Object.entries(catalog)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(info.severity);
      for (const k of ['title', 'cause', 'fix'] as const) expect(info[k].length, `${code}.${k}`).toBeGreaterThan(5);
    }
  });

  it('every code the generator reports is in the catalog', async () => {
    const files = await glob('generator/**/*.ts', { cwd: ROOT, absolute: true, ignore: ['generator/diagnostics/codes/**', 'generator/emit/sdk/runtime/**'] });
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/code: '([a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/report\(\s*'([a-z0-9-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((c) => !(c in catalog));
    expect(missing).toEqual([]);
  });
});
