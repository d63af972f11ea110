import { InvalidArgumentError, Option } from 'commander';

/** Options several commands share, parsed by commander: a bad value is bad usage (exit 2). */

/** `--format <format>` limited to `formats` (commander rejects anything else: exit 2). */
export const formatOption = (formats: readonly string[], what: string, fallback = formats[0]!): Option =>
  new Option('--format <format>', what).choices(formats).default(fallback);

/** `--max-diagnostics <n>`: how many warnings and infos to print one by one (errors: all). */
export const maxDiagnosticsOption = (fallback?: number): Option => {
  const o = new Option('--max-diagnostics <n>', 'print at most n warnings and infos one by one (errors are always all printed)').argParser(wholeNumber);
  return fallback === undefined ? o : o.default(fallback);
};

/** Commander parser of a whole-number option (`--max-diagnostics 20`): anything else is bad usage (exit 2). */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('a whole number of 0 or more');
  return n;
}

/**
 * Commander parser of `--release-date`: `YYYY-MM-DD`, or `today` (the only way a clock gets
 * into the output: UTC date of the run).
 */
export function releaseDate(value: string): string {
  const date = value === 'today' ? new Date().toISOString().slice(0, 10) : value;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) throw new InvalidArgumentError('a date as YYYY-MM-DD, or today');
  return date;
}
