// Command ids of the spend tracker, shared by the registrations, the tooltip's links and the
// manifest fragment. They are part of the client/server contract, so they live in shared/protocol.
import { SPEND_COMMANDS } from '../shared/protocol';

export { SPEND_COMMANDS };

export type SpendCommandId = (typeof SPEND_COMMANDS)[keyof typeof SPEND_COMMANDS];

/** The status bar item id; VS Code derives the DOM id `<publisher>.<name>.spend` from it. */
export const SPEND_STATUS_ITEM_ID = 'spend';
