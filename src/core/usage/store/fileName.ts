/** The spend history's file name in the extension's global storage (README: "Where the data lives"). */
export const SPEND_HISTORY_FILE = 'spend-history.sqlite';
