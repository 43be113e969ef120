import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseSpendSettings } from '../../../src/shared/spendSettings';
import { expandUsageLogPattern } from '../../../src/spend/logPaths';
import { parseBudgetInput } from '../../../src/spend/budgetInput';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

test('defaults: no logs, USD, no budgets, the machine zone', () => {
  const { settings, problems } = parseSpendSettings(from({}), 'Europe/Berlin');
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, {
    usageLogs: [],
    logTimezone: 'Europe/Berlin',
    budgetSession: null,
    budgetDaily: null,
    currency: 'USD',
    resetAtMidnight: false,
  });
});

test('valid values are taken as given', () => {
  const { settings, problems } = parseSpendSettings(
    from({ usageLogs: ['~/a.jsonl', ' /b/*.log '], logTimezone: 'Asia/Shanghai', 'budget.session': 2.5, 'budget.daily': 0, currency: 'CNY', 'session.resetAtMidnight': true }),
    'UTC',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(settings, { usageLogs: ['~/a.jsonl', '/b/*.log'], logTimezone: 'Asia/Shanghai', budgetSession: 2.5, budgetDaily: 0, currency: 'CNY', resetAtMidnight: true });
});

test('each invalid key is reported by name and falls back to its default; the others survive', () => {
  const { settings, problems } = parseSpendSettings(
    from({ logTimezone: 'Mars/Olympus', 'budget.session': -1, 'budget.daily': '5', currency: 'EUR', 'session.resetAtMidnight': 'yes', usageLogs: ['/ok.jsonl'] }),
    'UTC',
  );
  assert.equal(settings.logTimezone, 'UTC');
  assert.equal(settings.budgetSession, null);
  assert.equal(settings.budgetDaily, null);
  assert.equal(settings.currency, 'USD');
  assert.equal(settings.resetAtMidnight, false);
  assert.deepEqual(settings.usageLogs, ['/ok.jsonl']);
  assert.equal(problems.length, 5);
  for (const key of ['logTimezone', 'budget.session', 'budget.daily', 'currency', 'session.resetAtMidnight']) {
    assert.ok(problems.some((p) => p.startsWith(`deepseekCost.${key} `) && p.endsWith('using the default')), `no problem names ${key}: ${problems.join(' | ')}`);
  }
  assert.match(problems.find((p) => p.includes('logTimezone'))!, /IANA name/);
  assert.ok(problems.includes('deepseekCost.budget.session must be 0 or more (or null for no budget); using the default'));
  assert.ok(problems.includes('deepseekCost.budget.daily must be an amount (a number) or null for no budget; using the default'));
  assert.ok(problems.includes('deepseekCost.currency must be "USD" or "CNY"; using the default'));
});

test('a bad usageLogs entry drops only that entry; a non-list drops all with a message', () => {
  const mixed = parseSpendSettings(from({ usageLogs: ['/a.log', 42, '', '/a.log', '/b.log'] }), 'UTC');
  assert.deepEqual(mixed.settings.usageLogs, ['/a.log', '/b.log']);
  assert.deepEqual(mixed.problems, [
    'deepseekCost.usageLogs entry 2 must be a non-empty path or glob pattern; skipped',
    'deepseekCost.usageLogs entry 3 must be a non-empty path or glob pattern; skipped',
  ]);
  const scalar = parseSpendSettings(from({ usageLogs: '/a.log' }), 'UTC');
  assert.deepEqual(scalar.settings.usageLogs, []);
  assert.match(scalar.problems[0], /must be a list/);
});

const posixCtx = { home: '/home/ada', workspaceFolders: [{ name: 'api', fsPath: '/src/api' }, { name: 'web', fsPath: '/src/web' }], pathApi: path.posix };

test('~ and ${userHome} expand to the home folder', () => {
  assert.deepEqual(expandUsageLogPattern('~/.claude/projects/**/*.jsonl', posixCtx).paths, ['/home/ada/.claude/projects/**/*.jsonl']);
  assert.deepEqual(expandUsageLogPattern('${userHome}/logs/a.log', posixCtx).paths, ['/home/ada/logs/a.log']);
  assert.deepEqual(expandUsageLogPattern('/var/log/ccr-*.log', posixCtx), { pattern: '/var/log/ccr-*.log', paths: ['/var/log/ccr-*.log'] });
});

test('${workspaceFolder} yields one path per open folder; a named folder picks one', () => {
  assert.deepEqual(expandUsageLogPattern('${workspaceFolder}/logs/*.jsonl', posixCtx).paths, ['/src/api/logs/*.jsonl', '/src/web/logs/*.jsonl']);
  assert.deepEqual(expandUsageLogPattern('${workspaceFolder:web}/proxy.log', posixCtx).paths, ['/src/web/proxy.log']);
});

test('what cannot be expanded is reported, never guessed', () => {
  const noFolder = expandUsageLogPattern('${workspaceFolder}/a.log', { ...posixCtx, workspaceFolders: [] });
  assert.deepEqual(noFolder.paths, []);
  assert.match(noFolder.problem!, /needs an open workspace folder/);
  assert.match(expandUsageLogPattern('${workspaceFolder:nope}/a.log', posixCtx).problem!, /no open workspace folder is named "nope"/);
  assert.match(expandUsageLogPattern('${env:HOME}/a.log', posixCtx).problem!, /not supported/);
  assert.match(expandUsageLogPattern('logs/a.log', posixCtx).problem!, /not an absolute path/);
  assert.match(expandUsageLogPattern('~bob/a.log', posixCtx).problem!, /only "~\/"/);
});

test('Windows paths are absolute with a drive letter', () => {
  const win = { home: 'C:\\Users\\ada', workspaceFolders: [{ name: 'w', fsPath: 'D:\\w' }], pathApi: path.win32 };
  assert.deepEqual(expandUsageLogPattern('~\\logs\\a.log', win).paths, ['C:\\Users\\ada\\logs\\a.log']);
  assert.deepEqual(expandUsageLogPattern('${workspaceFolder}/a.log', win).paths, ['D:\\w/a.log']);
});

test('budget input: amounts with or without a currency mark, empty clears, the rest is refused', () => {
  assert.deepEqual(parseBudgetInput('5', 'USD'), { kind: 'amount', value: 5 });
  assert.deepEqual(parseBudgetInput(' $0.50 ', 'USD'), { kind: 'amount', value: 0.5 });
  assert.deepEqual(parseBudgetInput('¥1,200', 'CNY'), { kind: 'amount', value: 1200 });
  assert.deepEqual(parseBudgetInput('35 CNY', 'CNY'), { kind: 'amount', value: 35 });
  assert.deepEqual(parseBudgetInput('0', 'USD'), { kind: 'amount', value: 0 });
  assert.deepEqual(parseBudgetInput('', 'USD'), { kind: 'clear' });
  for (const bad of ['-1', 'abc', '1e3', '1.2.3', 'Infinity', '5 EUR']) {
    const r = parseBudgetInput(bad, 'USD');
    assert.equal(r.kind, 'invalid', bad);
  }
  const r = parseBudgetInput('x', 'CNY');
  assert.ok(r.kind === 'invalid' && r.message.includes('CNY'));
});
