// Finding messages as a new user reads them: one short sentence naming the ID, what happened and
// what to use, read through the real scanner for each language; the related information is the
// dated source; the hover carries thinking advice in the file's own language, never another's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument, scanLanguageFor } from '../../../src/core/scan';
import { languageFor } from '../../../src/core/languages';
import { shippedCatalogData } from '../../../src/catalog';
import { modelIdPredicate, type ModelIdFinding } from '../../../src/core/lint/modelIdFindings';
import { documentFindings } from '../../../src/core/lint/documentFindings';
import { renderModelHover } from '../../../src/core/estimate/renderHover';
import { defaultLintSettings } from '../../../src/shared/settings';

const catalog = shippedCatalogData();
const november = new Date('2026-11-23T00:00:00Z');

async function findings(file: string, text: string, at = november): Promise<ModelIdFinding[]> {
  const row = languageFor('', file)!;
  const doc = await ParsedDocument.create(scanLanguageFor('', file), text);
  try {
    return documentFindings(doc.modelIdLiterals(modelIdPredicate(catalog)), text, row.comments, catalog, at, defaultLintSettings.severity);
  } finally {
    doc.dispose();
  }
}

const PY = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\nr = client.chat.completions.create(model="deepseek-chat", messages=[])\n';
const TS = "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nawait client.chat.completions.create({ model: 'deepseek-chat', messages: [] });\n";
const YAML = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: deepseek/deepseek-chat\n      api_base: https://api.deepseek.com\n';

test('a retired ID: the day it was retired and the current model to use, in one short sentence', async () => {
  const [f] = await findings('app.py', PY);
  assert.equal(f.message, 'deepseek-chat was retired on 2026-07-24 — use deepseek-flash');
  assert.ok(f.message.length <= 80, f.message);
  // The hover under it has the minute and the dated source.
  const hover = renderModelHover(catalog, 'deepseek-chat', november, ['USD'], new Set()) ?? '';
  assert.match(hover, /^\*\*deepseek\\-chat\*\* — \*\*retired\*\* since 2026-07-24 15:59 UTC \(source: DeepSeek API news\\: .*, 2026\\-04\\-24\)\./);
});

test('a router prefix stays on the replacement the message names', async () => {
  const [f] = await findings('proxy.yaml', YAML);
  assert.equal(f.message, 'deepseek/deepseek-chat was retired on 2026-07-24 — use deepseek/deepseek-flash');
});

test('a deprecated ID names the announced retirement day', async () => {
  const [f] = await findings('app.py', PY, new Date('2026-05-01T00:00:00Z'));
  assert.equal(f.status, 'deprecated');
  assert.equal(f.message, 'deepseek-chat will be retired on 2026-07-24 — use deepseek-v4-flash');
});

test('a legacy name says it is still served and names the new one', async () => {
  const [f] = await findings('app.py', PY.replace('deepseek-chat', 'deepseek-v4-flash'));
  assert.equal(f.message, 'deepseek-v4-flash is a legacy name, still served — use deepseek-flash');
});

test('thinking advice fits the file: extra_body in Python only, the SDK object form in TypeScript, litellm_params in YAML', () => {
  const hover = (file: string, written = 'deepseek-chat') => renderModelHover(catalog, written, november, ['USD'], new Set(), undefined, languageFor('', file)!.grammar) ?? '';
  // Read as rendered: Markdown escapes undone.
  const plain = (md: string) => md.replace(/\\(.)/g, '$1');
  const [py, ts, yaml] = [hover('app.py'), hover('client.ts'), hover('proxy.yaml', 'deepseek/deepseek-chat')].map(plain);
  // One sentence in the file's form, naming the model the fix writes, not the catalog's generic one beside it.
  for (const d of [py, ts, yaml]) assert.match(d, /deepseek-flash thinks by default\. In /);
  for (const d of [py, ts, yaml]) assert.doesNotMatch(d, /in the request body/);
  assert.match(plain(hover('main.go')), /V4 models think by default: to keep deepseek-chat's non-thinking behaviour, send/, 'no form known for Go: the catalog note');
  assert.match(py, /extra_body=\{"thinking": \{"type": "disabled"\}\}/);
  assert.doesNotMatch(ts, /extra_body/);
  assert.match(ts, /thinking: \{ type: 'disabled' \}/);
  assert.doesNotMatch(yaml, /extra_body/);
  assert.match(yaml, /litellm_params/);
});

test('the message never carries the details, whatever the language', async () => {
  for (const [file, text] of [['app.py', PY], ['client.ts', TS], ['proxy.yaml', YAML]] as const) {
    const [f] = await findings(file, text);
    assert.doesNotMatch(f.message, /thinking|extra_body|Source/, `${file}: ${f.message}`);
  }
});
