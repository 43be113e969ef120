// Fired when the spend menu is on screen, with its item labels in order: the extension's API hands
// it out so the integration tests wait on the menu itself instead of polling the command.
import * as vscode from 'vscode';

export const spendMenuShown = new vscode.EventEmitter<readonly string[]>();
