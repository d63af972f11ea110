/** Where a command writes: the CLI passes the process streams, tests pass buffers. */
export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (colours allowed). */
  color: boolean;
}

/** Exit codes by meaning (README, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** The check found something: drift, a breaking change, a lint error. */
  found: 1,
  /** Bad usage or unusable input. */
  usage: 2,
} as const;

export function bufferIO(cwd = process.cwd()): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, color: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}
