import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IrSchemas } from '../../../generator/check/lint/zod-schema.js';
import { isFixedLength, PatternJudge } from '../../../generator/ingest/openapi/patterns.js';
import { ingestOpenApiFile } from '../../../generator/ingest/openapi/index.js';
import type { Api, Field, TypeRef } from '../../../generator/ir/types.js';
import { ROOT } from '../../helpers/shared.js';
import { buildFrom, cleanup, compile, sdkFiles, tempDir, writeFiles } from './sdk-harness.js';

/**
 * Validation keywords (issue 11, item 7) from real specs to the IR (with sources), to the
 * emitted zod schemas and to lint's live schemas (one plan, ir/zod-plan.ts, so they agree), and
 * to the docs tables. Patterns are untrusted: only ones shown safe are checked.
 */
const TWILIO = 'test/fixtures/openapi/real/twilio/messages.json';
const OAS30 = 'node_modules/@readme/oas-examples/3.0/json/schema-validation.json';
const OAS31 = 'node_modules/@readme/oas-examples/3.1/json/schema-validation-local.json';

const fieldOf = (api: Api, client: string, method: string, name: string): Field => {
  const m = api.clients.flatMap((c) => c.methods).find((x) => x.client === client && x.id === method)!;
  const body = m.requestBody?.type;
  return m.parameters.find((p) => p.name === name) ?? (body?.kind === 'object' ? body.fields.find((f) => f.name === name)! : undefined)!;
};

const constraintsOf = (t: TypeRef): unknown => ('constraints' in t ? t.constraints : undefined);

describe('constraints reach the IR, with their source', () => {
  it("Twilio's AccountSid: length 34 and its pattern, located at its schema", async () => {
    const r = await ingestOpenApiFile(TWILIO);
    const sid = fieldOf(r.api!, 'Api20100401MessageClient', 'create_message', 'AccountSid');
    expect(sid.type).toMatchObject({ kind: 'string', constraints: { minLength: 34, maxLength: 34, pattern: '^AC[0-9a-fA-F]{32}$' } });
    const c = constraintsOf(sid.type) as { source: { file: string; line: number } };
    expect(c.source.file).toBe(TWILIO);
    expect(r.diagnostics.filter((d) => d.code === 'openapi-pattern-unchecked')).toEqual([]);
  });

  it('exclusive bounds: 3.0 booleans and 3.1 numbers become the same numbers; multipleOf kept', async () => {
    const v30 = await ingestOpenApiFile(OAS30);
    const v31 = await ingestOpenApiFile(OAS31);
    const numbers = (api: Api): TypeRef[] => api.clients.flatMap((c) => c.methods).find((m) => m.http.path === '/anything/numbers')!.parameters.map((p) => p.type);
    const strip = (t: TypeRef): unknown => {
      const { source: _s, ...rest } = (constraintsOf(t) ?? {}) as Record<string, unknown>;
      return rest;
    };
    // 3.0: parameter 2 is `minimum: 10, exclusiveMinimum: true, maximum: 20, exclusiveMaximum: true`
    expect(strip(numbers(v30.api!)[2]!)).toEqual({ exclusiveMinimum: 10, exclusiveMaximum: 20, multipleOf: 2 });
    // 3.1: parameter 2 is `exclusiveMinimum: 10, exclusiveMaximum: 20`
    expect(strip(numbers(v31.api!)[2]!)).toEqual({ exclusiveMinimum: 10, exclusiveMaximum: 20, multipleOf: 2 });
    expect(strip(numbers(v31.api!)[0]!)).toEqual({ minimum: 10, maximum: 20, multipleOf: 2 });
  });
});

describe('patterns are untrusted text', () => {
  it('fixed-length patterns skip the analysis; hostile ones are not checked; the verdict is deterministic', () => {
    expect(isFixedLength('^AC[0-9a-fA-F]{32}$')).toBe(true);
    expect(isFixedLength('^[a-z]{2,5}$')).toBe(false);
    expect(isFixedLength('^a?a?aa$')).toBe(false);
    expect(isFixedLength('^[(|*+?]{3}$')).toBe(true);
    const judge = new PatternJudge();
    expect(judge.uncheckedReason('^(a+)+$')).toBe('backtracking');
    expect(judge.uncheckedReason('^(\\w+\\s?)*$')).toBe('backtracking');
    expect(judge.uncheckedReason('^[a-z]+(-[a-z]+)*$')).toBeUndefined();
    expect(judge.uncheckedReason('(?P<name>x)')).toBe('invalid');
    expect(judge.uncheckedReason('x'.repeat(501) + '+')).toBe('budget');
    expect(new PatternJudge().uncheckedReason('^(a+)+$')).toBe('backtracking');
  });

  it('past the per-spec budget of analyses, patterns are left unchecked', () => {
    const judge = new PatternJudge();
    const verdicts = Array.from({ length: 51 }, (_, i) => judge.uncheckedReason(`^x${i}[a-z]+$`));
    expect(verdicts.slice(0, 50).every((v) => v === undefined)).toBe(true);
    expect(verdicts[50]).toBe('budget');
    // fixed-length patterns need no analysis, so they are still checked
    expect(judge.uncheckedReason('^[0-9]{4}$')).toBeUndefined();
    // and past 10 unsafe verdicts (the slow analyses), the rest are not analysed
    const hostile = new PatternJudge();
    const reasons = Array.from({ length: 11 }, (_, i) => hostile.uncheckedReason(`^(a+)+${"b".repeat(i)}$`));
    expect(reasons).toEqual([...Array(10).fill('backtracking'), 'budget']);
  });
});

describe('the emitted SDK and lint check the same constraints', () => {
  const dir = tempDir('sdk-constraints');
  let hostileSpec: string;
  let sdk: Record<string, Record<string, z.ZodType>>;
  let apis: { twilio: Api; hostile: Api };
  let hostileFiles: Map<string, string>;

  beforeAll(async () => {
    // a spec written as an attacker would: patterns that backtrack, and one that tries to
    // break out of a string literal, a comment and a template
    hostileSpec = join(dir, 'hostile.yaml');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      hostileSpec,
      [
        'openapi: 3.0.3',
        'info: { title: Hostile, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      operationId: listThings',
        '      parameters:',
        '        - { name: slow, in: query, schema: { type: string, pattern: "^(a+)+$" } }',
        '        - { name: quoted, in: query, schema: { type: string, pattern: "^[\'\\"`]\\\\*/\\\\$\\\\{x\\\\}\\n$" } }',
        '        - { name: tags, in: query, schema: { type: array, uniqueItems: true, minItems: 1, maxItems: 3, items: { type: string, format: email } } }',
        '        - { name: count, in: query, schema: { type: integer, minimum: 1, exclusiveMaximum: 10, multipleOf: 3 } }',
        '      responses: { "200": { description: ok } }',
      ].join('\n'),
    );
    const twilio = await buildFrom([TWILIO]);
    const hostile = await buildFrom([relative(ROOT, hostileSpec)]);
    apis = { twilio: twilio.ingest.api, hostile: hostile.ingest.api };
    hostileFiles = new Map(hostile.files.map((f) => [f.path, f.contents]));
    writeFiles(join(dir, 'twilio'), sdkFiles(twilio.files));
    writeFiles(join(dir, 'hostile'), sdkFiles(hostile.files));
    expect(compile(join(dir, 'twilio/sdk'))).toEqual([]);
    expect(compile(join(dir, 'hostile/sdk'))).toEqual([]);
    const load = async (path: string): Promise<Record<string, z.ZodType>> => (await import(pathToFileURL(join(dir, path)).href)) as Record<string, z.ZodType>;
    sdk = {
      twilio: await load('twilio/sdk/dist/clients/api20100401-message-client.params.js'),
      hostile: await load('hostile/sdk/dist/clients/hostile-client.params.js'),
    };
  }, 120_000);
  afterAll(() => cleanup(dir));

  /** The params schema of a method as the SDK emits it, and as lint builds it from the IR. */
  function both(api: Api, module: Record<string, z.ZodType>, schema: string, methodId: string): [z.ZodType, z.ZodType] {
    const m = api.clients.flatMap((c) => c.methods).find((x) => x.id === methodId)!;
    const lint = new IrSchemas(api).of({ kind: 'object', fields: m.parameters.map((p) => ({ ...p })) });
    return [module[schema]!, lint];
  }

  it("Twilio's AccountSid: `.length(34)` plus its pattern, in the SDK and in lint", () => {
    const source = readEmitted(dir, 'twilio/sdk/src/clients/api20100401-message-client.params.ts');
    expect(source).toContain("AccountSid: z.string().length(34).regex(new RegExp('^AC[0-9a-fA-F]{32}$'))");
    const [emitted, lint] = both(apis.twilio, sdk.twilio!, 'FetchMessageParamsSchema', 'fetch_message');
    const good = { AccountSid: `AC${'0123456789abcdef'.repeat(2)}`, Sid: `SM${'0123456789abcdef'.repeat(2)}` };
    const probes = [good, { ...good, AccountSid: 'AC123' }, { ...good, AccountSid: `XX${'0'.repeat(32)}` }, { ...good, AccountSid: `AC${'g'.repeat(32)}` }];
    const verdicts = probes.map((p) => [emitted.safeParse(p).success, lint.safeParse(p).success]);
    expect(verdicts).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it('a hostile spec: the backtracking pattern is not checked, the quoted one is a plain string literal that works', () => {
    const source = readEmitted(dir, 'hostile/sdk/src/clients/hostile-client.params.ts');
    expect(source).not.toContain('(a+)+');
    expect(apis.hostile.clients[0]!.methods[0]!.parameters[0]!.type).toMatchObject({ constraints: { pattern: '^(a+)+$', patternUnchecked: 'backtracking' } });
    const [emitted, lint] = both(apis.hostile, sdk.hostile!, 'ListThingsParamsSchema', 'list_things');
    const probes: [unknown, boolean][] = [
      [{ slow: `${'a'.repeat(40)}!` }, true],
      [{ quoted: '"*/${x}\n' }, true],
      [{ quoted: 'x*/${x}\n' }, false],
      [{ tags: ['a@example.com', 'b@example.com'] }, true],
      [{ tags: ['a@example.com', 'a@example.com'] }, false],
      [{ tags: [] }, false],
      [{ tags: ['not an email'] }, false],
      [{ count: 9 }, true],
      [{ count: 10 }, false],
      [{ count: 0 }, false],
      [{ count: 4 }, false],
    ];
    for (const [value, ok] of probes) {
      expect([JSON.stringify(value), emitted.safeParse(value).success]).toEqual([JSON.stringify(value), ok]);
      expect([JSON.stringify(value), lint.safeParse(value).success]).toEqual([JSON.stringify(value), ok]);
    }
  });

  it('the docs tables show the constraints, and mark the unchecked pattern', () => {
    const page = [...hostileFiles.entries()].find(([path]) => path.endsWith('list-things.md'))![1];
    expect(page).toMatch(/\| Constraints +\|/);
    expect(page).toContain('pattern `^(a+)+$` (not checked)');
    expect(page).toContain('items 1–3; unique items; each item: format: email');
    expect(page).toContain('≥ 1; < 10; multiple of 3');
  });
});

function readEmitted(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}
