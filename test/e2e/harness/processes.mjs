// Child processes that must never outlive a test run. Each is started as the leader of its own
// process group (setsid), because code-server forks an extension host and a pty host that stay
// alive when only the main pid is killed; stopping signals the whole group.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** @type {Map<number, string>} process-group id → label */
const liveGroups = new Map();
/** @type {Set<() => Promise<void>>} */
const cleanups = new Set();
let handlersInstalled = false;

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort when the process exits without running the async cleanups (uncaught error,
  // process.exit): SIGKILL is the only thing that can still be done synchronously.
  process.on('exit', () => {
    for (const pgid of liveGroups.keys()) {
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\nreceived ${signal}: stopping editor processes…`);
      stopAll().finally(() => process.exit(128 + constants.signals[signal]));
    });
  }
}

/**
 * Starts `command` as a new process-group leader. Output goes to `stdio` (default: inherited fds
 * given by the caller, e.g. a log file's fd).
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function spawnGroup(label, command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${label}: ${command}`);
  const pgid = child.pid;
  liveGroups.set(pgid, label);
  child.once('exit', () => {
    // Members of the group can outlive the leader; forget the group only once all are gone.
    if (!groupAlive(pgid)) liveGroups.delete(pgid);
  });
  return child;
}

/**
 * SIGTERM to the whole group, then SIGKILL if anything is left after `graceMs`.
 * @param {number} pgid
 * @param {number} [graceMs]
 */
export async function stopGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) {
    liveGroups.delete(pgid);
    return;
  }
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* raced with exit */ }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* raced with exit */ }
  }
  liveGroups.delete(pgid);
}

/** Registers an async cleanup (e.g. closing a browser) run by stopAll and on signals. */
export function onCleanup(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

let stoppingAll;

/**
 * Runs registered cleanups, then stops every process group still alive. Concurrent callers share
 * one run and all wait for it; a later call handles whatever was started since.
 */
export function stopAll() {
  stoppingAll ??= (async () => {
    const pending = [...cleanups];
    cleanups.clear();
    await Promise.allSettled(pending.map((fn) => fn()));
    await Promise.allSettled([...liveGroups.keys()].map((pgid) => stopGroup(pgid)));
  })().finally(() => {
    stoppingAll = undefined;
  });
  return stoppingAll;
}
