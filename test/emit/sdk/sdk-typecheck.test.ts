import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFrom, cleanup, equalityChecks, sdkFiles, tempDir, typeCheck, writeFiles } from './sdk-harness.js';

describe('the emitted SDK type-checks (TypeScript 5.9, strict)', async () => {
  const result = await buildFrom(['docs-input'], ['sdk']);
  const dir = tempDir('sdk-typecheck');
  writeFiles(dir, sdkFiles(result.files));
  const sdkDir = join(dir, 'sdk');
  afterAll(() => cleanup(dir));

  it('docs-input: no compiler error', () => {
    expect(typeCheck(sdkDir)).toEqual([]);
  }, 60_000);

  it('z.infer of every DTO schema and the DTO interface are the same type, both ways; params via z.input', () => {
    const checks = join(sdkDir, 'type-checks.ts');
    writeFileSync(checks, equalityChecks(result.ingest.api));
    expect(result.ingest.api.types.length).toBe(9);
    expect(typeCheck(sdkDir, [checks])).toEqual([]);
  }, 60_000);

  it('the equality check fails when a schema and its interface disagree', () => {
    const checks = join(sdkDir, 'type-checks.ts');
    writeFileSync(checks, equalityChecks(result.ingest.api));
    const model = join(sdkDir, 'src/models/user-mfa-single-resp-dto.ts');
    const original = readFileSync(model, 'utf8');
    writeFileSync(model, original.replace("message: z.string()", 'message: z.number()'));
    try {
      const errors = typeCheck(sdkDir, [checks]);
      expect(errors.length).toBe(1);
      expect(errors[0]).toMatch(/type-checks\.ts/);
    } finally {
      writeFileSync(model, original);
    }
  }, 60_000);
});
