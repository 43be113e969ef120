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
 * A Python file of `lines` lines shaped like real modules (functions with docstrings, loops, blank
 * lines; about 35 bytes a line), with a DeepSeek call every few functions, some of them with retired
 * IDs, and prompt literals of 200 and 2,000 characters. `flat` instead puts one long statement per
 * line at module level: the worst case for tree-sitter's incremental reparse of Python.
 */
export function pythonFile(lines, seed = 1, { flat = false } = {}) {
  const rand = rng(seed);
  const out = ['from openai import OpenAI', 'client = OpenAI(base_url="https://api.deepseek.com")', ''];
  let i = 0;
  while (out.length < lines - 30) {
    i++;
    if (flat) {
      if (i % 50 === 0) {
        out.push(`resp_${i} = client.chat.completions.create(model="${i % 100 === 0 ? 'deepseek-chat' : 'deepseek-v4-pro'}", max_tokens=512,`);
        out.push(`    messages=[{"role": "system", "content": "${sentence(rand, 120)}"}, {"role": "user", "content": data}])`);
      } else {
        out.push(`value_${i} = compute(${i}, "${sentence(rand, 24)}")  # note ${i}`);
      }
      continue;
    }
    out.push(`def adjust_totals_for_step_${i}(records, settings):`, `    """Adjusts the running totals for processing step ${i}."""`, '    running_total = settings.get("initial_total", 0)', '    # Weight each record by the factor configured for this step.', '    for record in records:', `        running_total += record.amount * settings.factor(${i % 7 + 1})`);
    if (i % 6 === 0) {
      out.push('    resp = client.chat.completions.create(');
      out.push(`        model="${i % 12 === 0 ? 'deepseek-chat' : 'deepseek-v4-pro'}",`);
      out.push(`        messages=[{"role": "user", "content": "${sentence(rand, 40)}"}],`, '    )');
    }
    out.push('    if running_total > settings.limit:', `        return running_total - settings.discount(${i})`, '    return running_total', '', '');
  }
  out.push('', 'PROMPT_200 = client.chat.completions.create(model="deepseek-v4-flash", messages=[{"role": "system", "content": "' + sentence(rand, 200) + '"}])');
  out.push('PROMPT_2000 = client.chat.completions.create(model="deepseek-v4-pro", messages=[{"role": "system", "content": "' + sentence(rand, 2000) + '"}])');
  while (out.length < lines) out.push(`tail_${out.length} = ${out.length}`);
  return out.slice(0, lines).join('\n') + '\n';
}

/** The same in TypeScript: exported functions with JSDoc, loops and blank lines, about 35 bytes a line. */
export function typescriptFile(lines, seed = 2) {
  const rand = rng(seed);
  const out = ['import OpenAI from "openai";', 'const client = new OpenAI({ baseURL: "https://api.deepseek.com" });', ''];
  let i = 0;
  while (out.length < lines - 30) {
    i++;
    out.push(`/** Adjusts the running totals for processing step ${i}. */`, `export function adjustTotalsForStep${i}(records: Row[], settings: Settings): number {`, '  let runningTotal = settings.initialTotal ?? 0;', '  // Weight each record by the factor configured for this step.', '  for (const record of records) {', `    runningTotal += record.amount * settings.factor(${i % 7 + 1});`, '  }');
    if (i % 6 === 0) {
      out.push('  void client.chat.completions.create({');
      out.push(`    model: "${i % 12 === 0 ? 'deepseek-chat' : 'deepseek-v4-pro'}",`);
      out.push(`    messages: [{ role: "user", content: "${sentence(rand, 40)}" }],`, '  });');
    }
    out.push(`  return runningTotal > settings.limit ? runningTotal - settings.discount(${i}) : runningTotal;`, '}', '');
  }
  out.push('export const p200 = client.chat.completions.create({ model: "deepseek-v4-flash", messages: [{ role: "system", content: "' + sentence(rand, 200) + '" }] });');
  out.push('export const p2000 = client.chat.completions.create({ model: "deepseek-v4-pro", messages: [{ role: "system", content: "' + sentence(rand, 2000) + '" }] });');
  while (out.length < lines) out.push(`export const tail${out.length} = ${out.length};`);
  return out.slice(0, lines).join('\n') + '\n';
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
