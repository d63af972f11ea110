import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../generator/config.js';
import { allMethods } from '../../../generator/ir/walk.js';
import { CORPUS_ZH, hasCorpus, rel, ROOT } from '../../helpers/shared.js';
import { snippetFiles } from '../docs/snippet-files.js';
import { buildFrom, cleanup, equalityChecks, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

/**
 * The SDK of the whole corpus, and the sample code of its docs pages, in one program (one build
 * and one type-check of the corpus's SDK per run): the SDK compiles under its own options, every
 * schema matches its interface both ways, and every ```ts block of the pages compiles against
 * the SDK by its package name (tsconfig `paths` to the emitted sdk/src).
 */
describe.skipIf(!hasCorpus)('SDK of the whole corpus (../shared/corpus/authing-docs-v3)', () => {
  const dir = tempDir('sdk-corpus');
  afterAll(() => cleanup(dir));

  it('compiles without errors, every schema matches its interface both ways, and every snippet of the pages compiles', async () => {
    const result = await buildFrom([rel(CORPUS_ZH)]);
    const api = result.ingest.api;
    expect(allMethods(api).length).toBeGreaterThan(400);
    expect(api.types.length).toBeGreaterThan(600);
    const snippets = snippetFiles(result.files, 'sdk/snippets');
    expect(snippets.length).toBeGreaterThan(400);
    writeFiles(dir, [...sdkFiles(result.files), ...snippets]);
    const checks = join(dir, 'sdk/type-checks.ts');
    writeFileSync(checks, equalityChecks(api));
    const { config } = await loadConfig(ROOT);
    const sdk = join(dir, 'sdk');
    const errors = typeCheck(sdk, [checks, ...snippets.map((s) => join(dir, s.path))], { paths: { [config.sdk.packageName]: [join(sdk, 'src/index.ts')] } });
    expect(errors.slice(0, 20)).toEqual([]);
  }, 300_000);
});
