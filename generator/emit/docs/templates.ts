import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/types.js';
import { displayPath } from '../../diagnostics/display-path.js';

/** The docs team's wording and layout pieces: templates/docs/<language>.yaml (templates/README.md). */

const column = z.object({ label: z.string().min(1), width: z.number().int().positive().optional() }).strict();
const snippetClient = z
  .object({
    comment: z.string().default(''),
    options: z.array(z.object({ name: z.string().min(1), value: z.string(), comment: z.string().optional() }).strict()).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict();

export const DocsTemplateSchema = z
  .object({
    banner: z.string().default(''),
    sections: z
      .object({ methodName: z.string(), parameters: z.string(), sampleCode: z.string(), response: z.string(), dataStructures: z.string() })
      .strict(),
    columns: z
      .object({
        name: column,
        type: column,
        required: column,
        default: column,
        // added after the published layout: project templates written before it get this label
        constraints: column.default({ label: 'Constraints' }),
        description: column,
        example: column,
      })
      .strict(),
    yes: z.string(),
    no: z.string(),
    none: z.string(),
    // added after the published layout: project templates written before it show the bare line
    requestLine: z.string().default(''),
    responseType: z.string(),
    sampleResult: z.string(),
    optionalValues: z.string(),
    returns: z.string(),
    noParameters: z.string(),
    index: z.object({ title: z.string(), intro: z.string(), clients: z.string(), methods: z.string(), uncategorized: z.string() }).strict(),
    site: z.object({ lang: z.string(), searchPlaceholder: z.string() }).strict(),
    snippet: z
      .object({
        resultComment: z.string().default(''),
        clients: z.record(z.string(), snippetClient).refine((r) => r.default !== undefined, 'needs a "default" entry'),
      })
      .strict(),
  })
  .strict();

export type DocsTemplate = z.infer<typeof DocsTemplateSchema>;
export type DocsLanguage = 'en' | 'zh';
export type ColumnKey = keyof DocsTemplate['columns'];

export const templateFile = (dir: string, language: DocsLanguage): string => join(dir, 'docs', `${language}.yaml`);

async function readTemplate(file: string): Promise<{ template?: DocsTemplate; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { problem: 'missing' };
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return { problem: `not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  const parsed = DocsTemplateSchema.safeParse(data);
  if (!parsed.success) {
    return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  return { template: parsed.data };
}

/**
 * The template of `language` from the project's templates folder; when it is absent or invalid,
 * sdkforge's own (an invalid one is a diagnostic, so a typo never silently changes the pages).
 */
export async function loadDocsTemplate(templatesDir: string, builtinTemplatesDir: string, language: DocsLanguage): Promise<{ template: DocsTemplate; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const file = templateFile(templatesDir, language);
  const own = await readTemplate(file);
  if (own.template) return { template: own.template, diagnostics };
  if (own.problem !== 'missing') {
    const shown = displayPath(file);
    diagnostics.push({ code: 'docs-template-invalid', severity: 'error', message: `${shown}: ${own.problem}; sdkforge's own template is used`, location: { file: shown, line: 1, column: 1 } });
  }
  const builtin = await readTemplate(templateFile(builtinTemplatesDir, language));
  if (!builtin.template) throw new Error(`sdkforge's own docs template for ${language} is broken: ${builtin.problem}`);
  return { template: builtin.template, diagnostics };
}
