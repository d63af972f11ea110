import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Diagnostic } from '../../diagnostics/types.js';
import { ingest, type IngestResult } from '../../ingest/index.js';

const run = promisify(execFile);

/** One side of `sdkforge diff`: inputs on disk, or a path as it was in a git revision. */
export type DiffSide = { kind: 'path'; path: string } | { kind: 'git'; rev: string; path: string };

/** `git:<rev>:<path>` (path relative to the working directory) or a plain path. */
export function parseSide(spec: string): DiffSide {
  if (!spec.startsWith('git:')) return { kind: 'path', path: spec };
  const rest = spec.slice('git:'.length);
  // the path is after the last colon: revisions like `main~2` or `v1.0` hold none, paths rarely do
  const cut = rest.lastIndexOf(':');
  if (cut < 0) return { kind: 'git', rev: rest, path: '.' };
  return { kind: 'git', rev: rest.slice(0, cut) || 'HEAD', path: rest.slice(cut + 1) || '.' };
}

export interface LoadedSide {
  ingest: IngestResult;
  /** How the side is named in reports (`docs-input`, `git:HEAD~1:docs-input`). */
  label: string;
}

/**
 * Reads one side into an IR. A git side is materialised with `git archive` into a temporary
 * folder (removed afterwards) and ingested from there, so its diagnostics name the paths as they
 * are in the repository.
 */
export async function loadSide(spec: string, cwd: string): Promise<{ side?: LoadedSide; diagnostics: Diagnostic[] }> {
  const side = parseSide(spec);
  if (side.kind === 'path') {
    // no page cache: the two sides would evict each other's pages from it
    const result = await ingest([side.path], { cwd });
    return { side: { ingest: result, label: spec }, diagnostics: [] };
  }
  const unreadable = (message: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ code: 'diff-revision-unreadable', severity: 'error', message: `${spec}: ${message}`, location: { file: spec, line: 1, column: 1 } }],
  });
  let top: string;
  let inRepo: string;
  try {
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${side.rev}^{commit}`]);
    inRepo = posix.normalize(relative(top, resolve(cwd, side.path)).split('\\').join('/') || '.');
  } catch (e) {
    return unreadable(`not a git revision here (${firstLine(e)})`);
  }
  if (inRepo.startsWith('..')) return unreadable(`${side.path} is outside the repository`);
  const dir = await mkdtemp(join(tmpdir(), 'sdkforge-diff-'));
  try {
    try {
      await materialise(top, side.rev, inRepo, dir);
    } catch (e) {
      return unreadable(`git cannot read ${inRepo} at ${side.rev} (${firstLine(e)})`);
    }
    const result = await ingest([inRepo], { cwd: dir });
    return { side: { ingest: result, label: spec }, diagnostics: [] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `git archive <rev> -- <path> | tar -x`: the tree of one path at one revision, as files. */
async function materialise(repo: string, rev: string, path: string, into: string): Promise<void> {
  const tar = join(into, '.sdkforge-archive.tar');
  await git(repo, ['archive', '--format=tar', `--output=${tar}`, rev, '--', path]);
  await run('tar', ['-xf', tar, '-C', into]);
  await rm(tar);
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const firstLine = (e: unknown): string => String((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n')[0] ?? '';
