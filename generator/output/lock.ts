import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One run at a time per output folder: `<out>/.sdkforge.lock`, created exclusively, holding the
 * pid and host of the run. A second run waits for it (up to `waitMs`), then fails with the
 * holder's pid. A lock left by a run that died (its pid is gone on this host) is taken over.
 */
export const LOCK_FILE = '.sdkforge.lock';

export type LockResult = { ok: true; release: () => void } | { ok: false; holder: string };

interface Holder {
  pid: number;
  host: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** How old an unreadable lock file must be before it counts as a dead run's. */
export const UNREADABLE_STALE_MS = 10_000;

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

/** `onWait`: called once when the lock is held by another run and this one starts waiting. */
export async function acquireLock(outReal: string, waitMs: number, onWait: () => void = () => undefined): Promise<LockResult> {
  const path = join(outReal, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    if (tryCreate(path)) {
      return {
        ok: true,
        release: () => {
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    }
    const holder = readHolder(path);
    // a lock whose run died on this host (kill -9, power cut) is stale: take it over; so is one
    // left unreadable (a run killed between creating it and writing its pid) for a while
    if ((holder && holder.host === hostname() && !alive(holder.pid)) || (!holder && ageMs(path) > UNREADABLE_STALE_MS)) {
      try {
        unlinkSync(path);
      } catch {
        // another run removed it first
      }
      continue;
    }
    if (Date.now() >= deadline) {
      return { ok: false, holder: holder ? `pid ${holder.pid} on ${holder.host}` : 'a run that left an unreadable lock file' };
    }
    if (!waiting) onWait();
    waiting = true;
    await sleep(100);
  }
}
