// VS Code asks before a tool opens files, and says which; pure lookups run without asking.
import test from 'node:test';
import assert from 'node:assert/strict';
import { confirmation } from '../../../src/agentTools/confirmation';

test('tools that open files ask first and name what they will read', () => {
  assert.match(confirmation('lintFile', { path: 'src/app.py' }).confirmationMessages!.message, /will read src\/app\.py and report/);
  assert.match(confirmation('lintWorkspace', {}).confirmationMessages!.message, /every source and config file in the workspace \(honouring \.gitignore\)/);
  assert.match(confirmation('lintWorkspace', { paths: ['src', 'config'] }).confirmationMessages!.message, /will read src, config /);
  assert.match(confirmation('estimatePrompt', { file: 'prompts.py' }).confirmationMessages!.message, /will read prompts\.py/);
  const logs = confirmation('spend', { logs: ['~/.claude/projects/**/*.jsonl'] }).confirmationMessages!;
  assert.equal(logs.title, 'Read usage logs?');
  assert.match(logs.message, /~\/\.claude\/projects\/\*\*\/\*\.jsonl.*No API key is read/);
});

test('tools that open nothing new run without a question', () => {
  assert.equal(confirmation('checkModelId', { modelId: 'deepseek-chat' }).confirmationMessages, undefined);
  assert.equal(confirmation('estimatePrompt', { text: 'hello' }).confirmationMessages, undefined);
  // The status bar's own logs were chosen by the user in settings.
  assert.equal(confirmation('spend', {}).confirmationMessages, undefined);
  assert.match(confirmation('checkModelId', { modelId: 'deepseek-chat' }).invocationMessage, /deepseek-chat/);
});

test('malformed input still gets a message (it is shown before validation)', () => {
  assert.match(confirmation('lintFile', null).invocationMessage, /a file/);
  assert.match(confirmation('spend', { logs: 'not-a-list' }).invocationMessage, /spend/);
});
