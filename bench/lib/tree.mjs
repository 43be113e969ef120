// A generated source tree for the lint benchmark: many small files in the served languages (and a
// few others), spread over nested folders like a monorepo; a few dozen call DeepSeek with retired
// IDs, a few more mention DeepSeek without naming a model (a URL, prose). Deterministic.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rng, sentence } from './generate.mjs';

const kinds = [
  // [extension, share, body(rand, i), call(id)]
  ['py', 25, (r, i) => `def step_${i}(records, factor=${i % 7}):\n    """${sentence(r, 60)}"""\n    total = 0\n    for record in records:\n        total += record.amount * factor\n    return total\n\n`, (id) => `resp = client.chat.completions.create(model="${id}", messages=[])\n`],
  ['ts', 25, (r, i) => `/** ${sentence(r, 60)} */\nexport function step${i}(records: Row[], factor = ${i % 7}): number {\n  let total = 0;\n  for (const record of records) total += record.amount * factor;\n  return total;\n}\n\n`, (id) => `const resp = await client.chat.completions.create({ model: "${id}", messages: [] });\n`],
  ['go', 10, (r, i) => `// Step${i} ${sentence(r, 60)}\nfunc Step${i}(records []Row, factor int) int {\n\ttotal := 0\n\tfor _, r := range records {\n\t\ttotal += r.Amount * factor\n\t}\n\treturn total\n}\n\n`, (id) => `var req = Request{Model: "${id}"}\n`],
  ['java', 10, (r, i) => `    /** ${sentence(r, 60)} */\n    static int step${i}(int[] records, int factor) {\n        int total = 0;\n        for (int r : records) total += r * factor;\n        return total;\n    }\n\n`, (id) => `    static final String MODEL = "${id}";\n`],
  ['rs', 5, (r, i) => `/// ${sentence(r, 60)}\nfn step_${i}(records: &[Row], factor: i64) -> i64 {\n    records.iter().map(|r| r.amount * factor).sum()\n}\n\n`, (id) => `const MODEL: &str = "${id}";\n`],
  ['json', 8, (r, i) => `  "key${i}": { "label": "${sentence(r, 40)}", "weight": ${i % 13}, "enabled": ${i % 2 === 0} },\n`, (id) => `  "model": "${id}",\n`],
  ['yaml', 7, (r, i) => `step${i}:\n  label: ${sentence(r, 40)}\n  weight: ${i % 13}\n  enabled: ${i % 2 === 0}\n`, (id) => `model: ${id}\n`],
  ['md', 5, (r, i) => `## Step ${i}\n\n${sentence(r, 200)}\n\n`, (id) => '```python\nclient.chat.completions.create(model="' + id + '")\n```\n'],
  ['properties', 2, (r, i) => `app.step${i}.label=${sentence(r, 40)}\napp.step${i}.weight=${i % 13}\n`, (id) => `spring.ai.deepseek.chat.options.model=${id}\n`],
  ['txt', 3, (r, i) => `${sentence(r, 120)}\n`, (id) => `model ${id}\n`],
];

const wrap = {
  json: (body) => `{\n${body}  "end": true\n}\n`,
  java: (body) => `class Steps {\n${body}}\n`,
  go: (body) => `package steps\n\n${body}`,
};

const retired = ['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder'];

/**
 * Writes the tree under `dir`. Returns what it wrote: file count, bytes, files that call DeepSeek
 * with a retired ID (one finding each, except .txt files, which lint does not walk) and files that
 * only mention DeepSeek.
 */
export function writeTree(dir, { files = 20_000, calls = 40, mentions = 20, bytesPerFile = 4_600, seed = 7 } = {}) {
  const rand = rng(seed);
  const total = kinds.reduce((a, k) => a + k[1], 0);
  mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), '*.log\nbuild/\n');
  const callEvery = Math.floor(files / calls);
  const mentionEvery = Math.floor(files / mentions);
  let bytes = 0;
  let callFiles = 0;
  let expectedFindings = 0;
  let mentionFiles = 0;
  for (let n = 0; n < files; n++) {
    let pick = (n * 7919) % total;
    const kind = kinds.find((k) => (pick -= k[1]) < 0);
    const [ext, , body, call] = kind;
    const sub = path.join(dir, 'packages', `pkg${String(n % 40).padStart(2, '0')}`, 'src', `mod${Math.floor(n / 40) % 10}`);
    mkdirSync(sub, { recursive: true });
    let text = '';
    for (let i = 0; text.length < bytesPerFile; i++) text += body(rand, i + n);
    if (n % callEvery === 3 && callFiles < calls) {
      text = call(retired[callFiles % retired.length]) + text;
      callFiles++;
      if (ext !== 'txt') expectedFindings++;
    } else if (n % mentionEvery === 11 && mentionFiles < mentions) {
      text = (ext === 'py' || ext === 'yaml' || ext === 'properties' || ext === 'txt' ? '# ' : ext === 'md' ? '' : '// ') + 'Calls https://api.deepseek.com through the gateway.\n' + text;
      mentionFiles++;
    }
    const content = wrap[ext] ? wrap[ext](text) : text;
    writeFileSync(path.join(sub, `file${n}.${ext}`), content);
    bytes += Buffer.byteLength(content);
  }
  return { files, bytes, callFiles, expectedFindings, mentionFiles };
}
