// Text from source code, logs and settings goes into hovers and the command-trusted tooltip. Each
// rendering is parsed with marked: only the links the product wrote may appear, never an image or
// HTML, tables keep their shape, and the hostile text is still shown, as text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { catalogWithOverrides, shippedCatalogData } from '../../../src/catalog';
import { estimatePrompt } from '../../../src/core/estimate/promptEstimate';
import { renderModelHover, renderPromptHover } from '../../../src/core/estimate/renderHover';
import { hostsOf, isShownUrl, markdownCode, markdownLink, markdownText } from '../../../src/core/markdown';
import { emptyTotals } from '../../../src/core/usage/ledger';
import type { SpendSnapshot, SpendTotals } from '../../../src/core/usage/types';
import { buildSpendTooltip } from '../../../src/spend/tooltip';
import { SPEND_COMMANDS } from '../../../src/shared/protocol';
import { markdownShape } from '../../support/markdownShape';

/** The log line of the report, plus the other ways out of a code span, a cell or a paragraph. */
const HOSTILE = [
  'x`` [r](command:deepseekCost.spend.resetSession) ![i](https://example.invalid/i.png) ``',
  'x` [r](command:deepseekCost.spend.resetSession) `',
  '```` ![i](https://example.invalid/i.png) `',
  '<img src=https://example.invalid/i.png> <a href="command:deepseekCost.spend.resetSession">r</a>',
  'a | b | [r](command:x) |',
  'line\n| injected | row |\n# heading\n![i](https://example.invalid/i.png)',
  'https://example.invalid/track www.example.invalid/track',
  '[r][ref]\n\n[ref]: command:deepseekCost.spend.resetSession',
  ' ` padded ` ',
  '\\`` [r](command:x) \\``',
  '&lt;img src=x&gt; &#91;r&#93;(command:x)',
];

const oneLine = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

test('text, code spans and cells render as exactly the text given, with no link, image or HTML', () => {
  for (const h of HOSTILE) {
    for (const md of [markdownText(h), markdownCode(h), `| ${markdownCode(h, { inTable: true })} | ${markdownText(h)} |\n|---|---|\n| ${markdownText(h)} | ${markdownCode(h, { inTable: true })} |`]) {
      const shape = markdownShape(md);
      assert.deepEqual(shape.links, [], md);
      assert.deepEqual(shape.images, [], md);
      assert.deepEqual(shape.html, [], md);
    }
    assert.equal(markdownShape(markdownCode(h)).text, oneLine(h), `code span of ${JSON.stringify(h)}`);
    const table = markdownShape(`| a | b |\n|---|---|\n| ${markdownCode(h, { inTable: true })} | ${markdownText(h)} |`);
    assert.deepEqual(table.tables, [[2, 2]], `cells of ${JSON.stringify(h)}`);
  }
});

test('a link shows only a checked https target, its label escaped', () => {
  const trusted = new Set(hostsOf(shippedCatalogData().sources));
  assert.ok(trusted.has('api-docs.deepseek.com'));
  assert.equal(isShownUrl('https://api-docs.deepseek.com/quick_start/pricing', trusted), true);
  for (const bad of ['http://api-docs.deepseek.com/', 'command:deepseekCost.spend.resetSession', 'javascript:alert(1)', 'https://example.invalid/', 'https://user:pw@api-docs.deepseek.com/', 'not a url', 'data:text/html,x']) {
    assert.equal(isShownUrl(bad, trusted), false, bad);
  }
  const shape = markdownShape(markdownLink('a](command:x) [b', 'https://api-docs.deepseek.com/a b(c)'));
  assert.deepEqual(shape.links, ['https://api-docs.deepseek.com/a%20b%28c%29']);
});

const at = new Date('2026-11-23T10:00:00Z');

function hostileCatalog() {
  const h = HOSTILE[0];
  const { catalog, errors } = catalogWithOverrides({
    sources: {
      evil: { title: `Pricing ${h}`, url: 'https://example.invalid/pricing', date: '2026-11-01' },
      plain: { title: 'Plain http', url: 'http://api-docs.deepseek.com/', date: '2026-11-01' },
      // Lands in a link's title where its host is trusted: a quote, a backslash and a newline try to close it.
      quote: { title: 'Closed \\" ") [r](command:x)\n![i](https://example.invalid/i.png) "', url: 'https://example.invalid/news', date: '2026-11-01' },
    },
    models: [
      {
        id: 'deepseek-evil',
        displayName: `Evil ${HOSTILE[3]}`,
        priceFamily: 'flash',
        // Current: no diagnostic speaks for it, so the hover shows its message and source.
        lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'evil', message: HOSTILE[5] }],
      },
      { id: 'deepseek-plain', displayName: 'Plain', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'plain', message: HOSTILE[5] }] },
      { id: 'deepseek-gone', displayName: 'Gone', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'retired', source: 'quote' }] },
    ],
  });
  assert.deepEqual(errors, []);
  return catalog;
}

test('model hover: override text is shown as text; a source link only to a trusted https host', () => {
  const catalog = hostileCatalog();
  const shippedHosts = new Set(hostsOf(shippedCatalogData().sources));
  for (const id of ['deepseek-evil', 'deepseek-plain']) {
    const md = renderModelHover(catalog, id, at, ['USD', 'CNY'], shippedHosts)!;
    const shape = markdownShape(md);
    assert.deepEqual(shape.links, [], md);
    assert.deepEqual(shape.images, []);
    assert.deepEqual(shape.html, []);
  }
  const evil = markdownShape(renderModelHover(catalog, 'deepseek-evil', at, ['USD'], shippedHosts)!);
  assert.ok(evil.text.includes(`Pricing ${HOSTILE[0]}`), evil.text);
  // A lifecycle message is the diagnostic's to say (shown in the same box); a current model's
  // message, which no diagnostic carries, is in the hover, as text.
  const plain = markdownShape(renderModelHover(catalog, 'deepseek-plain', at, ['USD'], shippedHosts)!);
  assert.ok(plain.text.includes(oneLine(HOSTILE[5])), plain.text);
  // The user typed example.invalid in their own settings: now the link is theirs to have.
  const withUserHost = markdownShape(renderModelHover(catalog, 'deepseek-evil', at, ['USD'], new Set([...shippedHosts, 'example.invalid']))!);
  assert.deepEqual(withUserHost.links, ['https://example.invalid/pricing']);
  // A retired ID's source rides on its status line, the page's title on hover: never a second link.
  for (const hosts of [shippedHosts, new Set([...shippedHosts, 'example.invalid'])]) {
    const md = renderModelHover(catalog, 'deepseek-gone', at, ['USD'], hosts)!;
    const gone = markdownShape(md);
    assert.deepEqual(gone.links, hosts.has('example.invalid') ? ['https://example.invalid/news'] : [], md);
    assert.deepEqual([gone.images, gone.html], [[], []], md);
  }
  // The shipped catalog still links its own sources.
  const chat = markdownShape(renderModelHover(shippedCatalogData(), 'deepseek-v4-pro', at, ['USD'], shippedHosts)!);
  assert.equal(chat.links.length, 1);
  assert.match(chat.links[0], /^https:\/\/api-docs\.deepseek\.com\//);
});

test('prompt hover: a model name from code or settings is shown as text', () => {
  const catalog = hostileCatalog();
  for (const model of [...HOSTILE, 'deepseek-evil']) {
    const prompt = { text: 'Summarise the text.', placeholders: 0, startsWithPlaceholder: false, isSystemOrFirstMessage: true, model: { written: model, via: 'argument' as const, start: 0, end: 0 }, maxTokens: undefined };
    const md = renderPromptHover(estimatePrompt(prompt, 5, catalog, at, 'deepseek-v4-flash', ['USD', 'CNY']));
    const shape = markdownShape(md);
    assert.deepEqual([shape.links, shape.images, shape.html], [[], [], []], md);
    assert.ok(shape.text.includes(oneLine(model)), md);
  }
});

function totals(t: Partial<SpendTotals>): SpendTotals {
  return { ...emptyTotals(), ...t };
}

test('tooltip: model names, paths, messages and problems from logs and settings cannot add a link', () => {
  const byModel: Record<string, SpendTotals> = {};
  HOSTILE.forEach((h, i) => {
    byModel[h] = totals({ requests: 1, cost: 0.01 * (i + 1) });
  });
  const group = { ...totals({ requests: HOSTILE.length, unpriced: 2, cost: 0.5 }), byModel };
  const snapshot: SpendSnapshot = {
    currency: 'USD',
    sessionStart: Date.parse('2026-11-23T08:00:00Z'),
    session: group,
    today: group,
    byDay: {},
    errors: 0,
    lastRequest: { at: Date.parse('2026-11-23T09:00:00Z'), model: HOSTILE[0], cost: 0.01 },
    sources: [
      { pattern: HOSTILE[1], state: 'error', files: [], message: HOSTILE[2] },
      { pattern: HOSTILE[3], state: 'ok', files: [{ path: '/x', state: 'unreadable', skippedLines: 0, message: HOSTILE[4] }] },
    ],
  };
  const md = buildSpendTooltip({
    snapshot,
    unpriced: { session: HOSTILE.map((model) => ({ model, requests: 1, reason: 'unknown-model' as const })), today: [] },
    configured: true,
    currency: 'USD',
    budgets: { session: null, daily: null },
    now: Date.parse('2026-11-23T10:00:00Z'),
    zone: 'UTC',
    problems: [HOSTILE[6], HOSTILE[7]],
    workerError: HOSTILE[8],
  });
  const shape = markdownShape(md);
  const ours = [SPEND_COMMANDS.showDashboard, SPEND_COMMANDS.showReport, SPEND_COMMANDS.setBudget, SPEND_COMMANDS.openLogSources, SPEND_COMMANDS.resetSession].map((c) => `command:${c}`);
  assert.deepEqual(shape.links, ours, md);
  assert.deepEqual(shape.images, []);
  assert.deepEqual(shape.html, []);
  for (const [, ...cells] of shape.tables) assert.ok(cells.every((n) => n === 3), `every table row keeps 3 cells:\n${md}`);
  assert.ok(shape.text.includes(oneLine(HOSTILE[0])));
});
