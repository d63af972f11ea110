#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.js';
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
  for (const register of commands) register(program, io, (code) => (exit = code));
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

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
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
      // an internal error is still reported as a diagnostic line, never as a bare stack trace
      process.stderr.write(`<internal>:1:1  error  internal-error  ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
