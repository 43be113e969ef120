// What VS Code shows while a tool runs, and the question it asks first for a tool that opens files
// (source files or logs). Built from the raw input: it is shown before the input is validated.
import * as l10n from '@vscode/l10n';
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
      return { invocationMessage: l10n.t('Checking DeepSeek model ID {0}', typeof i.modelId === 'string' ? i.modelId : '') };
    case 'lintFile':
      return {
        invocationMessage: i.path === undefined ? l10n.t('Checking a file for DeepSeek model IDs') : l10n.t('Checking {0} for DeepSeek model IDs', String(i.path)),
        confirmationMessages: {
          title: l10n.t('Read a file for DeepSeek model IDs?'),
          message:
            i.path === undefined
              ? l10n.t('DeepSeek Cost Lens will read the file and report retired or deprecated model IDs. Nothing is sent anywhere.')
              : l10n.t('DeepSeek Cost Lens will read {0} and report retired or deprecated model IDs. Nothing is sent anywhere.', String(i.path)),
        },
      };
    case 'lintWorkspace': {
      const what = list(i.paths) || l10n.t('every source and config file in the workspace (honouring .gitignore)');
      return {
        invocationMessage: l10n.t('Checking the workspace for DeepSeek model IDs'),
        confirmationMessages: {
          title: l10n.t('Read workspace files for DeepSeek model IDs?'),
          message: l10n.t('DeepSeek Cost Lens will read {0} and report retired or deprecated model IDs. Nothing is sent anywhere.', what),
        },
      };
    }
    case 'estimatePrompt':
      if (typeof i.file !== 'string') return { invocationMessage: l10n.t('Counting DeepSeek tokens and cost') };
      return {
        invocationMessage: l10n.t('Pricing the prompts in {0}', i.file),
        confirmationMessages: { title: l10n.t('Read a file to price its prompts?'), message: l10n.t("DeepSeek Cost Lens will read {0} and count its prompts' tokens. Nothing is sent anywhere.", i.file) },
      };
    case 'spend': {
      const logs = list(i.logs);
      if (!logs) return { invocationMessage: l10n.t("Reading the session's DeepSeek spend") };
      return {
        invocationMessage: l10n.t('Totalling DeepSeek spend from usage logs'),
        confirmationMessages: { title: l10n.t('Read usage logs?'), message: l10n.t('DeepSeek Cost Lens will read {0} to total DeepSeek spend. No API key is read and nothing is sent anywhere.', logs) },
      };
    }
  }
}
