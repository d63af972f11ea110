import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files sdkforge ships beside its code: its own templates and the SDK runtime sources. Resolved
 * here, below every layer that needs them, and handed to the emitters through their context, so
 * an emitter never has to know where the package is installed.
 */

/** Root of the sdkforge package (where package.json and templates/ are), from source or dist. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('sdkforge package root not found');
    dir = up;
  }
  return dir;
}

export interface PackageAssets {
  /** sdkforge's own templates (the fallback of a project without a templates/ folder). */
  templatesDir: string;
  /** The SDK runtime, copied verbatim into every generated SDK. */
  runtimeDir: string;
  /** sdkforge's own code, hashed by caches that must change when sdkforge changes. */
  generatorDir: string;
}

export function packageAssets(): PackageAssets {
  const root = packageRoot();
  return { templatesDir: join(root, 'templates'), runtimeDir: join(root, 'generator/emit/sdk/runtime'), generatorDir: join(root, 'generator') };
}

/** The project's templates folder when it has one, else sdkforge's own. */
export function projectTemplatesDir(cwd: string): string {
  const own = join(cwd, 'templates');
  return existsSync(own) ? own : packageAssets().templatesDir;
}

/** Folder of sdkforge's caches inside a project (page results, assembled IR, output hashes). */
export const CACHE_DIR = '.sdkforge-cache';
