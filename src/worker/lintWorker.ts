// A worker thread of `deepseek-cost lint`: checks the chunks of files it is given and sends back
// one outcome per file, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from '../cli/lintFile';
import type { LintWorkerData, LintWorkerRequest, LintWorkerReply } from '../cli/lintPool';
import type { FileOutcome } from '../cli/lintFile';
import { useLocale } from '../core/locale';

const data = workerData as LintWorkerData;
useLocale(data.locale);
const { locale: _locale, ...rest } = data;
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
