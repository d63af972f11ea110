import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { packageAssets } from '../../generator/package-assets.js';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { IrSchemas } from '../../generator/check/lint/zod-schema.js';
import { ConfigSchema } from '../../generator/config.js';
import { sdkNames } from '../../generator/emit/sdk/names.js';
import { readRuntime } from '../../generator/emit/sdk/runtime-files.js';
import type { Api, JsonValue } from '../../generator/ir/types.js';
import { allMethods } from '../../generator/ir/walk.js';
import { build } from '../../generator/pipeline.js';
import { CORPUS_ZH, DOCS_INPUT, ROOT, hasCorpus } from '../helpers/shared.js';

/**
 * lint validates samples with zod schemas it builds from the IR at run time; the SDK validates
 * responses with the schemas it emits as source. Both must accept and reject the same values,
 * or lint would flag samples the SDK takes (or miss ones it rejects). This generates the SDK
 * with the real pipeline, imports its schema modules, and runs both on the same values.
 */
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function emittedSdk(input: string): Promise<{ api: Api; dir: string }> {
  const cwd = ROOT;
  const result = await build({ config: ConfigSchema.parse({}), inputs: [relative(cwd, input)], cwd, cache: false });
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-agree-'));
  temps.push(dir);
  for (const f of result.files) {
    if (!f.path.startsWith('sdk/')) continue;
    mkdirSync(join(dir, f.path, '..'), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  // the generated modules import zod: the same instance as ours, from this repository
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { api: result.ingest.api, dir };
}

/** The sample, and the sample spoiled in the ways docs go wrong: wrong shapes, wrong kinds, nulls. */
function probes(sample: JsonValue): unknown[] {
  const out: unknown[] = [sample, [], null, 'x'];
  if (sample && typeof sample === 'object' && !Array.isArray(sample)) {
    for (const [k, v] of Object.entries(sample)) {
      for (const bad of [12345, 'x', true, [], {}, null]) out.push({ ...sample, [k]: bad });
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k2] of Object.entries(v)) for (const bad of [7, 'x', false, [{}], null]) out.push({ ...sample, [k]: { ...v, [k2]: bad } });
        out.push({ ...sample, [k]: [v] });
      }
      if (Array.isArray(v) && v[0] !== undefined) out.push({ ...sample, [k]: v[0] });
    }
  }
  return out;
}

async function agreement(input: string): Promise<{ checked: number; rejected: number; disagreements: string[] }> {
  const { api, dir } = await emittedSdk(input);
  const names = sdkNames(api, readRuntime(packageAssets().runtimeDir)!.exports);
  const mine = new IrSchemas(api);
  let checked = 0;
  let rejected = 0;
  const disagreements: string[] = [];
  for (const m of allMethods(api)) {
    if (m.response.sample === undefined || m.response.type.kind !== 'ref') continue;
    const n = names.types.get(m.response.type.name);
    if (!n) continue;
    const mod = (await import(pathToFileURL(join(dir, 'sdk/src/models', `${n.file}.ts`)).href)) as Record<string, z.ZodType>;
    const theirs = mod[n.schema]!;
    const ours = mine.of(m.response.type);
    for (const value of probes(m.response.sample)) {
      const a = ours.safeParse(value).success;
      const b = theirs.safeParse(value).success;
      checked++;
      if (!b) rejected++;
      if (a !== b) disagreements.push(`${m.response.type.name}: lint ${a ? 'accepts' : 'rejects'}, SDK ${b ? 'accepts' : 'rejects'} ${JSON.stringify(value).slice(0, 120)}`);
    }
  }
  return { checked, rejected, disagreements };
}

describe('lint schemas agree with the emitted SDK schemas', () => {
  it('on docs-input', async () => {
    const r = await agreement(DOCS_INPUT);
    expect(r.disagreements).toEqual([]);
    expect(r.checked).toBeGreaterThan(50);
    // the probes really exercise rejection, or agreement would be trivial
    expect(r.rejected).toBeGreaterThan(r.checked / 4);
  });

  it.skipIf(!hasCorpus)('on every response sample of the corpus', { timeout: 240_000 }, async () => {
    const r = await agreement(CORPUS_ZH);
    expect(r.disagreements.slice(0, 10)).toEqual([]);
    expect(r.checked).toBeGreaterThan(5000);
    expect(r.rejected).toBeGreaterThan(r.checked / 4);
  });
});
