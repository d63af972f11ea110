import type { Command } from 'commander';
import type { CommandIO } from './io.js';

export type Register = (program: Command, io: CommandIO, setExit: (code: number) => void) => void;

/**
 * Every command of the CLI, in the order `--help` lists them. One module per command, loaded on
 * demand: `sdkforge ir` need not load ts-morph and the emitters (half its warm run time).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  ir: async () => (await import('./ir.js')).registerIr,
  generate: async () => (await import('./generate.js')).registerGenerate,
  openapi: async () => (await import('./openapi.js')).registerOpenApi,
  check: async () => (await import('./check.js')).registerCheck,
  diff: async () => (await import('./diff.js')).registerDiff,
  lint: async () => (await import('./lint.js')).registerLint,
  explain: async () => (await import('./explain.js')).registerExplain,
};

/** The commands `argv` needs: the one it names, or all of them (help, unknown command). */
export async function loadCommands(argv: readonly string[]): Promise<Register[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const load = first === undefined ? undefined : COMMANDS[first];
  if (load && !argv.includes('--help') && !argv.includes('-h')) return [await load()];
  return Promise.all(Object.values(COMMANDS).map((l) => l()));
}
