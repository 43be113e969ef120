// A context like a host builds one: the shipped catalog, default settings, a fixed clock.
import type { AgentToolContext } from '../../../src/agentTools/context';
import { shippedCatalogData } from '../../../src/catalog/load';
import { defaultLintSettings, type LintSettings } from '../../../src/shared/settings';

export function context(root: string, at: string, overrides: Omit<Partial<AgentToolContext>, 'settings'> & { settings?: Partial<LintSettings> } = {}): AgentToolContext {
  const { settings, ...rest } = overrides;
  return {
    catalog: shippedCatalogData(),
    settings: { ...defaultLintSettings, ...settings },
    root,
    workspaceRoots: [root],
    zone: 'UTC',
    now: () => new Date(at),
    defaultSpend: { kind: 'logs', patterns: [] },
    ...rest,
  };
}

/** Files with retired, deprecated, legacy and current IDs, plus prompts, in several languages. */
export const PROJECT: Record<string, string> = {
  'app.py': [
    'from openai import OpenAI',
    'client = OpenAI(base_url="https://api.deepseek.com")',
    'SYSTEM = "You are a careful assistant. Summarise the invoice below in two lines and name the customer."',
    'r = client.chat.completions.create(model="deepseek-chat", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Invoice 42: two books, wrong edition."}], max_tokens=512)',
    'r2 = client.chat.completions.create(model="deepseek-v4-pro", messages=[{"role": "user", "content": "Name three risks of this database migration."}])',
    '',
  ].join('\n'),
  'src/llm.ts': [
    "const a = await client.chat.completions.create({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'Plan the migration step by step.' }] });",
    "const b = { model: 'deepseek/deepseek-v4-flash' }; // legacy name after 2026-09-10",
    "const c = { model: 'deepseek-v4-pro' };",
    '',
  ].join('\n'),
  'config.yaml': 'llm:\n  model: deepseek-coder\n',
  'ignored/old.py': 'model = "deepseek-chat"\n',
  '.gitignore': 'ignored/\n',
  'notes.md': 'We used to call deepseek-chat; see the changelog.\n',
};
