import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { compareWithDisk } from '../check/drift.js';
import { CONFIG_FILE } from '../config.js';
import { ownedFolder, selectEmitters } from '../emit/index.js';
import { pagesParser } from '../ingest/index.js';
import { updateInPlace } from '../output/update.js';
import { CACHE_DIR, projectTemplatesDir } from '../package-assets.js';
import { build } from '../pipeline.js';
import { runGenerate, type GenerateOptions } from './generate.js';
import { EXIT, type CommandIO } from './io.js';
import { exitFor, reportDiagnostics } from './report.js';
import { previousRelease, runSettings } from './settings.js';

/** Edits that arrive together (an editor's save, a `git checkout`) make one regeneration. */
export const DEBOUNCE_MS = 150;

/**
 * `sdkforge generate --watch`: a full generation, then a regeneration after each change to the
 * inputs, the config or the templates (debounced). Pages are parsed through the page cache, so a
 * run re-parses only the pages whose content changed; only files whose bytes changed are
 * rewritten, in place, so a docs dev server sees each page change as it happens.
 * Runs until `signal` aborts (Ctrl-C for the CLI); returns the exit code of the last run.
 */
export async function runWatch(options: GenerateOptions, io: CommandIO, signal?: AbortSignal): Promise<number> {
  let code = await runGenerate(options, io);
  const settings = await runSettings(options, io, options.format);
  if (!settings) return EXIT.usage;
  const { config, inputs, outDir } = settings;
  const selected = selectEmitters(options.only);
  if (!selected) return code; // runGenerate reported the unknown --only name
  const owned = selected.map(ownedFolder);
  const out = resolve(io.cwd, outDir);
  const ignored = [out, resolve(io.cwd, CACHE_DIR)];
  const targets = [...inputs.map((p) => resolve(io.cwd, p)), resolve(io.cwd, CONFIG_FILE), projectTemplatesDir(io.cwd)];

  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const changed = new Set<string>();
  const regenerate = async (): Promise<void> => {
    const files = [...changed].map((f) => relative(io.cwd, f).split(sep).join('/')).sort();
    changed.clear();
    const started = performance.now();
    // a fresh parser per run (it keeps the texts it read); the page cache on disk keeps the
    // results by content hash, so only the pages whose text changed are parsed again
    const parsePages = pagesParser({ cwd: io.cwd, cache: options.cache !== false });
    parsePages.lastParsed = 0;
    const previous = await previousRelease(io, outDir);
    const result = await build({ config, inputs, cwd: io.cwd, parsePages, previousRelease: previous.previous, emitters: selected });
    const diagnostics = [...previous.diagnostics, ...result.diagnostics];
    let rewritten = 0;
    if (exitFor(diagnostics) !== EXIT.usage) {
      const drift = await compareWithDisk(out, result.files, { owned });
      const byPath = new Map(result.files.map((f) => [f.path, f]));
      const write = [...drift.changed.map((c) => c.path), ...drift.added].map((p) => byPath.get(p)!);
      diagnostics.push(...(await updateInPlace(out, { write, remove: drift.removed })));
      rewritten = write.length + drift.removed.length;
    }
    // each run reports only what is wrong now: errors, and warnings up to the usual limit
    reportDiagnostics(io, diagnostics, { limit: options.maxDiagnostics ?? 20, format: options.format });
    code = exitFor(diagnostics);
    const ms = Math.round(performance.now() - started);
    io.stderr(`${files.join(', ') || 'inputs'} changed: ${parsePages.lastParsed} page(s) re-parsed, ${rewritten} file(s) rewritten in ${outDir} (${ms} ms)\n`);
  };
  const onChange = (file: string): void => {
    if (ignored.some((d) => file === d || file.startsWith(d + sep))) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // one run at a time: a change during a run starts the next one after it
      running = running.then(regenerate).catch((e: unknown) => io.stderr(`<watch>:1:1  error  internal-error  ${(e as Error).message}\n`));
    }, DEBOUNCE_MS);
  };

  const watchers: FSWatcher[] = [];
  for (const target of new Set(targets)) {
    const s = await stat(target).catch(() => undefined);
    if (!s) continue;
    const w = watch(target, { recursive: s.isDirectory() }, (_event, name) => onChange(name && s.isDirectory() ? resolve(target, name.toString()) : target));
    w.on('error', () => undefined);
    watchers.push(w);
  }
  io.stderr(`watching ${inputs.join(', ')} (and ${CONFIG_FILE}, templates/) for changes; Ctrl-C stops\n`);
  await new Promise<void>((done) => {
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', () => done(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  return code;
}
