// Deterministic inputs for the benchmarks: a seeded generator, so every run measures the same text.
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = 'the model answers questions about invoices refunds shipping orders and returns politely with short clear steps and cites the policy section when it can'.split(' ');

export function sentence(rand, length) {
  let out = '';
  while (out.length < length) out += words[Math.floor(rand() * words.length)] + ' ';
  return out.slice(0, length);
}

/**
 * A Python file of `lines` lines with DeepSeek calls, retired IDs and prompt literals. `flat` puts
 * every statement at module level (the worst case for tree-sitter's incremental reparse of Python);
 * otherwise the code sits in functions, as real modules do.
 */
export function pythonFile(lines, seed = 1, { flat = false } = {}) {
  const rand = rng(seed);
  const out = ['from openai import OpenAI', 'client = OpenAI(base_url="https://api.deepseek.com")', ''];
  let i = 0;
  const indent = flat ? '' : '    ';
  while (out.length < lines - 8) {
    i++;
    if (!flat && i % 10 === 1) out.push('', `def helper_${i}(data):`);
    if (i % 50 === 0) {
      out.push(`${indent}resp_${i} = client.chat.completions.create(model="${i % 100 === 0 ? 'deepseek-chat' : 'deepseek-v4-pro'}", max_tokens=512,`);
      out.push(`${indent}    messages=[{"role": "system", "content": "${sentence(rand, 120)}"}, {"role": "user", "content": data}])`);
    } else {
      out.push(`${indent}value_${i} = compute(${i}, "${sentence(rand, 24)}")  # note ${i}`);
    }
  }
  out.push('', 'PROMPT_200 = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "system", "content": "' + sentence(rand, 200) + '"}])');
  out.push('PROMPT_2000 = client.chat.completions.create(model="deepseek-v4-pro", messages=[{"role": "system", "content": "' + sentence(rand, 2000) + '"}])');
  while (out.length < lines) out.push(`tail_${out.length} = ${out.length}`);
  return out.slice(0, lines).join('\n') + '\n';
}

/** The same shape in TypeScript. */
export function typescriptFile(lines, seed = 2) {
  const rand = rng(seed);
  const out = ['import OpenAI from "openai";', 'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });', ''];
  let i = 0;
  while (out.length < lines - 8) {
    i++;
    if (i % 50 === 0) {
      out.push(`export async function call${i}(question: string) {`);
      out.push(`  return client.chat.completions.create({ model: "${i % 100 === 0 ? 'deepseek-chat' : 'deepseek-v4-pro'}", max_tokens: 512,`);
      out.push(`    messages: [{ role: "system", content: "${sentence(rand, 120)}" }, { role: "user", content: question }] });`);
      out.push('}');
    } else {
      out.push(`const value${i}: number = compute(${i}, "${sentence(rand, 24)}"); // note ${i}`);
    }
  }
  out.push('export const p200 = client.chat.completions.create({ model: "deepseek-v4-flash", messages: [{ role: "system", content: "' + sentence(rand, 200) + '" }] });');
  out.push('export const p2000 = client.chat.completions.create({ model: "deepseek-v4-pro", messages: [{ role: "system", content: "' + sentence(rand, 2000) + '" }] });');
  while (out.length < lines) out.push(`export const tail${out.length} = ${out.length};`);
  return out.join('\n') + '\n';
}

/** Line and character of the middle of the literal that follows `marker`. */
export function positionInside(text, marker, into = 20) {
  const idx = text.indexOf(marker);
  if (idx < 0) throw new Error(`marker not found: ${marker}`);
  const target = text.indexOf('content', idx);
  const offset = text.indexOf('"', target + 9) + into;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}
