// Call sites: only IDs that are sent to DeepSeek's own API get DeepSeek's verdicts. Each case is a
// shape seen in real code, in every language where it occurs; `expect` lists the findings lint gives.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findings, sites } from './helpers';

type Case = { name: string; file: string; text: string; expect: [string, string, string][]; languageId?: string };

const cases: Case[] = [
  // --- assertions in tests: the old name is checked to be rejected, never sent -------------------
  { name: 'Go testify assertion on an error message', file: 'model_test.go', text: 'package m\nfunc TestRejects(t *testing.T) {\n\terr := Validate("x")\n\tassert.Contains(t, err.Error(), "deepseek-chat")\n\trequire.Equal(t, "deepseek-reasoner", got)\n}\n', expect: [] },
  { name: 'Rust assert! around is_err()', file: 'src/lib.rs', text: 'fn t() {\n    assert!(validate_model("deepseek-reasoner").is_err());\n    assert_eq!(normalize("deepseek-chat"), None);\n}\n', expect: [] },
  { name: 'Python assert, unittest and pytest.raises', file: 'check.py', text: 'assert not is_valid("deepseek-chat")\nself.assertEqual(resp.model, "deepseek-reasoner")\nwith pytest.raises(ValueError):\n    validate("deepseek-coder")\n', expect: [] },
  { name: 'TypeScript expect().toBe and toThrow', file: 'src/check.ts', text: "expect(resolve('deepseek-chat')).toBe(undefined);\nexpect(() => validate('deepseek-reasoner')).toThrow();\n", expect: [] },
  { name: 'Java JUnit assertions', file: 'src/main/java/Check.java', text: 'class Check { void t() { assertEquals("deepseek-chat", legacy()); assertThrows(IllegalArgumentException.class, () -> validate("deepseek-reasoner")); } }\n', expect: [] },
  // --- comparisons, membership and lookup tables --------------------------------------------------
  { name: 'Python membership, sets, lookups and fallbacks for a context window', file: 'models.py', text: 'if m in ("deepseek-chat", "deepseek-reasoner"):\n    pass\nKNOWN = {"deepseek-chat", "deepseek-coder"}\nLEGACY = frozenset(["deepseek-chat"])\nctx = WINDOWS.get(model, WINDOWS["deepseek-chat"])\nlimit = LIMITS.get("deepseek-reasoner")\nif model == "deepseek-chat":\n    pass\nmatch model:\n    case "deepseek-coder":\n        pass\n', expect: [] },
  { name: 'TypeScript ===, includes, Set, switch, index', file: 'src/models.ts', text: "if (model === 'deepseek-reasoner') {}\n['deepseek-chat', 'deepseek-coder'].includes(m);\nconst legacy = new Set(['deepseek-chat']);\nswitch (m) { case 'deepseek-chat': break; }\nconst w = WINDOWS['deepseek-chat'];\nif (m.startsWith('deepseek-coder')) {}\n", expect: [] },
  { name: 'Go ==, switch, map index, slices.Contains', file: 'models.go', text: 'package m\nfunc f(m string) int {\n\tif m == "deepseek-chat" { return 1 }\n\tswitch m { case "deepseek-reasoner": return 2 }\n\t_ = windows["deepseek-coder"]\n\tif slices.Contains(legacy, "deepseek-chat") { return 3 }\n\treturn 0\n}\n', expect: [] },
  { name: 'Java equals, switch, Set.of', file: 'Models.java', text: 'class Models { int f(String m) { if ("deepseek-chat".equals(m)) return 1; switch (m) { case "deepseek-reasoner": return 2; } return Set.of("deepseek-coder").contains(m) ? 3 : 0; } }\n', expect: [] },
  { name: 'Rust match, ==, HashSet::from', file: 'models.rs', text: 'fn f(m: &str) -> u8 {\n    if m == "deepseek-chat" { return 1; }\n    let legacy = HashSet::from(["deepseek-coder"]);\n    match m { "deepseek-reasoner" => 2, _ => 0 }\n}\n', expect: [] },
  // --- recorded responses ----------------------------------------------------------------------------
  { name: 'a recorded response body names the model that served it', file: 'testdata/response.json', text: '{"id":"chatcmpl-1","object":"chat.completion","created":1721000000,"model":"deepseek-chat","choices":[],"usage":{"prompt_tokens":1}}\n', expect: [] },
  { name: 'a recorded request body in a fixture folder is marked, not hidden', file: '__fixtures__/request.json', text: '{"model": "deepseek-chat", "messages": []}\n', expect: [['deepseek-chat', 'information', 'deepseek']] },
  // --- other providers -------------------------------------------------------------------------------
  { name: 'Python OpenAI client on OpenRouter', file: 'or.py', text: 'from openai import OpenAI\nclient = OpenAI(base_url="https://openrouter.ai/api/v1", api_key=os.environ["OPENROUTER_API_KEY"])\nclient.chat.completions.create(model="deepseek/deepseek-chat", messages=[])\n', expect: [] },
  { name: 'LangChain ChatOpenAI pointed at OpenRouter', file: 'lc.py', text: 'llm = ChatOpenAI(model="deepseek/deepseek-chat", openai_api_base="https://openrouter.ai/api/v1")\n', expect: [] },
  { name: 'TypeScript OpenAI client on OpenRouter, constant base URL', file: 'src/or.ts', text: "const OPENROUTER = 'https://openrouter.ai/api/v1';\nconst client = new OpenAI({ baseURL: OPENROUTER, apiKey: process.env.OPENROUTER_API_KEY });\nawait client.chat.completions.create({ model: 'deepseek/deepseek-chat', messages });\n", expect: [] },
  { name: 'the OpenRouter AI SDK provider', file: 'src/ai.ts', text: "import { createOpenRouter } from '@openrouter/ai-sdk-provider';\nconst openrouter = createOpenRouter({ apiKey });\nconst r = await generateText({ model: openrouter('deepseek/deepseek-chat'), prompt });\n", expect: [] },
  { name: 'Go client configured for OpenRouter', file: 'or.go', text: 'package m\nfunc f() {\n\tconfig := openai.DefaultConfig(key)\n\tconfig.BaseURL = "https://openrouter.ai/api/v1"\n\tclient := openai.NewClientWithConfig(config)\n\tclient.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: "deepseek/deepseek-chat"})\n}\n', expect: [] },
  { name: 'Ollama next to localhost:11434 (Python)', file: 'local.py', text: 'client = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")\nclient.chat.completions.create(model="deepseek-coder", messages=[])\nollama.chat(model="deepseek-coder", messages=[])\n', expect: [] },
  { name: 'Ollama in TypeScript', file: 'src/local.ts', text: "import ollama from 'ollama';\nawait ollama.chat({ model: 'deepseek-coder', messages });\n", expect: [] },
  { name: 'Vercel AI Gateway slug as a plain string', file: 'src/gw.ts', text: "import { streamText } from 'ai';\nconst result = streamText({ model: 'deepseek/deepseek-v4-flash', prompt });\n", expect: [] },
  { name: 'LiteLLM prefixes name the provider', file: 'route.py', text: 'litellm.completion(model="ollama/deepseek-coder", messages=m)\nlitellm.completion(model="openrouter/deepseek/deepseek-chat", messages=m)\nlitellm.completion(model="deepseek/deepseek-chat", messages=m)\n', expect: [['deepseek/deepseek-chat', 'error', 'deepseek']] },
  { name: 'a mixed file: only the official call is wrong', file: 'mixed.py', text: 'ds = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"])\nor_client = OpenAI(base_url="https://openrouter.ai/api/v1")\nds.chat.completions.create(model="deepseek-chat", messages=[])\nor_client.chat.completions.create(model="deepseek/deepseek-chat", messages=[])\n', expect: [['deepseek-chat', 'error', 'deepseek']] },
  { name: 'DeepSeek clients by name', file: 'ds.py', text: 'from langchain_deepseek import ChatDeepSeek\nllm = ChatDeepSeek(model="deepseek-reasoner")\n', expect: [['deepseek-reasoner', 'error', 'deepseek']] },
  { name: 'the DeepSeek AI SDK provider', file: 'src/ds.ts', text: "import { deepseek } from '@ai-sdk/deepseek';\nconst r = await generateText({ model: deepseek('deepseek-chat'), prompt });\n", expect: [['deepseek-chat', 'error', 'deepseek']] },
  { name: 'a comment naming OpenRouter is not evidence', file: 'c.py', text: '# we used to call https://openrouter.ai/api/v1 here\nclient = OpenAI()\nclient.chat.completions.create(model="deepseek-chat", messages=[])\n', expect: [['deepseek-chat', 'error', 'deepseek']] },
  // --- LiteLLM proxy config ----------------------------------------------------------------------------
  { name: 'LiteLLM model_name is an alias, litellm_params.model is sent', file: 'litellm_config.yaml', text: 'model_list:\n  - model_name: deepseek/deepseek-chat\n    litellm_params:\n      model: deepseek/deepseek-chat\n      api_key: os.environ/DEEPSEEK_API_KEY\n  - model_name: local-coder\n    litellm_params:\n      model: ollama/deepseek-coder\n      api_base: http://localhost:11434\n', expect: [['deepseek/deepseek-chat', 'error', 'deepseek']] },
  // --- IDs inside larger strings -----------------------------------------------------------------------
  { name: 'compose shell default', file: 'docker-compose.yml', text: 'services:\n  app:\n    environment:\n      - LLM_MODEL=${LLM_MODEL:-deepseek-chat}\n  worker:\n    environment:\n      OTHER: ${MODEL-deepseek-reasoner}\n', expect: [['deepseek-chat', 'error', 'deepseek'], ['deepseek-reasoner', 'error', 'deepseek']] },
  { name: '.env shell default', file: '.env', text: 'LLM_MODEL=${LLM_MODEL:=deepseek-chat}\n', expect: [['deepseek-chat', 'error', 'deepseek']] },
  { name: 'Spring @Value placeholder default', file: 'Svc.java', text: 'class Svc {\n  @Value("${spring.ai.deepseek.chat.options.model:deepseek-chat}")\n  private String model;\n}\n', expect: [['deepseek-chat', 'error', 'deepseek']] },
  { name: '--model in a YAML run block', file: '.github/workflows/ci.yml', text: 'jobs:\n  eval:\n    steps:\n      - run: |\n          pip install aider-chat\n          aider --model deepseek/deepseek-reasoner --yes\n', expect: [['deepseek/deepseek-reasoner', 'error', 'deepseek']] },
  { name: '--model in shell command strings (Python, TypeScript)', file: 'run.py', text: 'subprocess.run("aider --model=deepseek/deepseek-chat --yes", shell=True)\nos.system("llm -m deepseek-reasoner \'hi\'")\n', expect: [['deepseek/deepseek-chat', 'error', 'deepseek'], ['deepseek-reasoner', 'error', 'deepseek']] },
  { name: '--model in a TypeScript exec string', file: 'src/run.ts', text: "execSync('aider --model deepseek/deepseek-chat --yes');\n", expect: [['deepseek/deepseek-chat', 'error', 'deepseek']] },
  { name: 'promptfoo deepseek: prefix', file: 'promptfooconfig.yaml', text: 'providers:\n  - deepseek:deepseek-reasoner\n  - id: openrouter:deepseek/deepseek-chat\n', expect: [['deepseek:deepseek-reasoner', 'error', 'deepseek']] },
  { name: 'Spring .properties', file: 'application.properties', languageId: 'properties', text: 'spring.ai.deepseek.chat.options.model=deepseek-reasoner\n', expect: [['deepseek-reasoner', 'error', 'deepseek']] },
  { name: 'Spring .properties on OpenRouter', file: 'application.properties', languageId: 'properties', text: 'spring.ai.openai.base-url=https://openrouter.ai/api\nspring.ai.openai.chat.options.model=deepseek/deepseek-chat\n', expect: [] },
  { name: '.env on OpenRouter', file: '.env', text: 'OPENAI_BASE_URL=https://openrouter.ai/api/v1\nMODEL=deepseek/deepseek-chat\n', expect: [] },
  // --- defaults that are used ------------------------------------------------------------------------
  { name: 'environment defaults are sent', file: 'cfg.py', text: 'MODEL = os.getenv("LLM_MODEL", "deepseek-chat")\nOTHER = os.environ.get("M") or "deepseek-reasoner"\n', expect: [['deepseek-chat', 'error', 'deepseek'], ['deepseek-reasoner', 'error', 'deepseek']] },
  { name: 'a TypeScript ?? default is sent', file: 'src/cfg.ts', text: "const model = process.env.MODEL ?? 'deepseek-chat';\n", expect: [['deepseek-chat', 'error', 'deepseek']] },
];

for (const c of cases) {
  test(`call sites: ${c.name}`, async () => {
    const got = (await findings(c.file, c.text, c.languageId)).map(([id, severity, provider]) => [id, severity, provider]);
    assert.deepEqual(got, c.expect);
  });
}

test('roles are reported for every literal, sent or not', async () => {
  const got = await sites('roles.py', 'client.chat.completions.create(model="deepseek-chat")\nif m == "deepseek-chat": pass\nKNOWN = {"deepseek-coder"}\nassert f("deepseek-reasoner")\nM = os.getenv("X", "deepseek-chat")\nCMD = "aider --model deepseek-chat"\n');
  assert.deepEqual(got.map((s) => s.role), ['request', 'comparison', 'lookup', 'assertion', 'default', 'command']);
});

test('tests and fixtures: a value is softened to information, a real request keeps its error', async () => {
  const text = 'MODEL = "deepseek-chat"\nclient.chat.completions.create(model="deepseek-reasoner", messages=[])\n';
  assert.deepEqual(await findings('tests/test_e2e.py', text), [
    ['deepseek-chat', 'information', 'deepseek', 'value'],
    ['deepseek-reasoner', 'error', 'deepseek', 'request'],
  ]);
  assert.deepEqual((await findings('app/main.py', text)).map((f) => f[1]), ['error', 'error']);
});

test('an unterminated string never hides the IDs after it', async () => {
  for (const [file, text] of [
    ['b.py', 'x = """never closed\nclient.chat.completions.create(model="deepseek-chat")\n'],
    ['b.ts', "const x = 'oops\nclient.chat.completions.create({ model: 'deepseek-chat' });\n"],
    ['b.go', 'package main\nvar s = "oops\nfunc f() { c.Create(Model: "deepseek-chat") }\n'],
    ['b.java', 'class A { String s = "oops;\n void f() { c.model("deepseek-chat"); } }\n'],
    ['b.json', '{"a": "x, "model": "deepseek-chat"}'],
  ]) {
    const got = await findings(file, text);
    assert.deepEqual(got.map((f) => f[0]), ['deepseek-chat'], file);
  }
});
