// The non-thinking fix for deepseek-chat, per SDK form, over real LSP: the preferred quick fix
// moves to the current model (the catalog's chain) and turns thinking off in the call, merging into
// what is there. Each fixed text is compared whole, holds the thinking parameter exactly once, and
// parses with no more tree-sitter errors than before.
import test from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startServer } from './lspClient.mjs';
import { parseErrors } from '../support/parseErrors.ts';

const NOW = '2026-12-01T00:00:00Z';

/** [name, languageId, grammar, text, expected text after the preferred fix, preferred title] */
const FORMS = [
  [
    'openai.py', 'python', 'python',
    'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\nr = client.chat.completions.create(\n    model="deepseek-chat",\n    messages=[{"role": "user", "content": "hi"}],\n)\n',
    'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")\nr = client.chat.completions.create(\n    model="deepseek-flash",\n    extra_body={"thinking": {"type": "disabled"}},\n    messages=[{"role": "user", "content": "hi"}],\n)\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
  [
    'openai_extra.py', 'python', 'python',
    'r = client.chat.completions.create(model="deepseek-chat", messages=m, extra_body={"top_k": 3})\n',
    'r = client.chat.completions.create(model="deepseek-flash", messages=m, extra_body={"top_k": 3, "thinking": {"type": "disabled"}})\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
  [
    'openai_empty_extra.py', 'python', 'python',
    'r = client.chat.completions.create(extra_body={}, model="deepseek-chat", messages=m)\n',
    'r = client.chat.completions.create(extra_body={ "thinking": {"type": "disabled"} }, model="deepseek-flash", messages=m)\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
  [
    'lc.py', 'python', 'python',
    'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-chat", temperature=0)\n',
    'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-flash", extra_body={"thinking": {"type": "disabled"}}, temperature=0)\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
  [
    'lc_openai.py', 'python', 'python',
    'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="deepseek-chat", base_url="https://api.deepseek.com/v1")\n',
    'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="deepseek-flash", extra_body={"thinking": {"type": "disabled"}}, base_url="https://api.deepseek.com/v1")\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
  [
    'llm.py', 'python', 'python',
    'import litellm\nr = litellm.completion(model="deepseek/deepseek-chat", messages=m)\n',
    'import litellm\nr = litellm.completion(model="deepseek/deepseek-flash", thinking={"type": "disabled"}, messages=m)\n',
    'Use deepseek-flash and turn thinking off: thinking={"type": "disabled"}',
  ],
  [
    'raw.py', 'python', 'python',
    'import requests\nrequests.post("https://api.deepseek.com/chat/completions", json={"model": "deepseek-chat", "messages": []})\n',
    'import requests\nrequests.post("https://api.deepseek.com/chat/completions", json={"model": "deepseek-flash", "thinking": {"type": "disabled"}, "messages": []})\n',
    'Use deepseek-flash and turn thinking off: "thinking": {"type": "disabled"}',
  ],
  [
    'node.ts', 'typescript', 'typescript',
    "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nconst r = await client.chat.completions.create({\n  model: 'deepseek-chat',\n  messages,\n});\n",
    "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com' });\nconst r = await client.chat.completions.create({\n  model: 'deepseek-flash',\n  // @ts-expect-error DeepSeek's thinking parameter is not in the OpenAI SDK's types\n  thinking: { type: 'disabled' },\n  messages,\n});\n",
    "Use deepseek-flash and turn thinking off: thinking: { type: 'disabled' }",
  ],
  [
    'node_inline.ts', 'typescript', 'typescript',
    "import OpenAI from 'openai';\nconst r = await new OpenAI({ baseURL: 'https://api.deepseek.com' }).chat.completions.create({ model: 'deepseek-chat', messages });\n",
    "import OpenAI from 'openai';\nconst r = await new OpenAI({ baseURL: 'https://api.deepseek.com' }).chat.completions.create({ model: 'deepseek-flash',\n// @ts-expect-error DeepSeek's thinking parameter is not in the OpenAI SDK's types\nthinking: { type: 'disabled' }, messages });\n",
    "Use deepseek-flash and turn thinking off: thinking: { type: 'disabled' }",
  ],
  [
    'node.js', 'javascript', 'javascript',
    "const OpenAI = require('openai');\nconst r = await client.chat.completions.create({ model: 'deepseek-chat', messages });\n",
    "const OpenAI = require('openai');\nconst r = await client.chat.completions.create({ model: 'deepseek-flash', thinking: { type: 'disabled' }, messages });\n",
    "Use deepseek-flash and turn thinking off: thinking: { type: 'disabled' }",
  ],
  [
    'lc.js', 'javascript', 'javascript',
    "const { ChatDeepSeek } = require('@langchain/deepseek');\nconst llm = new ChatDeepSeek({ model: 'deepseek-chat', modelKwargs: { seed: 1 } });\n",
    "const { ChatDeepSeek } = require('@langchain/deepseek');\nconst llm = new ChatDeepSeek({ model: 'deepseek-flash', modelKwargs: { seed: 1, thinking: { type: 'disabled' } } });\n",
    "Use deepseek-flash and turn thinking off: modelKwargs: { thinking: { type: 'disabled' } }",
  ],
  [
    'aisdk.ts', 'typescript', 'typescript',
    "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\nconst { text } = await generateText({\n  model: deepseek('deepseek-chat'),\n  prompt: 'hi',\n});\n",
    "import { deepseek } from '@ai-sdk/deepseek';\nimport { generateText } from 'ai';\nconst { text } = await generateText({\n  model: deepseek('deepseek-flash'),\n  providerOptions: { deepseek: { thinking: { type: 'disabled' } } },\n  prompt: 'hi',\n});\n",
    "Use deepseek-flash and turn thinking off: providerOptions: { deepseek: { thinking: { type: 'disabled' } } }",
  ],
  [
    'aisdk_merge.ts', 'typescript', 'typescript',
    "import { deepseek } from '@ai-sdk/deepseek';\nimport { streamText } from 'ai';\nconst s = streamText({ model: deepseek('deepseek-chat'), providerOptions: { deepseek: {} }, prompt: 'hi' });\n",
    "import { deepseek } from '@ai-sdk/deepseek';\nimport { streamText } from 'ai';\nconst s = streamText({ model: deepseek('deepseek-flash'), providerOptions: { deepseek: { thinking: { type: 'disabled' } } }, prompt: 'hi' });\n",
    "Use deepseek-flash and turn thinking off: providerOptions: { deepseek: { thinking: { type: 'disabled' } } }",
  ],
  [
    'body.json', 'json', 'json',
    '{\n  "model": "deepseek-chat",\n  "messages": [{"role": "user", "content": "hi"}]\n}\n',
    '{\n  "model": "deepseek-flash",\n  "thinking": {"type": "disabled"},\n  "messages": [{"role": "user", "content": "hi"}]\n}\n',
    'Use deepseek-flash and turn thinking off: "thinking": {"type": "disabled"}',
  ],
  [
    'litellm_config.yaml', 'yaml', 'yaml',
    'model_list:\n  - model_name: chat\n    litellm_params:\n      model: deepseek/deepseek-chat\n      api_key: os.environ/DEEPSEEK_API_KEY\n',
    'model_list:\n  - model_name: chat\n    litellm_params:\n      model: deepseek/deepseek-flash\n      thinking: {"type": "disabled"}\n      api_key: os.environ/DEEPSEEK_API_KEY\n',
    'Use deepseek-flash and turn thinking off: thinking: {"type": "disabled"}',
  ],
  [
    'body.go', 'go', 'go',
    'package main\n\nfunc body(msgs []any) map[string]any {\n\treturn map[string]any{\n\t\t"model":    "deepseek-chat",\n\t\t"messages": msgs,\n\t}\n}\n',
    'package main\n\nfunc body(msgs []any) map[string]any {\n\treturn map[string]any{\n\t\t"model":    "deepseek-flash",\n\t\t"thinking": map[string]any{"type": "disabled"},\n\t\t"messages": msgs,\n\t}\n}\n',
    'Use deepseek-flash and turn thinking off: "thinking": map[string]any{"type": "disabled"}',
  ],
  [
    'body.rs', 'rust', 'rust',
    'fn body() -> serde_json::Value {\n    serde_json::json!({"model": "deepseek-chat", "messages": []})\n}\n',
    'fn body() -> serde_json::Value {\n    serde_json::json!({"model": "deepseek-flash", "thinking": {"type": "disabled"}, "messages": []})\n}\n',
    'Use deepseek-flash and turn thinking off: "thinking": {"type": "disabled"}',
  ],
  [
    'Chat.java', 'java', 'java',
    'class Chat {\n    ChatCompletionCreateParams params() {\n        return ChatCompletionCreateParams.builder()\n            .model("deepseek-chat")\n            .addUserMessage("hi")\n            .build();\n    }\n}\n',
    'class Chat {\n    ChatCompletionCreateParams params() {\n        return ChatCompletionCreateParams.builder()\n            .model("deepseek-flash").putAdditionalBodyProperty("thinking", com.openai.core.JsonValue.from(java.util.Collections.singletonMap("type", "disabled")))\n            .addUserMessage("hi")\n            .build();\n    }\n}\n',
    'Use deepseek-flash and turn thinking off: putAdditionalBodyProperty("thinking", {"type": "disabled"})',
  ],
  [
    'README.md', 'markdown', 'fence:python',
    '# Use\n\n```python\nr = client.chat.completions.create(model="deepseek-chat", messages=m)\n```\n',
    '# Use\n\n```python\nr = client.chat.completions.create(model="deepseek-flash", extra_body={"thinking": {"type": "disabled"}}, messages=m)\n```\n',
    'Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}',
  ],
];

/** Parse errors of the text, or of its first fenced block for `fence:<grammar>`. */
async function errorsIn(grammar, text) {
  if (!grammar.startsWith('fence:')) return parseErrors(grammar, text);
  const body = /```\w+\n([\s\S]*?)```/.exec(text)[1];
  return parseErrors(grammar.slice('fence:'.length), body);
}

function count(text, re) {
  return [...text.matchAll(re)].length;
}

async function preferredFix(server, name, languageId, text) {
  const uri = await server.open(name, languageId, text);
  const { items } = await server.diagnostics(uri);
  const ours = items.filter((d) => d.source === 'DeepSeek Cost Lens' && d.code !== 'unparsed-region');
  assert.equal(ours.length, 1, `${name}: one finding, got ${JSON.stringify(items.map((d) => d.message))}`);
  const actions = await server.codeActions(uri, ours[0].range, ours, ['quickfix']);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, `${name}: one preferred fix`);
  return { uri, actions, preferred: preferred[0], diagnostic: ours[0] };
}

test('the non-thinking fix edits each recognised SDK form: the ID, thinking once, merged, still parsing', async () => {
  const server = await startServer({ now: NOW });
  try {
    for (const [name, languageId, grammar, text, expected, title] of FORMS) {
      const { uri, preferred } = await preferredFix(server, name, languageId, text);
      assert.equal(preferred.title, title, name);
      const fixed = applyEdits(text, preferred.edit.changes[uri]);
      assert.equal(fixed, expected, name);
      assert.equal(count(fixed, /thinking/g) - count(fixed, /DeepSeek's thinking parameter/g), 1, `${name}: thinking set exactly once`);
      for (const container of [/extra_body/g, /providerOptions/g, /modelKwargs/g]) assert.ok(count(fixed, container) <= 1, `${name}: never a second ${container.source}`);
      assert.equal(await errorsIn(grammar, fixed), 0, `${name}: no new parse errors`);
      assert.equal(await errorsIn(grammar, text), 0, `${name}: the fixture itself parses`);
    }
  } finally {
    await server.stop();
  }
});

test('the catalog chain: deepseek-chat goes to deepseek-flash, with deepseek-v4-flash and deepseek-v4-pro still offered', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n';
    const { uri, actions } = await preferredFix(server, 'chain.py', 'python', text);
    assert.deepEqual(actions.map((a) => [a.title, !!a.isPreferred]), [
      ['Use deepseek-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}', true],
      ['Use deepseek-v4-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}', false],
      ['Use deepseek-v4-pro', false],
      ['Ignore deepseek-chat on this line', false],
      ['Fix all DeepSeek model IDs in this file', false],
    ]);
    assert.equal(applyEdits(text, actions[2].edit.changes[uri]), 'r = client.chat.completions.create(model="deepseek-v4-pro", messages=m)\n');
    // Before deepseek-flash existed, the chain ends at deepseek-v4-flash.
    const early = await startServer({ now: '2026-08-01T00:00:00Z' });
    try {
      const { preferred } = await preferredFix(early, 'chain.py', 'python', text);
      assert.equal(preferred.title, 'Use deepseek-v4-flash and turn thinking off: extra_body={"thinking": {"type": "disabled"}}');
    } finally {
      await early.stop();
    }
  } finally {
    await server.stop();
  }
});

test('deepseek-reasoner keeps thinking on: only the ID changes', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = 'r = client.chat.completions.create(model="deepseek-reasoner", messages=m)\n';
    const { uri, preferred } = await preferredFix(server, 'reasoner.py', 'python', text);
    assert.equal(preferred.title, 'Use deepseek-flash (thinking is the V4 default)');
    assert.deepEqual(preferred.edit.changes[uri].length, 1);
    assert.equal(applyEdits(text, preferred.edit.changes[uri]), 'r = client.chat.completions.create(model="deepseek-flash", messages=m)\n');
  } finally {
    await server.stop();
  }
});

test('a call that already sets thinking is left alone; an unrecognised form says thinking stays on', async () => {
  const server = await startServer({ now: NOW });
  try {
    const set = 'r = client.chat.completions.create(model="deepseek-chat", extra_body={"thinking": {"type": "enabled"}}, messages=m)\n';
    const a = await preferredFix(server, 'set.py', 'python', set);
    assert.equal(a.preferred.title, 'Use deepseek-flash (this call already sets thinking)');
    assert.equal(applyEdits(set, a.preferred.edit.changes[a.uri]), set.replace('deepseek-chat', 'deepseek-flash'));

    const splat = 'r = client.chat.completions.create(model="deepseek-chat", **options)\n';
    const b = await preferredFix(server, 'splat.py', 'python', splat);
    assert.equal(b.preferred.title, 'Use deepseek-flash (thinking stays on: add {"thinking": {"type": "disabled"}} to the request)');
    assert.equal(applyEdits(splat, b.preferred.edit.changes[b.uri]), splat.replace('deepseek-chat', 'deepseek-flash'));

    const unknown = 'agent = Agent(model="deepseek-chat")\n';
    const c = await preferredFix(server, 'agent.py', 'python', unknown);
    assert.match(c.preferred.title, /thinking stays on/);
    assert.equal(c.preferred.edit.changes[c.uri].length, 1);
  } finally {
    await server.stop();
  }
});

test('fix all, in the Ctrl+. menu and as a source action, applies each preferred fix with its thinking edit', async () => {
  const server = await startServer({ now: NOW });
  try {
    const text = [
      'a = client.chat.completions.create(model="deepseek-chat", messages=m)',
      'b = client.chat.completions.create(model="deepseek-reasoner", messages=m)',
      'c = litellm.completion(model="deepseek/deepseek-chat", messages=m)',
      '',
    ].join('\n');
    const expected = [
      'a = client.chat.completions.create(model="deepseek-flash", extra_body={"thinking": {"type": "disabled"}}, messages=m)',
      'b = client.chat.completions.create(model="deepseek-flash", messages=m)',
      'c = litellm.completion(model="deepseek/deepseek-flash", thinking={"type": "disabled"}, messages=m)',
      '',
    ].join('\n');
    const uri = await server.open('all.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    const menu = await server.codeActions(uri, items[0].range, [items[0]], ['quickfix']);
    const quickFixAll = menu.find((a) => a.title === 'Fix all DeepSeek model IDs in this file');
    assert.ok(quickFixAll, 'fix all is in the quick fix menu');
    assert.equal(quickFixAll.kind, 'quickfix.deepseekCost.fixAll');
    assert.equal(applyEdits(text, quickFixAll.edit.changes[uri]), expected);
    const source = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.deepseekCost');
    assert.equal(applyEdits(text, source[0].edit.changes[uri]), expected);
    assert.equal(await parseErrors('python', expected), 0);
  } finally {
    await server.stop();
  }
});

test('an override whose replacement is not a model ID never reaches the file', async () => {
  const injection = 'x"); __import__("os").system("id"); ("';
  const server = await startServer({
    now: NOW,
    settings: {
      catalogOverrides: {
        models: [{
          id: 'deepseek-chat', displayName: 'deepseek-chat', priceFamily: 'flash',
          lifecycle: [{ from: '2026-04-24T00:00:00Z', status: 'retired', source: 'ds-news-v4', replacements: [{ id: injection, title: 'Use the fixed model' }, { id: 'deepseek-v4-pro', title: 'Use deepseek-v4-pro' }] }],
        }, {
          id: injection, displayName: 'injected', lifecycle: [{ from: '2026-01-01T00:00:00Z', status: 'current', source: 'ds-news-v4' }],
        }],
      },
    },
  });
  try {
    const text = 'r = client.chat.completions.create(model="deepseek-chat", messages=m)\n';
    const uri = await server.open('inj.py', 'python', text);
    const { items } = await server.diagnostics(uri);
    const ours = items.filter((d) => d.source === 'DeepSeek Cost Lens');
    const actions = [
      ...(await server.codeActions(uri, ours[0].range, ours, ['quickfix'])),
      ...(await server.codeActions(uri, ours[0].range, [], ['source.fixAll'])),
    ];
    assert.ok(actions.length > 0, 'the valid replacements are still offered');
    for (const a of actions) {
      assert.doesNotMatch(a.title, /__import__/);
      const fixed = applyEdits(text, a.edit.changes[uri]);
      assert.doesNotMatch(fixed, /__import__|system\(/, a.title);
      assert.equal(await parseErrors('python', fixed), 0);
    }
  } finally {
    await server.stop();
  }
});
