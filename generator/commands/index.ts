import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerDiff } from './diff.js';
import { registerGenerate } from './generate.js';
import type { CommandIO } from './io.js';
import { registerIr } from './ir.js';
import { registerLint } from './lint.js';
import { registerOpenApi } from './openapi.js';

export type Register = (program: Command, io: CommandIO, setExit: (code: number) => void) => void;

/** Every command of the CLI, in the order `--help` lists them. One module per command. */
export const commands: Register[] = [registerIr, registerGenerate, registerOpenApi, registerCheck, registerDiff, registerLint];
