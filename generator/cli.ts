#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { loadCommands } from './commands/index.js';
import { EXIT, type CommandIO } from './commands/io.js';

/**
 * The only place that touches argv, the process streams and exit codes. Commands return an
 * exit code: 0 ok (warnings allowed), 1 the check found something, 2 bad usage or input.
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command('sdkforge')
    .description('Generate a typed TypeScript SDK, zod validators and docs from API reference docs or an OpenAPI spec.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  for (const register of await loadCommands(argv)) register(program, io, (code) => (exit = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw e;
  }
  return exit;
}

/** True when this file is the program (`node dist/generator/cli.js`, or the `sdkforge` bin link). */
function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

const isMain = isMainModule();
if (isMain) {
  // `sdkforge ir ... | head`: a reader that stops early is not an error
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io: CommandIO = {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // input nested beyond what the readers refuse still ends as unusable input, not a crash
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        process.stderr.write('<input>  error  input-too-deep  the input is nested too deeply to process\n');
        process.exitCode = 2;
        return;
      }
      // an internal error is still reported as a diagnostic line, never as a bare stack trace
      process.stderr.write(`<internal>:1:1  error  internal-error  ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
