import type { Config } from '../config.js';
import type { PackageAssets } from '../package-assets.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Api } from '../ir/types.js';
import type { GeneratedFile } from '../output/files.js';

export interface EmitContext {
  config: Config;
  /** Folder of the docs team's templates (templates/ of this package, or the project's own). */
  templatesDir: string;
  /** sdkforge's own files: the fallback templates and the SDK runtime (see package-assets.ts). */
  assets: PackageAssets;
}

export interface EmitResult {
  /** Paths relative to the output folder (`sdk/src/index.ts`, `docs/index.md`). */
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}

/** An emitter reads only the IR (and the config) and returns files in memory. */
export type Emitter = (api: Api, ctx: EmitContext) => EmitResult | Promise<EmitResult>;
