import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics/types.js';

export const CONFIG_FILE = 'sdkforge.config.json';

const severitySetting = z.enum(['off', 'warn', 'error']);

/** sdkforge.config.json: defaults for every command (README, "Configuration"). */
export const ConfigSchema = z
  .object({
    /** Inputs: docs folders/pages and/or OpenAPI files. */
    inputs: z.array(z.string()).default(['docs-input']),
    /** Output folder: `<out>/sdk` is the SDK package, `<out>/docs` the docs pages. */
    out: z.string().default('generated'),
    sdk: z
      .object({
        packageName: z.string().default('generated-sdk'),
        version: z.string().default('0.1.0'),
        description: z.string().optional(),
      })
      .prefault({}),
    docs: z
      .object({
        /** Language of headings and table headers: follow the input, or force one. */
        language: z.enum(['auto', 'en', 'zh']).default('auto'),
        title: z.string().optional(),
        /**
         * The docs root: the folder `!!!include(path)!!!` paths are relative to. Default: found by
         * walking up from each page to the input folder; includes never leave the root.
         */
        root: z.string().min(1).optional(),
      })
      .prefault({}),
    openapi: z
      .object({
        /** How OpenAPI tags map: each tag a client class, or one client with tags as categories. */
        tagsAs: z.enum(['clients', 'categories']).default('clients'),
      })
      .prefault({}),
    /** Lint rule → off | warn | error. */
    lint: z.record(z.string(), severitySetting).default({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** Reads `<cwd>/sdkforge.config.json` (absent → all defaults). Problems are diagnostics. */
export async function loadConfig(cwd: string, file = CONFIG_FILE): Promise<{ config: Config; diagnostics: Diagnostic[] }> {
  let text: string | undefined;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch {
    return { config: ConfigSchema.parse({}), diagnostics: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      config: ConfigSchema.parse({}),
      diagnostics: [{ code: 'config-invalid', severity: 'error', message: `${file} is not valid JSON: ${(e as Error).message}`, location: { file, line: 1, column: 1 } }],
    };
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    return {
      config: ConfigSchema.parse({}),
      diagnostics: parsed.error.issues.map((i) => ({
        code: 'config-invalid',
        severity: 'error' as const,
        message: `${i.path.join('.') || '(root)'}: ${i.message}`,
        location: { file, line: 1, column: 1 },
      })),
    };
  }
  return { config: parsed.data, diagnostics: [] };
}
