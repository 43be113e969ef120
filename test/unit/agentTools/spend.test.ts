// The spend tool totals exactly as `deepseek-cost spend` and the status bar do: same tailer,
// parsers, ledger and catalog.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { copyFileSync } from 'node:fs';
import { runAgentTool } from '../../../src/agentTools/run';
import { renderSpend } from '../../../src/agentTools/spend';
import { shippedCatalogData } from '../../../src/catalog/load';
import { formatMoney } from '../../../src/core/money';
import { UsageFollower } from '../../../src/core/usage/usageFollower';
import { runSpend } from '../../../src/cli/spend';
import { makeTree } from '../cli/helpers';
import { context } from './helpers';

const LOG = path.resolve(__dirname, '../../e2e/fixtures/proxy-usage.jsonl');
const NOW = '2026-07-15T18:00:00Z';

async function cliSpend(args: string[], cwd: string) {
  let stdout = '';
  const code = await runSpend([...args, '--format', 'json', '--tz', 'UTC'], { stdout: (s) => (stdout += s), stderr: () => {}, cwd });
  return { code, report: JSON.parse(stdout) };
}

test('spend with logs: session and today totals equal `deepseek-cost spend`, with the catalog date', async () => {
  const { dir, cleanup } = makeTree({});
  try {
    copyFileSync(LOG, path.join(dir, 'proxy.jsonl'));
    const { report } = await cliSpend(['proxy.jsonl', '--since', '2026-07-15T00:00:00Z'], dir);
    assert.ok(report.requests > 1 && report.total > 0, JSON.stringify(report));
    const r = await runAgentTool('spend', { logs: ['proxy.jsonl'] }, context(dir, NOW));
    assert.equal(r.isError, false, r.text);
    assert.match(r.text, /^DeepSeek spend in USD as of 2026-07-15 18:00 UTC; each request priced from its tokens at its completion time with the catalog of 2026-12-01\./);
    const rate = `${(report.cacheHitRate * 100).toFixed(1)}%`;
    assert.ok(r.text.includes(`Session (since 2026-07-15 00:00 UTC): ${formatMoney(report.total, 'USD')} over ${report.requests} requests, cache hit rate ${rate}.`), r.text);
    assert.ok(r.text.includes(`Today (2026-07-15, UTC): ${formatMoney(report.total, 'USD')} over ${report.requests} requests`), r.text);
    for (const [model, m] of Object.entries(report.byModel) as [string, { cost: number }][]) {
      assert.ok(r.text.includes(`"${model}": ${formatMoney(m.cost, 'USD')}`), `${model} missing in\n${r.text}`);
    }
    assert.match(r.text, /Log .*proxy\.jsonl: read\./);
  } finally {
    cleanup();
  }
});

test('spend: since moves the session start; CNY totals in CNY; the MCP server\'s --usage-log list is the default', async () => {
  const { dir, cleanup } = makeTree({});
  try {
    copyFileSync(LOG, path.join(dir, 'proxy.jsonl'));
    const { report } = await cliSpend(['proxy.jsonl', '--since', '2026-07-15T09:02:00Z', '--currency', 'CNY'], dir);
    const ctx = context(dir, NOW, { defaultSpend: { kind: 'logs', patterns: ['proxy.jsonl'] } });
    const r = await runAgentTool('spend', { since: '2026-07-15T09:02:00Z', currency: 'CNY' }, ctx);
    assert.ok(r.text.includes(`Session (since 2026-07-15 09:02 UTC): ${formatMoney(report.total, 'CNY')} over ${report.requests} request`), r.text);
  } finally {
    cleanup();
  }
});

test('spend: no logs anywhere, or none readable, is an error that says what to give', async () => {
  const none = await runAgentTool('spend', {}, context('/', NOW));
  assert.equal(none.isError, true);
  assert.match(none.text, /give "logs"/);
  const missing = await runAgentTool('spend', { logs: ['/nonexistent/dir/x.jsonl'] }, context('/', NOW));
  assert.equal(missing.isError, true);
  assert.match(missing.text, /Log \/nonexistent\/dir\/x\.jsonl: /);
});

test('spend in the editor reports the tracker: unconfigured, still reading, or its snapshot; since/currency need logs', async () => {
  const tracker = new UsageFollower({ patterns: [LOG], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', sessionStart: Date.parse('2026-07-15T00:00:00Z') });
  await tracker.tailer.check();
  const snapshot = tracker.snapshot(Date.parse(NOW));
  tracker.stop();
  const states = [
    [{ configured: false, initialReadDone: false, problems: [] }, /No usage log is configured \(deepseekCost\.usageLogs\)/],
    [{ configured: true, initialReadDone: false, problems: [] }, /still reading the usage logs/],
    [{ configured: true, initialReadDone: false, snapshot, problems: [] }, /still being read from their start: these totals are still climbing/],
    [{ configured: true, initialReadDone: true, snapshot, problems: ['deepseekCost.budget.daily: expected number'] }, /Settings problem: deepseekCost\.budget\.daily/],
  ] as const;
  for (const [tracked, expected] of states) {
    const ctx = context('/', NOW, { defaultSpend: { kind: 'tracker', current: async () => tracked } });
    const r = await runAgentTool('spend', {}, ctx);
    assert.match(r.text, expected);
  }
  const ctx = context('/', NOW, { defaultSpend: { kind: 'tracker', current: async () => ({ configured: true, initialReadDone: true, snapshot, problems: [] }) } });
  const r = await runAgentTool('spend', {}, ctx);
  assert.equal(r.text, renderSpend(snapshot, shippedCatalogData(), 'UTC', Date.parse(NOW), true));
  const bad = await runAgentTool('spend', { since: '2026-07-15T00:00:00Z' }, ctx);
  assert.equal(bad.isError, true);
  assert.match(bad.text, /"since" and "currency" go with "logs"/);
});

test('spend says what it left out of the totals and why', async () => {
  const { dir, cleanup } = makeTree({});
  try {
    copyFileSync(path.resolve(__dirname, '../../fixtures/logs/anthropic-body.jsonl'), path.join(dir, 'bodies.jsonl'));
    const r = await runAgentTool('spend', { logs: ['bodies.jsonl'] }, context(dir, NOW));
    assert.match(r.text, / over 1 request, /);
    assert.match(r.text, /Left out of the totals, not DeepSeek's spend: 1 request: 1 not DeepSeek \(Claude names with no sign DeepSeek served them\); served by anthropic\./);
  } finally {
    cleanup();
  }
});
