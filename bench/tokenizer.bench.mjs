// DeepSeek tokenizer benchmark: ours (pure TypeScript, bundled as it ships) against Hugging Face's
// Rust `tokenizers` (native, the reference) and `@huggingface/tokenizers` (pure JS), all on the same
// tokenizer.json, in one run. Figures are ratios to Rust measured in the same run.
//
//   node --import tsx bench/tokenizer.bench.mjs        (tsx: the seeded text generators are .ts)
//
// Cold load is measured in a fresh child process per sample; throughput and latency in this
// process after a warm-up, on texts no run has seen before (so caches help only as they would
// on new text). Exports run() → JSON-able results and print(results).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { buildTokenizerData } from '../scripts/build-tokenizer-data.mjs';
import { chineseText, codeText, englishText, mixedText, seededRng } from '../test/unit/tokenizer/corpus.ts';
import { round, summarize } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const TOKENIZER_JSON = require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer.json');
const TOKENIZER_CONFIG = require.resolve('@lenml/tokenizer-deepseek_v4/models/tokenizer_config.json');
const ENGINES = ['ours', 'rust', 'hfJs'];
const KINDS = ['english', 'chinese', 'code', 'mixed'];

/** Roughly `chars` characters of a kind of text, fully determined by the seed. */
function makeText(kind, seed, chars) {
  const rng = seededRng(seed);
  let s = '';
  while (s.length < chars) {
    if (kind === 'english') s += englishText(rng, 40) + '\n';
    else if (kind === 'chinese') s += chineseText(rng, 120);
    else if (kind === 'code') s += codeText(rng, 2);
    else s += mixedText(rng, 6);
  }
  return s.slice(0, chars).replace(/[\ud800-\udbff]$/, '.');
}

/** Bundles src/core/tokenizer like esbuild.mjs does, with its data beside it: the shipped layout. */
async function bundleOurs(dir) {
  const outfile = join(dir, 'tokenizer-bundle.js');
  await esbuild.build({
    entryPoints: [new URL('../src/core/tokenizer/index.ts', import.meta.url).pathname],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile, logLevel: 'warning',
  });
  await buildTokenizerData(join(dir, 'tokenizer'));
  return outfile;
}

const CHILD = `
const [engine, bundle, rustPath, hfPath, json, config] = process.argv.slice(2);
const fs = require('fs');
global.gc(); const m0 = process.memoryUsage(); const t0 = performance.now();
let encode;
if (engine === 'ours') {
  const tok = require(bundle).loadDeepSeekTokenizer();
  encode = async (s) => tok.encode(s);
} else if (engine === 'rust') {
  const { Tokenizer } = require(rustPath);
  const tok = Tokenizer.fromFile(json);
  encode = async (s) => (await tok.encode(s, null, { addSpecialTokens: false })).getIds();
} else {
  const { Tokenizer } = require(hfPath);
  const tok = new Tokenizer(JSON.parse(fs.readFileSync(json, 'utf8')), JSON.parse(fs.readFileSync(config, 'utf8')));
  encode = async (s) => tok.encode(s, { add_special_tokens: false }).ids;
}
const t1 = performance.now();
encode('Hello, world! 你好，世界。').then((ids) => {
  const t2 = performance.now();
  global.gc(); const m1 = process.memoryUsage();
  const heap = (m) => m.heapUsed + m.external + m.arrayBuffers;
  process.stdout.write(JSON.stringify({ loadMs: t1 - t0, firstEncodeMs: t2 - t1, rssMB: (m1.rss - m0.rss) / 2 ** 20, heapMB: (heap(m1) - heap(m0)) / 2 ** 20, tokens: ids.length }));
});
`;

function coldLoad(dir, bundle, samples) {
  const script = join(dir, 'cold-load.cjs');
  writeFileSync(script, CHILD);
  const rustPath = require.resolve('tokenizers');
  const hfPath = require.resolve('@huggingface/tokenizers');
  const raw = Object.fromEntries(ENGINES.map((e) => [e, []]));
  for (let i = 0; i < samples; i++) {
    for (const engine of ENGINES) {
      const r = spawnSync(process.execPath, ['--expose-gc', script, engine, bundle, rustPath, hfPath, TOKENIZER_JSON, TOKENIZER_CONFIG], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold load of ${engine} failed: ${r.stderr}`);
      raw[engine].push(JSON.parse(r.stdout));
    }
  }
  const out = {};
  for (const e of ENGINES) {
    const pick = (k) => summarize(raw[e].map((s) => s[k]), 2);
    out[e] = { samples, loadMs: pick('loadMs'), firstEncodeMs: pick('firstEncodeMs'), loadPlusFirstEncodeMs: summarize(raw[e].map((s) => s.loadMs + s.firstEncodeMs), 2), rssMB: pick('rssMB'), heapMB: pick('heapMB') };
  }
  return out;
}

function loadEngines(bundle) {
  const ours = require(bundle).loadDeepSeekTokenizer();
  const { Tokenizer: RustTokenizer } = require('tokenizers');
  const rust = RustTokenizer.fromFile(TOKENIZER_JSON);
  const { Tokenizer: HfTokenizer } = require('@huggingface/tokenizers');
  const hf = new HfTokenizer(JSON.parse(readFileSync(TOKENIZER_JSON, 'utf8')), JSON.parse(readFileSync(TOKENIZER_CONFIG, 'utf8')));
  return {
    ours: { encode: async (s) => ours.encode(s), raw: ours },
    rust: { encode: async (s) => (await rust.encode(s, null, { addSpecialTokens: false })).getIds() },
    hfJs: { encode: async (s) => hf.encode(s, { add_special_tokens: false }).ids },
    // The Rust engine's best case: one call for the whole batch, spread over all cores.
    rustBatch: { encodeAll: async (docs) => (await rust.encodeBatch(docs, { addSpecialTokens: false })).map((e) => e.getIds()) },
  };
}

async function timeDocs(engine, docs) {
  let tokens = 0;
  const t0 = performance.now();
  if (engine.encodeAll) for (const ids of await engine.encodeAll(docs)) tokens += ids.length;
  else for (const d of docs) tokens += (await engine.encode(d)).length;
  return { ms: performance.now() - t0, tokens };
}

const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

export async function run({ coldSamples = 5, runs = 7, docsPerRun = 40, docChars = 2000, latencySamples = 40 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dsk-tok-bench-'));
  try {
    const bundle = await bundleOurs(dir);
    const results = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      dataFileKB: round(readFileSync(join(dir, 'tokenizer', 'deepseek-v4.bin')).length / 1024, 1),
      coldLoad: coldLoad(dir, bundle, coldSamples),
      throughput: {},
      latencyMs: {},
      exactness: { strings: 0, mismatches: { ours: 0, hfJs: 0 }, firstMismatch: null },
    };
    const engines = loadEngines(bundle);
    const check = (text, ids) => {
      results.exactness.strings++;
      for (const e of ['ours', 'hfJs']) {
        if (!same(ids[e], ids.rust)) {
          results.exactness.mismatches[e]++;
          results.exactness.firstMismatch ??= { engine: e, text: text.slice(0, 200) };
        }
      }
    };
    // Warm-up on texts the timed runs never use.
    for (const kind of KINDS) {
      const warm = Array.from({ length: docsPerRun }, (_, i) => makeText(kind, 900_000 + i, docChars));
      for (const e of [...ENGINES, 'rustBatch']) await timeDocs(engines[e], warm);
    }
    for (const kind of KINDS) {
      const perRun = Object.fromEntries([...ENGINES, 'rustBatch', 'oursEmptyCache'].map((e) => [e, []]));
      for (let r = 0; r < runs; r++) {
        const docs = Array.from({ length: docsPerRun }, (_, i) => makeText(kind, 1000 * (r + 1) + i + KINDS.indexOf(kind) * 100_000, docChars));
        // Rotate the order so no engine always runs first (GC and CPU-frequency effects).
        const timed = [...ENGINES, 'rustBatch'];
        const order = timed.map((_, k) => timed[(k + r) % timed.length]);
        for (const e of order) {
          const { ms, tokens } = await timeDocs(engines[e], docs);
          perRun[e].push({ tps: (tokens / ms) * 1000 });
        }
        engines.ours.raw.cache.clear();
        const { ms, tokens } = await timeDocs(engines.ours, docs);
        perRun.oursEmptyCache.push({ tps: (tokens / ms) * 1000 });
        for (const d of docs) check(d, { ours: await engines.ours.encode(d), rust: await engines.rust.encode(d), hfJs: await engines.hfJs.encode(d) });
      }
      results.throughput[kind] = {};
      for (const e of Object.keys(perRun)) {
        results.throughput[kind][e] = {
          tokensPerSec: summarize(perRun[e].map((x) => x.tps), 0),
          ratioToRust: summarize(perRun[e].map((x, r) => x.tps / perRun.rust[r].tps), 2),
          ratioToRustBatch: summarize(perRun[e].map((x, r) => x.tps / perRun.rustBatch[r].tps), 2),
        };
      }
    }
    for (const chars of [1000, 2000]) {
      results.latencyMs[chars] = {};
      for (const kind of KINDS) {
        const texts = Array.from({ length: latencySamples }, (_, i) => makeText(kind, 5_000_000 + chars * 10 + i + KINDS.indexOf(kind) * 1000, chars));
        results.latencyMs[chars][kind] = {};
        for (const e of ENGINES) {
          const samples = [];
          for (const t of texts) {
            const t0 = performance.now();
            await engines[e].encode(t);
            samples.push(performance.now() - t0);
          }
          results.latencyMs[chars][kind][e] = summarize(samples, 3);
        }
      }
    }
    const ours = results.coldLoad.ours;
    // Judged against the faster of the two ways of calling Rust, with the cache emptied per run.
    const minRatio = Math.min(...KINDS.map((k) => Math.min(results.throughput[k].oursEmptyCache.ratioToRust.median, results.throughput[k].oursEmptyCache.ratioToRustBatch.median)));
    results.budgets = {
      coldLoadUnder300ms: { value: ours.loadPlusFirstEncodeMs.median, ok: ours.loadPlusFirstEncodeMs.max < 300 },
      memoryUnder80MB: { value: ours.rssMB.median, ok: ours.rssMB.max < 80 },
      exact: { ok: results.exactness.mismatches.ours === 0 },
      atLeastHalfRustThroughput: { value: minRatio, ok: minRatio >= 0.5 },
    };
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function print(r) {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`\nDeepSeek tokenizer (${r.node}, ${r.platform}, ${r.cpu}); data file ${r.dataFileKB} KB`);
  console.log('Cold load in a fresh process (median [min–max])');
  console.log(`  ${'engine'.padEnd(8)}${pad('load ms', 22)}${pad('+1st encode ms', 22)}${pad('RSS Δ MB', 22)}${pad('heap Δ MB', 22)}`);
  const mm = (s) => `${s.median} [${s.min}–${s.max}]`;
  for (const [e, c] of Object.entries(r.coldLoad)) {
    console.log(`  ${e.padEnd(8)}${pad(mm(c.loadMs), 22)}${pad(mm(c.loadPlusFirstEncodeMs), 22)}${pad(mm(c.rssMB), 22)}${pad(mm(c.heapMB), 22)}`);
  }
  console.log('Throughput on unseen 2,000-char texts: tokens/s median, ratio to Rust (per-text calls) and to Rust encodeBatch, median [min–max]');
  for (const [kind, t] of Object.entries(r.throughput)) {
    console.log(`  ${kind}`);
    for (const [e, v] of Object.entries(t)) {
      const ratio = (s) => `${s.median}× [${s.min}–${s.max}]`;
      console.log(`    ${e.padEnd(15)}${pad(v.tokensPerSec.median, 10)}${pad(ratio(v.ratioToRust), 24)}${pad(ratio(v.ratioToRustBatch), 24)}`);
    }
  }
  console.log('Latency per text after warm-up, ms (median)');
  for (const [chars, byKind] of Object.entries(r.latencyMs)) {
    for (const [kind, v] of Object.entries(byKind)) {
      console.log(`  ${pad(chars, 5)} chars ${kind.padEnd(8)} ${Object.entries(v).map(([e, s]) => `${e} ${s.median}`).join('  ')}`);
    }
  }
  const x = r.exactness;
  console.log(`Exactness vs Rust on ${x.strings} texts: ours ${x.mismatches.ours} mismatches, hfJs ${x.mismatches.hfJs}`);
  console.log('Budgets: ' + Object.entries(r.budgets).map(([k, v]) => `${k} ${v.ok ? 'OK' : 'MISSED'}${v.value !== undefined ? ` (${v.value})` : ''}`).join(', '));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  print(r);
}
