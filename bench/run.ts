import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIr } from './ir.js';

/**
 * `npm run bench [-- <part>...]`: parts are ir (markdown corpus → IR), and the parts other
 * modules of bench/ add. Each part prints its own table, with ratios against a baseline run in
 * the same command.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parts: Record<string, () => Promise<string>> = {
  ir: () => benchIr(root),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = wanted.length > 0 ? wanted : Object.keys(parts);
for (const name of selected) {
  const part = parts[name];
  if (!part) {
    process.stderr.write(`unknown bench part "${name}"; parts: ${Object.keys(parts).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`${await part()}\n\n`);
}
