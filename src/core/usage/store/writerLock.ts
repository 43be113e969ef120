// "One writer at a time" for the spend store, across windows (processes) and worker threads.
// node-sqlite3-wasm's file layer locks a database with a `<db>.lock` folder made by mkdir: atomic
// across processes, but one lock for readers and writers alike, and left behind forever when its
// holder crashes. So the store adds a writer lock of its own: a file created exclusively ('wx'),
// holding the owner's pid and a token, refreshed while held. It is stale when its process is gone
// or it has not been refreshed for STALE_MS; a stale lock is taken over by renaming it away first,
// so two windows that both find it stale cannot both win.
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** A held lock is refreshed this often… */
export const REFRESH_MS = 15_000;
/** …and counts as abandoned after this long without a refresh (a suspended laptop, a hung host). */
export const STALE_MS = 120_000;

interface LockContent {
  pid: number;
  token: string;
  at: number;
}

export class WriterLock {
  private token: string | undefined;
  /** The last acquisition took the lock over from a writer that was gone. */
  tookOver = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly path: string) {}

  get held(): boolean {
    return this.token !== undefined && this.stillOurs();
  }

  /** Takes the lock if it is free or stale; never waits. */
  tryAcquire(now = Date.now()): boolean {
    if (this.token && this.stillOurs()) return true;
    this.token = undefined;
    this.tookOver = false;
    if (this.create(now)) return true;
    if (!isStale(this.path, readLock(this.path), now)) return false;
    // Stale, or unreadable for a while (a crash between create and write). Move it away under a unique name;
    // only one contender's rename succeeds, the others see ENOENT and lose.
    const aside = `${this.path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(this.path, aside);
    } catch {
      return false;
    }
    rmSync(aside, { force: true });
    this.tookOver = this.create(now);
    return this.tookOver;
  }

  release(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.token && this.stillOurs()) rmSync(this.path, { force: true });
    this.token = undefined;
  }

  private create(now: number): boolean {
    const token = randomBytes(8).toString('hex');
    let fd: number;
    try {
      fd = openSync(this.path, 'wx');
    } catch {
      return false;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, token, at: now } satisfies LockContent));
    } finally {
      closeSync(fd);
    }
    this.token = token;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.timer.unref?.();
    return true;
  }

  private refresh(): void {
    if (!this.stillOurs()) {
      clearInterval(this.timer);
      this.token = undefined;
      return;
    }
    const t = new Date();
    try {
      utimesSync(this.path, t, t);
    } catch {
      this.token = undefined;
    }
  }

  private stillOurs(): boolean {
    return readLock(this.path)?.token === this.token;
  }
}

function readLock(path: string): LockContent | undefined {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof v.pid === 'number' && typeof v.token === 'string' ? (v as LockContent) : undefined;
  } catch {
    return undefined;
  }
}

/** Grace for a lock file just created and not yet written by its owner. */
const UNWRITTEN_GRACE_MS = 5_000;

function isStale(path: string, lock: LockContent | undefined, now: number): boolean {
  let refreshed: number;
  try {
    refreshed = statSync(path).mtimeMs;
  } catch {
    return true;
  }
  if (now - refreshed > STALE_MS) return true;
  if (!lock) return now - refreshed > UNWRITTEN_GRACE_MS;
  return !processAlive(lock.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else; only ESRCH says it is gone.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
