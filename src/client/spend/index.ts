// Entry point of the spend tracker for activate(). Activation stays cheap: the commands are
// registered at once (VS Code may run one right after activation), while the tracker itself, with
// its settings schema (zod), loads on the next turn of the event loop. The status bar item appears
// when it has loaded.
import * as vscode from 'vscode';
import { SPEND_COMMANDS, type SpendCommandId } from '../../spend/commandIds';
import type { SpendTracker } from './tracker';
import type { TrackedSpend } from '../../agentTools/context';

export { SPEND_COMMANDS, SPEND_STATUS_ITEM_ID } from '../../spend/commandIds';
export { spendMenuShown } from './menuEvents';

export interface SpendTrackerHandle extends vscode.Disposable {
  /** The tracker's state once it has loaded (undefined when it could not start). */
  tracked(): Promise<TrackedSpend | undefined>;
}

export function activateSpendTracker(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, onReading?: () => void): SpendTrackerHandle {
  let tracker: SpendTracker | undefined;
  let disposed = false;
  const ready = new Promise<SpendTracker | undefined>((resolve) => {
    setImmediate(() => {
      import('./tracker')
        .then(({ SpendTracker }) => {
          if (!disposed) tracker = new SpendTracker(context, log, onReading);
          resolve(tracker);
        })
        .catch((error) => {
          log.error(`spend: the spend tracker could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          resolve(undefined);
        });
    });
  });

  const run = (id: SpendCommandId) => async (...args: unknown[]) => {
    const t = await ready;
    if (t) await t.commands[id](...args);
    else void vscode.window.showErrorMessage('DeepSeek Cost Lens: the spend tracker could not start; see the output channel.');
  };
  const registrations = Object.values(SPEND_COMMANDS).map((id) => vscode.commands.registerCommand(id, run(id)));

  return {
    tracked: async () => (await ready)?.tracked(),
    dispose() {
      disposed = true;
      for (const r of registrations) r.dispose();
      tracker?.dispose();
    },
  };
}
