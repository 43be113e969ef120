// Command ids of the spend tracker, shared by the registrations, the tooltip's links and the
// manifest fragment (the ids are part of the public surface: keybindings and tests use them).
export const SPEND_COMMANDS = {
  showMenu: 'deepseekCost.spend.showMenu',
  resetSession: 'deepseekCost.spend.resetSession',
  openLogSources: 'deepseekCost.spend.openLogSources',
  showReport: 'deepseekCost.spend.showReport',
  setBudget: 'deepseekCost.spend.setBudget',
  addUsageLog: 'deepseekCost.addUsageLog',
} as const;

export type SpendCommandId = (typeof SPEND_COMMANDS)[keyof typeof SPEND_COMMANDS];

/** The status bar item id; VS Code derives the DOM id `<publisher>.<name>.spend` from it. */
export const SPEND_STATUS_ITEM_ID = 'spend';
