import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allMethods } from '../../../generator/ir/walk.js';
import { CORPUS_ZH, hasCorpus, rel } from '../../helpers/shared.js';
import { buildFrom, cleanup, equalityChecks, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

describe.skipIf(!hasCorpus)('SDK of the whole corpus (../shared/corpus/authing-docs-v3)', () => {
  const dir = tempDir('sdk-corpus');
  afterAll(() => cleanup(dir));

  it('compiles without errors, and every schema matches its interface both ways', async () => {
    const result = await buildFrom([rel(CORPUS_ZH)]);
    const api = result.ingest.api;
    expect(allMethods(api).length).toBeGreaterThan(400);
    expect(api.types.length).toBeGreaterThan(600);
    writeFiles(dir, sdkFiles(result.files));
    const checks = join(dir, 'sdk/type-checks.ts');
    writeFileSync(checks, equalityChecks(api));
    expect(typeCheck(join(dir, 'sdk'), [checks])).toEqual([]);
  }, 180_000);
});
