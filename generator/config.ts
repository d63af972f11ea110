import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTree, type Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics/types.js';
import type { SourceLocation } from './ir/types.js';
import { DEFAULT_LIMITS } from './ingest/read-input.js';

export const CONFIG_FILE = 'sdkforge.config.json';

const severitySetting = z.enum(['off', 'warn', 'error']);

/** sdkforge.config.json: defaults for every command (README, "Configuration"). */
/** A server as OpenAPI writes it; `variables` by name. */
const ServerSetting = z
  .object({
    url: z.string().min(1),
    description: z.string().optional(),
    variables: z.record(z.string(), z.object({ default: z.string(), enum: z.array(z.string()).optional(), description: z.string().optional() }).strict()).optional(),
  })
  .strict();

/**
 * A security scheme as OpenAPI writes it (`{ type: http, scheme: bearer }`, `{ type: apiKey, in,
 * name }`, …), plus the GenAuth schemes `x-genauth-signature` and `x-genauth-app`.
 */
const SchemeSetting = z
  .object({
    type: z.enum(['http', 'apiKey', 'oauth2', 'openIdConnect', 'x-genauth-signature', 'x-genauth-app']),
    scheme: z.string().optional(),
    bearerFormat: z.string().optional(),
    in: z.enum(['header', 'query', 'cookie']).optional(),
    name: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

/** `[{ schemeName: [scopes] }]`: any one of the requirements; `[]` is no security. */
const SecuritySetting = z.array(z.record(z.string(), z.array(z.string())));

/**
 * What a docs family's pages do not say but every call needs: the default servers, the auth
 * schemes and which client uses which, the response envelope. Facts an input states (a spec's
 * `servers`, `security`) win over the profile's.
 */
export const ProfileSchema = z
  .object({
    servers: z.array(ServerSetting).optional(),
    securitySchemes: z.record(z.string(), SchemeSetting).optional(),
    /** By client class name; `*` is every client the others do not name. */
    security: z.record(z.string(), SecuritySetting).optional(),
    envelope: z
      .object({
        /** The business status field of every response. */
        status: z.string().default('statusCode'),
        /** Its values that mean success; a 2xx response with another one is an error. */
        success: z.array(z.number()).default([200]),
        message: z.string().optional(),
        code: z.string().optional(),
        requestId: z.string().optional(),
        /** Envelope fields every response carries: required in the response types. */
        required: z.array(z.string()).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;

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
        /**
         * Where data structures are documented: `inline` on every method page that reaches them
         * (the published layout of the markdown docs, which reads back to the same IR), `linked`
         * once on their own page under `types/`, method pages showing those their tables name.
         * `auto`: inline for docs input, linked for a spec alone.
         */
        dataStructures: z.enum(['auto', 'inline', 'linked']).default('auto'),
      })
      .prefault({}),
    openapi: z
      .object({
        /** How OpenAPI tags map: each tag a client class, or one client with tags as categories. */
        tagsAs: z.enum(['clients', 'categories']).default('clients'),
        /**
         * Folders (relative to the working directory) that file `$ref`s may read besides the
         * spec's own folder tree; by default a `$ref` may not leave it.
         */
        refRoots: z.array(z.string()).default([]),
      })
      .prefault({}),
    /** Input limits (README, "Security"): raise them for a genuine input that exceeds one. */
    limits: z
      .object({
        maxFileBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxFileBytes),
        yamlAliases: z.number().int().min(0).default(DEFAULT_LIMITS.yamlAliases),
      })
      .prefault({}),
    /** The docs family's profile (README, "Servers, auth and the profile"). */
    profile: ProfileSchema.optional(),
    /** Lint rule → off | warn | error. */
    lint: z.record(z.string(), severitySetting).default({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema> & {
  /**
   * Where each setting is written (`profile.servers.0` → file:line:col), filled by loadConfig:
   * facts the profile adds to the IR carry these as their source.
   */
  locations?: Record<string, SourceLocation>;
};

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
  const config: Config = parsed.data;
  if (config.profile) config.locations = settingLocations(text, file, 'profile');
  return { config, diagnostics: [] };
}

/** file:line:col of every object and array under `key` of the config, by dotted path. */
function settingLocations(text: string, file: string, key: string): Record<string, SourceLocation> {
  const out: Record<string, SourceLocation> = {};
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number): SourceLocation => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { file, line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const walk = (node: Node, path: string): void => {
    out[path] = at(node.offset);
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [name, value] = prop.children ?? [];
        if (name && value && typeof name.value === 'string') walk(value, `${path}.${name.value}`);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, `${path}.${i}`));
    }
  };
  const root = parseTree(text);
  const top = root?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  if (top) walk(top, key);
  return out;
}
