import type { CodeInfo } from './codes/entry.js';
import { checkCodes } from './codes/check.js';
import { docsCodes } from './codes/docs.js';
import { emitCodes } from './codes/emit.js';
import { generalCodes } from './codes/general.js';
import { irCodes } from './codes/ir.js';
import { markdownCodes } from './codes/markdown.js';
import { openapiCodes } from './codes/openapi.js';
import { pageCodes } from './codes/pages.js';
import { releaseCodes } from './codes/release.js';

/**
 * Every diagnostic code sdkforge can report, with its default severity, cause and fix.
 * One file per area under codes/; a test checks that every code reported is explained here.
 */
export const catalog = {
  ...generalCodes,
  ...markdownCodes,
  ...pageCodes,
  ...irCodes,
  ...emitCodes,
  ...openapiCodes,
  ...docsCodes,
  ...checkCodes,
  ...releaseCodes,
} satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof catalog;
export type { CodeInfo };
