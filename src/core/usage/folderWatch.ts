// Change notification for the folders that hold the tailed logs: one fs.watch (inotify on Linux)
// per folder, so an idle tracker costs nothing however many files it follows. Folders that cannot
// be watched, or whose file system does not deliver change events for writes made elsewhere
// (network shares, FUSE mounts, WSL's Windows drives), are reported as such so the caller can
// poll the files in them instead.
import { watch, type FSWatcher } from 'node:fs';
import { statfs } from 'node:fs/promises';

/** What a folder event says: a file's content changed, or names came and went (create, rename, delete). */
export type FolderEvent = { dir: string; kind: 'change' | 'names'; name?: string };

// statfs f_type values of Linux file systems whose inotify events miss writes from other machines.
const REMOTE_FS = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, rclone, …)
  0x01021997, // 9P (WSL2 /mnt/c, VM shares)
  0x00c36400, // Ceph
  0x5346414f, // AFS
]);

export class FolderWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly unwatched = new Set<string>();

  constructor(private readonly onEvent: (e: FolderEvent) => void) {}

  /** Folders in the wanted set that are not being watched (missing, unwatchable or remote). */
  get polled(): ReadonlySet<string> {
    return this.unwatched;
  }

  isWatched(dir: string): boolean {
    return this.watchers.has(dir);
  }

  /** Watches exactly `dirs` from now on: new folders are tried, folders no longer wanted are released. */
  async set(dirs: Set<string>): Promise<void> {
    for (const [dir, w] of this.watchers) {
      if (!dirs.has(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of [...this.unwatched]) if (!dirs.has(dir)) this.unwatched.delete(dir);
    for (const dir of dirs) {
      if (this.watchers.has(dir)) continue;
      if (await watchable(dir)) {
        try {
          const w = watch(dir, { persistent: false }, (type, name) => {
            this.onEvent({ dir, kind: type === 'change' && name ? 'change' : 'names', name: name ? String(name) : undefined });
          });
          w.on('error', () => this.drop(dir));
          this.watchers.set(dir, w);
          this.unwatched.delete(dir);
          continue;
        } catch {
          // Missing, not a folder, or out of inotify watches: polled below.
        }
      }
      this.unwatched.add(dir);
    }
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.unwatched.clear();
  }

  /** A watch that failed (its folder was removed or renamed): poll it until it can be watched again. */
  private drop(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
    this.unwatched.add(dir);
    this.onEvent({ dir, kind: 'names' });
  }
}

async function watchable(dir: string): Promise<boolean> {
  if (process.platform !== 'linux') return true;
  try {
    return !REMOTE_FS.has((await statfs(dir)).type >>> 0);
  } catch {
    return false;
  }
}
