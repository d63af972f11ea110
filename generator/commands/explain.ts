import type { Command } from 'commander';
import { catalog, type CodeInfo } from '../diagnostics/catalog.js';
import { EXIT, type CommandIO } from './io.js';

/** The catalog entry of `code`; a lint rule may be named without its `lint-` prefix (as in the config). */
export function findCode(code: string): [string, CodeInfo] | undefined {
  const entries = catalog as Record<string, CodeInfo>;
  for (const name of [code, `lint-${code}`]) if (Object.hasOwn(entries, name)) return [name, entries[name]!];
  return undefined;
}

/** Codes whose name shares words with `code`, most shared first, for a "did you mean" line. */
function similar(code: string): string[] {
  const words = code.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const shared = (k: string): number => words.filter((w) => k.split('-').includes(w)).length;
  return Object.keys(catalog)
    .filter((k) => shared(k) > 0)
    .sort((a, b) => shared(b) - shared(a) || (a < b ? -1 : 1))
    .slice(0, 5);
}

/**
 * `sdkforge explain [code]`: what a diagnostic code means and how to fix it, from the catalog
 * (diagnostics/codes/). Without a code: every code with its severity and title.
 * Exit 0, or 2 for a code that does not exist.
 */
export function runExplain(code: string | undefined, io: CommandIO): number {
  if (code === undefined) {
    const names = Object.keys(catalog).sort();
    const width = Math.max(...names.map((n) => n.length));
    const entries = catalog as Record<string, CodeInfo>;
    io.stdout(names.map((n) => `${n.padEnd(width)}  ${entries[n]!.severity.padEnd(7)}  ${entries[n]!.title}`).join('\n') + '\n');
    return EXIT.ok;
  }
  const found = findCode(code);
  if (!found) {
    const near = similar(code);
    io.stderr(`unknown code ${JSON.stringify(code)}${near.length > 0 ? `; similar: ${near.join(', ')}` : ''} (\`sdkforge explain\` lists every code)\n`);
    return EXIT.usage;
  }
  const [name, info] = found;
  io.stdout([`${name} (${info.severity}): ${info.title}`, '', `Cause: ${info.cause}`, '', `Fix: ${info.fix}`, ''].join('\n'));
  return EXIT.ok;
}

export function registerExplain(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description('print what a diagnostic code means (title, cause, fix); without a code, list every code')
    .argument('[code]', 'a diagnostic code, e.g. md-table-fused-row or lint-sample-mismatch')
    .action((code: string | undefined) => setExit(runExplain(code, io)));
}
