// Activation time for the benchmarks (test-output/activation.json). When the suite starts before
// any activation event has fired, the time of our own ext.activate() call is measured; the
// extension also reports how long its activate() took (exports.activatedInMs), which holds
// either way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './suite/helpers';

export interface ActivationRecord {
  extensionId: string;
  alreadyActive: boolean;
  activateCallMs: number | null;
  activatedInMs: number | null;
  vscodeVersion: string;
  appHost: string;
  recordedAt: string;
}

export async function recordActivation(): Promise<ActivationRecord> {
  const extension = vscode.extensions.getExtension<{ activatedInMs?: number }>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  const alreadyActive = extension.isActive;
  const began = performance.now();
  const exports = await extension.activate();
  const activateCallMs = alreadyActive ? null : performance.now() - began;
  const record: ActivationRecord = {
    extensionId: EXTENSION_ID,
    alreadyActive,
    activateCallMs,
    activatedInMs: typeof exports?.activatedInMs === 'number' ? exports.activatedInMs : null,
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    recordedAt: new Date().toISOString(),
  };
  const outDir = path.join(extension.extensionPath, 'test-output');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'activation.json'), JSON.stringify(record, null, 2) + '\n');
  console.log(`activation: ${JSON.stringify(record)}`);
  return record;
}
