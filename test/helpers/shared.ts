import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root and the shared data beside it (../shared: seeds and corpus). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = join(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS_ZH = join(SHARED, 'corpus', 'authing-docs-v3');
export const CORPUS_EN = join(SHARED, 'corpus', 'genauth-en');
export const DOCS_INPUT = join(ROOT, 'docs-input');

export const hasSeeds = existsSync(SEEDS);
export const hasCorpus = existsSync(CORPUS_ZH) && existsSync(CORPUS_EN);

if (!hasCorpus || !hasSeeds) {
  // Printed once per test file that imports this: the reason those tests are skipped.
  const missing = [!hasSeeds && '../shared/seeds', !hasCorpus && '../shared/corpus'].filter(Boolean).join(' and ');
  console.warn(`[sdkforge tests] ${missing} absent: the tests that read them are skipped`);
}

/** A path as the ingester reports it when run from the repository root. */
export const rel = (abs: string): string => relative(ROOT, abs).split('\\').join('/');
