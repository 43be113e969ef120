// The tool names alone, for the extension's activation: registering a tool must not load zod, the
// catalog or the scanner (they load when a tool is first invoked).
export const AGENT_TOOL_NAMES = {
  checkModelId: 'deepseek-cost_checkModelId',
  lintFile: 'deepseek-cost_lintFile',
  lintWorkspace: 'deepseek-cost_lintWorkspace',
  estimatePrompt: 'deepseek-cost_estimatePrompt',
  spend: 'deepseek-cost_spend',
} as const;

export type AgentToolKey = keyof typeof AGENT_TOOL_NAMES;
