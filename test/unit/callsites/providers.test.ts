// Provider evidence in more real-world shapes: config files with a provider key, clients built from
// environment variables, Rust and Java builders, Markdown fences. `expect` lists lint's findings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { findings } from './helpers';

const cases: { name: string; file: string; text: string; expect: [string, string][]; languageId?: string }[] = [
  { name: 'TOML block with provider = "openrouter"', file: 'agent.toml', text: '[llm]\nprovider = "openrouter"\nmodel = "deepseek/deepseek-chat"\n\n[fallback]\nmodel = "deepseek-chat"\n', expect: [['deepseek-chat', 'deepseek']] },
  { name: 'JSON block with "provider": "ollama"', file: 'settings.json', text: '{"agents": [{"provider": "ollama", "model": "deepseek-coder"}, {"provider": "deepseek", "model": "deepseek-reasoner"}]}\n', expect: [['deepseek-reasoner', 'deepseek']] },
  { name: 'YAML block with provider and base_url', file: 'crew.yaml', text: 'researcher:\n  llm:\n    provider: openrouter\n    model: deepseek/deepseek-chat\nwriter:\n  llm:\n    base_url: https://api.deepseek.com\n    model: deepseek-chat\n', expect: [['deepseek-chat', 'deepseek']] },
  { name: 'TypeScript client from an environment variable name', file: 'src/env.ts', text: "const client = new OpenAI({ baseURL: process.env.OPENROUTER_BASE_URL, apiKey: process.env.OPENROUTER_API_KEY });\nawait client.chat.completions.create({ model: 'deepseek/deepseek-chat', messages });\n", expect: [] },
  { name: 'Python AsyncOpenAI on DeepSeek', file: 'async_ds.py', text: 'client = AsyncOpenAI(api_key=os.getenv("DEEPSEEK_API_KEY"), base_url="https://api.deepseek.com")\nawait client.chat.completions.create(model="deepseek-reasoner", messages=[])\n', expect: [['deepseek-reasoner', 'deepseek']] },
  { name: 'Ollama on a compose host', file: 'compose_client.py', text: 'client = OpenAI(base_url="http://ollama:11434/v1", api_key="ollama")\nclient.chat.completions.create(model="deepseek-coder", messages=[])\n', expect: [] },
  { name: 'TypeScript Ollama client with a host', file: 'src/o.ts', text: "const ollama = new Ollama({ host: 'http://127.0.0.1:11434' });\nawait ollama.chat({ model: 'deepseek-coder', messages });\n", expect: [] },
  { name: '.env: a key that names Ollama', file: '.env.local', text: 'OLLAMA_MODEL=deepseek-coder\nDEEPSEEK_MODEL=deepseek-chat\n', expect: [['deepseek-chat', 'deepseek']] },
  { name: 'Azure OpenAI client', file: 'az.py', text: 'client = AzureOpenAI(azure_endpoint="https://my-res.openai.azure.com", api_version="2024-10-21")\nclient.chat.completions.create(model="deepseek-chat", messages=[])\n', expect: [] },
  { name: 'Rust async-openai on OpenRouter', file: 'src/main.rs', text: 'fn main() {\n    let config = OpenAIConfig::new().with_api_base("https://openrouter.ai/api/v1");\n    let client = Client::with_config(config);\n    let request = CreateChatCompletionRequestArgs::default().model("deepseek/deepseek-chat").build();\n}\n', expect: [] },
  { name: 'Rust request on DeepSeek', file: 'src/ds.rs', text: 'fn main() {\n    let config = OpenAIConfig::new().with_api_base("https://api.deepseek.com");\n    let request = CreateChatCompletionRequestArgs::default().model("deepseek-chat").build();\n}\n', expect: [['deepseek-chat', 'deepseek']] },
  { name: 'Java Spring AI DeepSeek options', file: 'Chat.java', text: 'class Chat { ChatResponse ask(String q) { return chatModel.call(new Prompt(q, DeepSeekChatOptions.builder().model("deepseek-reasoner").build())); } }\n', expect: [['deepseek-reasoner', 'deepseek']] },
  { name: 'Java OpenAI client on Ollama', file: 'Local.java', text: 'class Local { void f() { var api = OpenAiApi.builder().baseUrl("http://localhost:11434").build(); var opts = OpenAiChatOptions.builder().model("deepseek-coder").build(); } }\n', expect: [] },
  { name: 'Markdown fence: OpenRouter in Python, DeepSeek in TypeScript', file: 'README.md', text: '# Setup\n\n```python\nclient = OpenAI(base_url="https://openrouter.ai/api/v1")\nclient.chat.completions.create(model="deepseek/deepseek-chat")\n```\n\n```ts\nconst ds = new OpenAI({ baseURL: "https://api.deepseek.com" });\nawait ds.chat.completions.create({ model: "deepseek-chat" });\n```\n', expect: [['deepseek-chat', 'deepseek']] },
];

for (const c of cases) {
  test(`providers: ${c.name}`, async () => {
    const got = (await findings(c.file, c.text, c.languageId)).map(([id, , provider]) => [id, provider]);
    assert.deepEqual(got, c.expect);
  });
}
