// What VS Code shows while a tool runs, and the question it asks first for a tool that opens files
// (source files or logs). Built from the raw input: it is shown before the input is validated.
import type { AgentToolKey } from './names';

export interface ToolConfirmation {
  invocationMessage: string;
  confirmationMessages?: { title: string; message: string };
}

/** The confirmation VS Code shows before a tool that opens files runs; none for checkModelId. */
export function confirmation(key: AgentToolKey, input: unknown): ToolConfirmation {
  const i = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : '');
  switch (key) {
    case 'checkModelId':
      return { invocationMessage: `Checking DeepSeek model ID ${typeof i.modelId === 'string' ? i.modelId : ''}` };
    case 'lintFile':
      return {
        invocationMessage: `Checking ${String(i.path ?? 'a file')} for DeepSeek model IDs`,
        confirmationMessages: { title: 'Read a file for DeepSeek model IDs?', message: `DeepSeek Cost Lens will read ${String(i.path ?? 'the file')} and report retired or deprecated model IDs. Nothing is sent anywhere.` },
      };
    case 'lintWorkspace': {
      const what = list(i.paths) || 'every source and config file in the workspace (honouring .gitignore)';
      return {
        invocationMessage: 'Checking the workspace for DeepSeek model IDs',
        confirmationMessages: { title: 'Read workspace files for DeepSeek model IDs?', message: `DeepSeek Cost Lens will read ${what} and report retired or deprecated model IDs. Nothing is sent anywhere.` },
      };
    }
    case 'estimatePrompt':
      if (typeof i.file !== 'string') return { invocationMessage: 'Counting DeepSeek tokens and cost' };
      return {
        invocationMessage: `Pricing the prompts in ${i.file}`,
        confirmationMessages: { title: 'Read a file to price its prompts?', message: `DeepSeek Cost Lens will read ${i.file} and count its prompts' tokens. Nothing is sent anywhere.` },
      };
    case 'spend': {
      const logs = list(i.logs);
      if (!logs) return { invocationMessage: 'Reading the session\'s DeepSeek spend' };
      return {
        invocationMessage: 'Totalling DeepSeek spend from usage logs',
        confirmationMessages: { title: 'Read usage logs?', message: `DeepSeek Cost Lens will read ${logs} to total DeepSeek spend. No API key is read and nothing is sent anywhere.` },
      };
    }
  }
}
