// A worker thread of `deepseek-cost lint`. Two jobs: check the chunks of files it is given and send
// back one outcome per file, in order (mode 'files'); or walk its share of the trees, read every
// file and search its bytes, and send back only what is worth the caller's attention: files that
// may name a model (checked by the caller, which parses them), files left out or unreadable, and
// how many were clean (mode 'walk').
import { parentPort, workerData } from 'node:worker_threads';
import { CLEAN, lintFile, screenFile } from '../cli/lintFile';
import type { LintWorkerData, LintWorkerRequest, LintWorkerReply, WalkWorkerData, WalkWorkerReply } from '../cli/lintPool';
import type { FileOutcome } from '../cli/lintFile';
import { walkShare } from '../cli/walk';
import { isServedFile } from '../cli/sourceFiles';
import { loadIgnoreFile } from '../cli/ignoreFile';
import { useLocale } from '../core/locale';

const data = workerData as LintWorkerData | WalkWorkerData;
useLocale(data.locale);

if (data.mode === 'walk') void walk(data);
else {
  const { locale: _locale, mode: _mode, ...rest } = data;
  const ctx = { ...rest, at: new Date(data.at) };
  parentPort?.on('message', async ({ chunk, files }: LintWorkerRequest) => {
    let reply: LintWorkerReply;
    try {
      const outcomes: FileOutcome[] = [];
      for (const f of files) outcomes.push(await lintFile(f, ctx));
      reply = { chunk, outcomes };
    } catch (err) {
      reply = { chunk, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    parentPort!.postMessage(reply);
  });
}

/** Files to check are sent in small batches, so the caller parses them while the walk goes on. */
const BATCH = 16;

async function walk(w: WalkWorkerData): Promise<void> {
  const post = (m: WalkWorkerReply) => parentPort!.postMessage(m);
  try {
    const ignore = await loadIgnoreFile(w.cwd);
    let clean = 0;
    let check: string[] = [];
    const notable: [string, FileOutcome][] = [];
    const problems = await walkShare(w.dirs, w.me, w.threads, isServedFile, (file) => {
      if (ignore?.ignores(file)) return;
      const outcome = screenFile(file, w.maxFileSizeKB, w.byteSearch);
      if (outcome === CLEAN) clean++;
      else if (outcome === 'check') {
        check.push(file);
        if (check.length >= BATCH) {
          post({ kind: 'check', files: check });
          check = [];
        }
      } else notable.push([file, outcome]);
    });
    if (check.length) post({ kind: 'check', files: check });
    post({ kind: 'done', clean, notable, problems });
  } catch (err) {
    post({ kind: 'error', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
