// Deterministic (seeded) text generators for the tokenizer exactness tests and the benchmark.
// Every string is a function of the seed, so a failure names a reproducible input.

import { type Rng, seededRng } from '../../support/seededRng';

export { type Rng, seededRng };

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chars = (s: string): string[] => [...s];

const ENGLISH_WORDS = (
  'the of and to in is was that for it with as his on be at by had are but from or have an they which one you were ' +
  'her all she there would their we him been has when who will more no if out so said what up its about into than ' +
  'them can only other new some could time these two may then do first any my now such like our over man me even ' +
  'most made after also did many before must through back years where much your way well down should because each ' +
  'just those people how too little state good very make world still own see men work long get here between both ' +
  'life being under never day same another know while last might us great old year off come since against go came ' +
  'right used take three tokenizer DeepSeek pricing context window cache hit miss latency throughput prompt reasoning ' +
  "I'm don't can't it's we'll they've you'd O'Brien e-mail co-operate state-of-the-art naïve café résumé façade"
).split(' ');

const CHINESE = chars(
  '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从' +
  '深度求索模型价格缓存命中输入输出令牌推理上下文窗口计费请求响应开发者语言服务器扩展插件编辑器统计成本会话日志代理'
);
const CJK_PUNCT = chars('，。！？；：、「」『』（）《》【】…—～·');
const JAPANESE = chars('あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞゃゅょっアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴャュョッー・゛゜ゝゞヽヾ');
const SCRIPTS: Record<string, string[]> = {
  arabic: 'مرحبا بالعالم هذا نص تجريبي باللغة العربية مع تشكيل: كَتَبَ الطَّالِبُ الدَّرْسَ ١٢٣ ٤٥٦'.split(' '),
  hindi: 'नमस्ते दुनिया यह हिंदी में एक परीक्षण वाक्य है क्षत्रिय ज्ञान श्री १२३४'.split(' '),
  thai: 'สวัสดีครับ ภาษาไทย ไม่มีการเว้นวรรค ระหว่างคำ น้ำ ผู้ใหญ่ ๑๒๓'.split(' '),
  korean: '안녕하세요 세계 한국어 테스트 문장입니다 토크나이저 가격 계산 ㄱㄴㄷ ᄀᄂ'.split(' '),
  cyrillic: 'Привет мир это тестовое предложение на русском языке Ёлка ЪЬ Ѳ Україна'.split(' '),
  greek: 'Καλημέρα κόσμε αυτή είναι μια δοκιμαστική πρόταση ΑΒΓΔ ῷ ἄνθρωπος'.split(' '),
  hebrew: 'שלום עולם זהו משפט בדיקה בעברית עם ניקוד: בְּרֵאשִׁית בָּרָא'.split(' '),
  japanese: '東京都 日本語のテキスト カタカナ ひらがな 漢字 ｶﾀｶﾅ 令和６年 ヴァイオリン'.split(' '),
};
const EMOJI = [
  '😀', '🚀', '🎉', '❤️', '👍', '👍🏽', '👋🏿', '🧑‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇯🇵', '🇨🇳', '1️⃣', '#️⃣', '©️', '™',
  '👩🏾‍🚀', '🤷‍♂️', '⭐', '☕', '🫠', '🦀', '🐍', '✅', '❌', '⚠️', '🔥', '💯', '🙏🏻', '🧔‍♀️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];
const WHITESPACE = [' ', ' ', ' ', '  ', '    ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u3000', '\u2003', '\u2009', '\u0085', '\u200b', '\ufeff', '\u000b', '\u000c', '\u2028', '\u202f', '\u180e'];
const PUNCT = chars('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') .concat(chars('¡¿«»“”‘’—–…•·§¶†‡°±×÷€£¥₹₩€‰′″‹›「」、。・〜'));
const DIGITS = chars('0123456789').concat(chars('０１２３４５６７８９٠١٢٣۴५६๗²³¹½①②⑩ⅫⅣ〇𝟘𝟙'));
const ODD = [
  '\ud800', '\udfff', '\udbff', '\ud83d', '\ude00', '\u0000', '\u0001', '\u001b', '\u007f', '\u0080', '\u009f', '\u00ad', '\u034f',
  '\u0301', '\u0308', '\u20dd', '\ufe0f', '\ufe0e', '\u200c', '\u200d', '\u2060', '\u2066', '\u202e', '\ue000', '\uf8ff', '\ufffd',
  '\ufffe', '\uffff', '\ufdd0', '\u{10ffff}', '\u{e0001}', '\u{e0041}', '\u{e0100}', '\u{1d49c}', '\u{1d7d8}', '\u{20000}',
  '\u{2a6d6}', '\u{31350}', '\u{1f3fb}', '\u{f0000}', '\u{50000}', '\u0378', '\u0e3a', '\u{16fe4}', '\u{1cc00}', '\u{11f00}',
  '\u3040', '\u3097', '\u3099', '\u309b', '\u30a0', '\u30fb', '\u30fc', '\u9fa5', '\u9fa6', '\u4dff', '\u4e00', '\u309f', '\u30ff',
];

const CODE_SNIPPETS = [
  (id: string, n: string) => `function ${id}(a, b) {\n  const ${id}Total = a + b * ${n};\n  return ${id}Total > 0 ? ${id}Total : -1;\n}\n`,
  (id: string, n: string) => `export async function ${id}(req: Request): Promise<Response> {\n\tconst body = await req.json() as { model: string };\n\tif (!body.model?.startsWith("deepseek-")) throw new Error(\`bad \${body.model}\`);\n\treturn new Response(JSON.stringify({ ok: true, n: ${n} }));\n}\n`,
  (id: string, n: string) => `def ${id}(self, x: int = ${n}) -> list[int]:\n    """Docstring for ${id}."""\n    return [i ** 2 for i in range(x) if i % 3 == 0]\n\n`,
  (id: string, n: string) => `fn ${id}<'a>(s: &'a str) -> Option<&'a str> {\n    let v: Vec<u32> = vec![${n}, 0x1F, 0b1010];\n    s.split(|c: char| c.is_whitespace()).next()\n}\n`,
  (id: string, n: string) => `func ${id}(ctx context.Context) error {\n\tif err := db.QueryRowContext(ctx, "SELECT ${n}").Scan(&x); err != nil {\n\t\treturn fmt.Errorf("${id}: %w", err)\n\t}\n\treturn nil\n}\n`,
  (id: string, n: string) => `public static int ${id}(String[] args) {\r\n    System.out.println("Hello, " + args[0] + "!");\r\n    return ${n};\r\n}\r\n`,
  (id: string, n: string) => `#include <stdio.h>\nint ${id}(void) { printf("%d\\n", ${n}); return 0; } // ${id}\n`,
  (id: string, n: string) => `SELECT u.id, COUNT(*) AS ${id} FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > ${n} GROUP BY u.id;\n`,
  (id: string, n: string) => `<div class="${id}" data-n="${n}"><span>&nbsp;${id}&amp;</span><br/></div>\n`,
  (id: string, n: string) => `{"model": "deepseek-chat", "${id}": [${n}, 1.5e-3, null, true], "nested": {"k": "v"}}\n`,
  (id: string, n: string) => `#!/usr/bin/env bash\nset -euo pipefail\nfor f in ./*.log; do grep -c "${id}" "$f" || echo ${n}; done\n`,
  (id: string, n: string) => `    ${id} = re.compile(r"^\\s*(\\d{1,3})[-_.](\\w+)$", re.I)  # ${n}\n`,
  (id: string, n: string) => `const ${id} = \`template \${x} and \${y.map((z) => z * ${n}).join(', ')}\`;\n`,
];
const IDENTS = ['foo', 'barBaz', 'snake_case_name', 'HTTPServer', 'x1', '_private', 'getUserById', 'MAX_TOKENS', 'i', 'dataFrame2'];

export function englishText(rng: Rng, words: number): string {
  const out: string[] = [];
  let sentenceStart = true;
  for (let i = 0; i < words; i++) {
    let w = pick(rng, ENGLISH_WORDS);
    if (sentenceStart) w = w[0]!.toUpperCase() + w.slice(1);
    sentenceStart = false;
    if (rng() < 0.04) w = String(int(rng, 0, 100000));
    out.push(w);
    const r = rng();
    if (r < 0.07) { out.push('. '); sentenceStart = true; }
    else if (r < 0.1) out.push(', ');
    else if (r < 0.11) out.push('?\n');
    else if (r < 0.115) out.push('.\n\n');
    else if (r < 0.12) out.push(' (' + pick(rng, ENGLISH_WORDS) + ') ');
    else out.push(' ');
  }
  return out.join('').trimEnd() + '.';
}

export function chineseText(rng: Rng, chars: number): string {
  let s = '';
  while (s.length < chars) {
    const run = int(rng, 3, 18);
    for (let i = 0; i < run; i++) s += pick(rng, CHINESE);
    s += pick(rng, CJK_PUNCT);
    if (rng() < 0.05) s += '\n';
    if (rng() < 0.05) s += String(int(rng, 1, 2025));
  }
  return s;
}

export function codeText(rng: Rng, snippets: number): string {
  let s = '';
  for (let i = 0; i < snippets; i++) s += pick(rng, CODE_SNIPPETS)(pick(rng, IDENTS), String(int(rng, 0, 99999)));
  return s;
}

export function mixedText(rng: Rng, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) {
    const r = rng();
    if (r < 0.3) s += englishText(rng, int(rng, 3, 20)) + ' ';
    else if (r < 0.55) s += chineseText(rng, int(rng, 5, 30));
    else if (r < 0.7) s += codeText(rng, 1);
    else if (r < 0.8) s += pick(rng, EMOJI) + ' ';
    else if (r < 0.9) s += pick(rng, Object.values(SCRIPTS).flat()) + ' ';
    else s += pick(rng, WHITESPACE) + pick(rng, PUNCT);
  }
  return s;
}

function emojiText(rng: Rng): string {
  let s = '';
  const n = int(rng, 1, 12);
  for (let i = 0; i < n; i++) {
    const r = rng();
    s += pick(rng, EMOJI);
    if (r < 0.3) s += pick(rng, ENGLISH_WORDS);
    else if (r < 0.5) s += ' ';
    else if (r < 0.6) s += pick(rng, CHINESE);
    else if (r < 0.65) s += '\n';
  }
  return s;
}

function whitespaceText(rng: Rng): string {
  let s = '';
  const n = int(rng, 1, 15);
  for (let i = 0; i < n; i++) {
    const k = int(rng, 1, 4);
    for (let j = 0; j < k; j++) s += pick(rng, WHITESPACE);
    const r = rng();
    if (r < 0.4) s += pick(rng, ENGLISH_WORDS);
    else if (r < 0.55) s += pick(rng, PUNCT);
    else if (r < 0.65) s += pick(rng, DIGITS);
    else if (r < 0.75) s += pick(rng, CHINESE);
  }
  return s;
}

function digitText(rng: Rng): string {
  let s = '';
  const n = int(rng, 1, 6);
  for (let i = 0; i < n; i++) {
    const len = int(rng, 1, 40);
    for (let j = 0; j < len; j++) s += rng() < 0.85 ? String(int(rng, 0, 9)) : pick(rng, DIGITS);
    s += pick(rng, ['', ' ', '.', ',', 'px', '%', '\n', '-', 'e', 'K', '年', ' USD']);
  }
  return s;
}

function punctText(rng: Rng): string {
  let s = '';
  const n = int(rng, 1, 25);
  for (let i = 0; i < n; i++) {
    s += pick(rng, PUNCT);
    const r = rng();
    if (r < 0.2) s += pick(rng, ENGLISH_WORDS);
    else if (r < 0.3) s += ' ';
    else if (r < 0.38) s += pick(rng, ['\n', '\r\n', '\n\n', '\r']);
    else if (r < 0.42) s += pick(rng, CHINESE);
  }
  return s;
}

function specialTokenText(rng: Rng, specials: readonly string[]): string {
  let s = '';
  const n = int(rng, 1, 8);
  for (let i = 0; i < n; i++) {
    const tok = pick(rng, specials);
    const r = rng();
    if (r < 0.6) s += tok;
    else if (r < 0.75) s += tok.slice(0, int(rng, 1, Math.max(1, tok.length - 1))); // truncated: must not match
    else if (r < 0.85) s += tok.slice(int(rng, 1, Math.max(1, tok.length - 1)));
    else s += tok + tok;
    const g = rng();
    if (g < 0.3) s += englishText(rng, int(rng, 1, 6));
    else if (g < 0.45) s += ' ';
    else if (g < 0.55) s += '\n';
    else if (g < 0.65) s += chineseText(rng, 4);
    else if (g < 0.7) s += '<';
  }
  return s;
}

function oddText(rng: Rng): string {
  let s = '';
  const n = int(rng, 1, 12);
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.5) s += pick(rng, ODD);
    else if (r < 0.7) s += String.fromCodePoint(int(rng, 0, 0x10ffff));
    else if (r < 0.8) s += String.fromCharCode(int(rng, 0, 0xffff)); // may be a lone surrogate
    else if (r < 0.9) s += pick(rng, ENGLISH_WORDS);
    else s += pick(rng, WHITESPACE);
  }
  return s;
}

function scriptText(rng: Rng): string {
  const words = pick(rng, Object.values(SCRIPTS));
  const n = int(rng, 1, 20);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, words) + (rng() < 0.8 ? ' ' : pick(rng, ['\n', '، ', '। ', '. ', '', '  ']));
  return s;
}

function japaneseText(rng: Rng): string {
  let s = '';
  const n = int(rng, 2, 40);
  for (let i = 0; i < n; i++) s += rng() < 0.7 ? pick(rng, JAPANESE) : pick(rng, CHINESE);
  return s + pick(rng, CJK_PUNCT);
}

/** Long inputs (up to 20,000 chars), including single pieces long enough for the heap merge. */
function longText(rng: Rng, length: number): string {
  const kind = int(rng, 0, 7);
  const fill = (make: () => string): string => {
    let s = '';
    while (s.length < length) s += make();
    return s.slice(0, length).replace(/[\ud800-\udbff]$/, 'x');
  };
  switch (kind) {
    case 0: return fill(() => englishText(rng, 50) + '\n');
    case 1: return fill(() => chineseText(rng, 200));
    case 2: return fill(() => codeText(rng, 3));
    case 3: return fill(() => mixedText(rng, 10));
    case 4: return pick(rng, ['a', 'ab', 'xyz', 'é', '中', '    ', '\n', '0', '-', '😀']).repeat(Math.ceil(length / 2)).slice(0, length);
    case 5: return fill(() => pick(rng, ENGLISH_WORDS)); // letters with no spaces: one huge piece
    case 6: return fill(() => pick(rng, JAPANESE) + pick(rng, CHINESE)); // huge CJK piece
    default: return fill(() => whitespaceText(rng));
  }
}

export interface CorpusEntry {
  kind: string;
  text: string;
}

/**
 * `count` varied strings from `seed`. `specials` are added-token contents to embed (pass the
 * tokenizer.json list so every kind of added token is exercised).
 */
export function generateCorpus(seed: number, count: number, specials: readonly string[]): CorpusEntry[] {
  const rng = seededRng(seed);
  const makers: Array<[string, () => string]> = [
    ['english', () => englishText(rng, int(rng, 1, 120))],
    ['chinese', () => chineseText(rng, int(rng, 1, 300))],
    ['code', () => codeText(rng, int(rng, 1, 6))],
    ['mixed', () => mixedText(rng, int(rng, 1, 20))],
    ['emoji', () => emojiText(rng)],
    ['whitespace', () => whitespaceText(rng)],
    ['digits', () => digitText(rng)],
    ['punct', () => punctText(rng)],
    ['special', () => specialTokenText(rng, specials)],
    ['odd', () => oddText(rng)],
    ['script', () => scriptText(rng)],
    ['japanese', () => japaneseText(rng)],
  ];
  const out: CorpusEntry[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng();
    if (r < 0.01) {
      out.push({ kind: 'long', text: longText(rng, int(rng, 2000, 20000)) });
    } else if (r < 0.05) {
      out.push({ kind: 'single-char', text: String.fromCodePoint(rng() < 0.5 ? int(rng, 0, 0x3000) : int(rng, 0, 0x10ffff)) });
    } else {
      const [kind, make] = makers[i % makers.length]!;
      let text = make();
      if (rng() < 0.1) text = text.slice(int(rng, 0, text.length - 1)); // arbitrary cut points, even mid-pair
      out.push({ kind, text: text.length > 0 ? text : ' ' });
    }
  }
  // The extremes the brief names: one char and 20,000 chars.
  out.push({ kind: 'long', text: longText(rng, 20000) }, { kind: 'single-char', text: 'a' });
  return out;
}
