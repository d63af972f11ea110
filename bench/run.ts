import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIr } from './ir.js';
import { benchOpenApi, formatOpenApiBench } from './openapi.js';
import { benchSdk } from './sdk.js';

/**
 * `npm run bench [-- <part>...]`, parts:
 * - ir: the markdown corpus → IR, cold and warm, vs the stock remark pipeline;
 * - sdk: generating and type-checking the SDK of the whole corpus;
 * - openapi: GitHub's REST API spec, sdkforge vs openapi-typescript, @hey-api/openapi-ts and
 *   openapi-zod-client (several minutes).
 * Each part prints its own table, with ratios against a baseline run in the same command.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const parts: Record<string, () => Promise<string>> = {
  ir: () => benchIr(root),
  sdk: () => benchSdk(root),
  openapi: async () => formatOpenApiBench(await benchOpenApi({ root, log: (line) => process.stderr.write(`${line}\n`) })),
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
