import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/shared.js';

/**
 * The layering ARCHITECTURE.md promises, read from the import statements of generator/: a lower
 * layer never imports a higher one.
 */
const GENERATOR = join(ROOT, 'generator');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every relative import of every generator module, as generator-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"](\.[^'"]+)['"]/g)) {
    out.push(relative(GENERATOR, resolve(dirname(file), m[1]!)).split('\\').join('/'));
  }
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    out.push(relative(GENERATOR, resolve(dirname(file), m[1]!)).split('\\').join('/'));
  }
  return out;
}

const ALL = sources(GENERATOR).map((f) => ({ file: relative(GENERATOR, f).split('\\').join('/'), imports: importsOf(f) }));

/** [layer, what it may not import] */
const RULES: [string, string[]][] = [
  ['emit/', ['ingest/', 'pipeline', 'commands/', 'check/', 'cli']],
  ['ingest/', ['emit/', 'pipeline', 'commands/', 'check/', 'cli']],
  ['ir/', ['ingest/', 'emit/', 'pipeline', 'commands/', 'check/', 'output/', 'cli']],
  ['naming/', ['ingest/', 'emit/', 'pipeline', 'commands/', 'check/', 'output/', 'cli']],
  ['formats/', ['ingest/', 'emit/', 'pipeline', 'commands/', 'check/', 'output/', 'cli']],
  ['diagnostics/', ['ingest/', 'emit/', 'pipeline', 'commands/', 'check/', 'output/', 'cli']],
  ['output/', ['ingest/', 'emit/', 'pipeline', 'commands/', 'check/', 'cli']],
  ['check/', ['commands/', 'cli']],
  // the page model and the syntax modules know nothing of what a page means
  ['ingest/page/', ['ingest/reader/', 'ingest/docs/', 'ingest/syntax/', 'ingest/openapi/']],
  ['ingest/syntax/', ['ingest/reader/', 'ingest/docs/', 'ingest/openapi/']],
  ['ingest/reader/', ['ingest/docs/', 'ingest/syntax/', 'ingest/openapi/']],
];

describe('generator/ layering', () => {
  it('finds the modules and their imports', () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(ALL.find((m) => m.file === 'pipeline.ts')!.imports).toContain('ingest/index.js');
  });

  for (const [layer, banned] of RULES) {
    it(`${layer} imports none of ${banned.join(', ')}`, () => {
      const bad = ALL.filter((m) => m.file.startsWith(layer)).flatMap((m) =>
        m.imports.filter((i) => banned.some((b) => i.startsWith(b))).map((i) => `${m.file} → ${i}`),
      );
      expect(bad).toEqual([]);
    });
  }

  it('commands reach ingest only through its entry (ingest/index.ts)', () => {
    const bad = ALL.filter((m) => m.file.startsWith('commands/') || m.file.startsWith('check/')).flatMap((m) =>
      m.imports.filter((i) => i.startsWith('ingest/') && i !== 'ingest/index.js' && !i.startsWith('ingest/syntax/')).map((i) => `${m.file} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
});
