// Ingest benchmark for the usage-log engine: a deterministic log of the supported formats, read by
// `deepseek-cost spend` in a child process (ingest rate, peak RSS), and, as the reference in the
// same run, ccusage 17.2.1 (`--offline --json`) on the identical Claude Code transcripts, which
// both tools read. Figures are ratios against that reference, never absolute targets.
//
//   node --import tsx bench/ingest.bench.mjs                 # 1 GB of logs (about 1M requests)
//   node --import tsx bench/ingest.bench.mjs --size 200MB    # a quick run
//   node --import tsx bench/ingest.bench.mjs --no-ccusage    # our engine only
//
// Generated files live in a temp dir that is removed at the end.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rng } from './lib/generate.mjs';
import { median, summarize } from './lib/stats.mjs';
// The engine runs as the CLI runs it (`spend` starts Node with these options).
import { SPEND_EXEC_ARGV } from '../src/shared/protocol.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Parses "200MB", "1GB", "512k" into bytes. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(String(text).trim());
  if (!m) throw new Error(`--size takes a size such as 200MB or 1GB, not "${text}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()];
  return Math.round(Number(m[1]) * unit);
}

// ---------------------------------------------------------------------------------------------
// Deterministic log generation. Every format writes about its share of the bytes; prompts vary in
// length (a few lines carry hundreds of KB, as request bodies with full prompts do).

const WORDS = 'refactor the parser so that streamed usage chunks are merged by id and the totals stay exact under rotation'.split(' ');

function text(rand, length) {
  let out = '';
  while (out.length < length) out += WORDS[Math.floor(rand() * WORDS.length)] + ' ';
  return out.slice(0, length);
}

function promptLength(rand) {
  const r = rand();
  if (r < 0.002) return 200_000 + Math.floor(rand() * 400_000);
  if (r < 0.05) return 5_000 + Math.floor(rand() * 20_000);
  return 50 + Math.floor(rand() * 600);
}

function usage(rand) {
  const hit = Math.floor(rand() * 30_000);
  const miss = 1 + Math.floor(rand() * 2_000);
  const out = 1 + Math.floor(rand() * 1_500);
  return { hit, miss, out, reasoning: Math.floor(out * rand() * 0.5) };
}

const T0 = Date.parse('2026-07-01T00:00:00Z');

const writers = {
  openai(rand, i, at) {
    const u = usage(rand);
    const b = { id: `oa-${i}`, object: 'chat.completion', created: Math.floor(at / 1000), model: rand() < 0.3 ? 'deepseek-v4-pro' : 'deepseek-v4-flash', choices: [{ index: 0, message: { role: 'assistant', content: text(rand, 200) }, finish_reason: 'stop' }], usage: { prompt_tokens: u.hit + u.miss, completion_tokens: u.out, prompt_tokens_details: { cached_tokens: u.hit }, completion_tokens_details: { reasoning_tokens: u.reasoning }, prompt_cache_hit_tokens: u.hit, prompt_cache_miss_tokens: u.miss } };
    const req = JSON.stringify({ time: new Date(at).toISOString(), request: { model: b.model, messages: [{ role: 'user', content: text(rand, promptLength(rand)) }] } });
    return `${req}\n${JSON.stringify(rand() < 0.5 ? b : { time: new Date(at).toISOString(), response: b })}\n`;
  },
  sse(rand, i, at) {
    const u = usage(rand);
    const base = { id: `st-${i}`, object: 'chat.completion.chunk', created: Math.floor(at / 1000), model: 'deepseek-v4-flash' };
    let s = ': keep-alive\n\n';
    for (let k = 0; k < 6; k++) s += `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: text(rand, 12) }, finish_reason: null }], usage: null })}\n\n`;
    s += `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: u.hit + u.miss, completion_tokens: u.out, prompt_cache_hit_tokens: u.hit, prompt_cache_miss_tokens: u.miss } })}\n\ndata: [DONE]\n\n`;
    return s;
  },
  ccr(rand, i, at) {
    const u = usage(rand);
    const chunk = { id: `ccr-${i}`, object: 'chat.completion.chunk', created: Math.floor(at / 1000), model: 'deepseek-v4-flash', choices: [], usage: { prompt_tokens: u.hit + u.miss, completion_tokens: u.out, prompt_cache_hit_tokens: u.hit, prompt_cache_miss_tokens: u.miss } };
    const p = (o) => JSON.stringify({ level: 20, time: at, pid: 7, hostname: 'bench', reqId: `req-${i % 1000}`, ...o }) + '\n';
    return p({ type: 'request body', data: { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: text(rand, promptLength(rand)) }] } })
      + p({ type: 'recieved data', data: JSON.stringify(chunk) }) + p({ tppe: 'Original Response', response: chunk }) + p({ type: 'recieved data', data: '[DONE]' });
  },
  newapi(rand, i, at) {
    const u = usage(rand);
    const d = new Date(at + 8 * 3600_000);
    const pad = (n) => String(n).padStart(2, '0');
    const ts = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} - ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `[INFO] ${ts} | na-${i} | record consume log: userId=1, params=${JSON.stringify({ channel_id: 3, prompt_tokens: u.hit + u.miss, completion_tokens: u.out, model_name: 'deepseek-v4-flash', quota: 90, other: { cache_tokens: u.hit } })} \n`;
  },
  litellm(rand, i, at) {
    const u = usage(rand);
    return JSON.stringify({ id: `ll-${i}`, call_type: 'acompletion', status: 'success', response_cost: 1, startTime: at / 1000 - 2, endTime: at / 1000, model: 'deepseek-v4-flash', messages: null, metadata: { usage_object: { prompt_tokens: u.hit + u.miss, completion_tokens: u.out, prompt_tokens_details: { cached_tokens: u.hit } } }, cache_hit: null }) + '\n';
  },
  /** Claude Code: a user line (sometimes a large tool result) and 1-3 lines per assistant message with the same id and usage. */
  claudeCode(rand, i, at) {
    const u = usage(rand);
    const common = { isSidechain: false, userType: 'external', cwd: '/home/dev/app', sessionId: 's-bench', version: '2.1.0' };
    let s = JSON.stringify({ ...common, parentUuid: null, type: 'user', uuid: `u-${i}`, timestamp: new Date(at - 1000).toISOString(), message: { role: 'user', content: text(rand, promptLength(rand)) } }) + '\n';
    const steps = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < steps; k++) {
      s += JSON.stringify({ ...common, parentUuid: `u-${i}`, type: 'assistant', uuid: `a-${i}-${k}`, timestamp: new Date(at + k).toISOString(), requestId: `req_${i}`, message: { id: `msg_${i}`, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text: text(rand, 120) }], stop_reason: null, usage: { input_tokens: u.miss, cache_creation_input_tokens: 0, cache_read_input_tokens: u.hit, output_tokens: u.out } } }) + '\n';
    }
    return s;
  },
};

/** Shares of the bytes per format; Claude Code gets the most, as it is what ccusage is compared on. */
const SHARES = { claudeCode: 0.4, openai: 0.2, ccr: 0.15, sse: 0.1, newapi: 0.08, litellm: 0.07 };

async function writeLog(path, format, bytes, seed) {
  const rand = rng(seed);
  const out = createWriteStream(path, { highWaterMark: 4 << 20 });
  let written = 0;
  let buffered = '';
  let i = 0;
  while (written < bytes) {
    const at = T0 + i * 7_000;
    const chunk = writers[format](rand, i++, at);
    buffered += chunk;
    written += Buffer.byteLength(chunk);
    if (buffered.length > 1 << 20) {
      if (!out.write(buffered)) await new Promise((r) => out.once('drain', r));
      buffered = '';
    }
  }
  out.write(buffered);
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  return { bytes: written, requests: i };
}

export async function generateLogs(dir, sizeBytes) {
  const files = {};
  let seed = 1;
  for (const [format, share] of Object.entries(SHARES)) {
    const path = format === 'claudeCode' ? join(dir, '.claude', 'projects', 'bench-project', 'session.jsonl') : join(dir, 'logs', `${format}.log`);
    mkdirSync(dirname(path), { recursive: true });
    files[format] = { path, ...(await writeLog(path, format, Math.round(sizeBytes * share), seed++)) };
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Child-process measurement: a preload writes the child's own peak RSS when it exits.
// It resets the peak first, as lib/peakRss.mjs explains (a CommonJS preload cannot import it): a
// child of a benchmark process that had grown to 200 MB reported 200 MB whatever it did.

const PRELOAD = `const fs = require('fs');
let reset = false;
try {
  fs.writeFileSync('/proc/self/clear_refs', '5');
  reset = true;
} catch {}
process.on('exit', () => {
  const u = process.resourceUsage();
  let peakKiB = u.maxRSS;
  if (reset) {
    const m = /VmHWM:\\s+(\\d+)\\s*kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) peakKiB = Number(m[1]);
  }
  fs.writeFileSync(process.env.BENCH_RUSAGE_OUT, JSON.stringify({ maxRSSKiB: peakKiB, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});`;

/**
 * The floors of ingestion over the same files, each a fresh process like `spend`: a raw read, a read
 * with a line split, and a read + split + JSON.parse of every line (in 1 MiB chunks, as the tailer
 * reads; a line that is not JSON fails its parse and counts as parsed all the same).
 */
const FLOOR = `const fs = require('node:fs');
const [mode, ...files] = process.argv.slice(2);
const CHUNK = 1 << 20;
const buf = Buffer.allocUnsafe(CHUNK);
let lines = 0, objects = 0;
for (const file of files) {
  const fd = fs.openSync(file, 'r');
  let carry = null;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    if (mode === 'raw') continue;
    let start = 0;
    for (let nl = buf.indexOf(10, 0); nl !== -1 && nl < n; nl = buf.indexOf(10, start)) {
      let line = buf.subarray(start, nl);
      if (carry) { line = Buffer.concat([carry, line]); carry = null; }
      start = nl + 1;
      lines++;
      if (mode === 'parse') { try { if (typeof JSON.parse(line.toString('utf8')) === 'object') objects++; } catch {} }
    }
    if (start < n) carry = carry ? Buffer.concat([carry, buf.subarray(start, n)]) : Buffer.from(buf.subarray(start, n));
  }
  fs.closeSync(fd);
}
console.log(JSON.stringify({ lines, objects }));`;

function measure(args, { env = {}, work }) {
  const usageOut = join(work, `rusage-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', join(work, 'preload.cjs'), ...args], { env: { ...process.env, ...env, BENCH_RUSAGE_OUT: usageOut }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let rusage = { maxRSSKiB: NaN, cpuMs: NaN };
      try {
        rusage = JSON.parse(readFileSync(usageOut, 'utf8'));
      } catch {
        // the child died before its exit hook ran
      }
      resolve({ code, wallMs, cpuMs: rusage.cpuMs, peakRssMB: rusage.maxRSSKiB / 1024, stdout, stderr });
    });
  });
}

async function bundleSpend(work) {
  const entry = join(work, 'spend-entry.ts');
  writeFileSync(entry, `import { runSpend } from ${JSON.stringify(join(root, 'src', 'cli', 'spend'))};
runSpend(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd() }).then((c) => { process.exitCode = c; });\n`);
  const outfile = join(work, 'spend.cjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', absWorkingDir: root });
  // SQLite's WebAssembly beside the bundle, as in dist/ (the --store runs need it).
  copyFileSync(join(dirname(require.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm'), join(work, 'node-sqlite3-wasm.wasm'));
  return outfile;
}

function mbps(bytes, ms) {
  return bytes / 1024 / 1024 / (ms / 1000);
}

const round = (x, d = 2) => (Number.isFinite(x) ? Number(x.toFixed(d)) : null);

/** Runs the benchmark and returns JSON-able results. */
export async function runIngestBench({ sizeBytes = 1024 ** 3, ccusage = true, repeats = 3, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'dcl-ingest-bench-'));
  try {
    writeFileSync(join(work, 'preload.cjs'), PRELOAD);
    writeFileSync(join(work, 'floor.cjs'), FLOOR);
    // The generated transcripts are Claude Code pointed at DeepSeek's Anthropic endpoint: its settings say so.
    const settings = join(work, 'claude-settings.json');
    writeFileSync(settings, JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://api.deepseek.com/anthropic' } }));
    const evidence = ['--claude-settings', settings];
    log(`generating ${round(sizeBytes / 1024 / 1024, 0)} MB of logs in ${work}`);
    const files = await generateLogs(work, sizeBytes);
    const spend = await bundleSpend(work);
    const all = Object.values(files);
    const totalBytes = all.reduce((n, f) => n + statSync(f.path).size, 0);
    const generatedRequests = all.reduce((n, f) => n + f.requests, 0);

    // Interleaved repeats, so a burst of load on the shared machine hits every variant alike; the
    // figure is the median, the spread goes with it.
    const paths = all.map((f) => f.path);
    const variants = {
      spend: () => measure([...SPEND_EXEC_ARGV, spend, ...paths, '--format', 'json', '--tz', 'UTC', '--log-tz', 'Asia/Shanghai', ...evidence], { work }),
      raw: () => measure([join(work, 'floor.cjs'), 'raw', ...paths], { work }),
      split: () => measure([join(work, 'floor.cjs'), 'split', ...paths], { work }),
      splitParse: () => measure([join(work, 'floor.cjs'), 'parse', ...paths], { work }),
    };
    const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    let mixed;
    for (let i = 0; i < repeats; i++) {
      log(`run ${i + 1} of ${repeats}: deepseek-cost spend over every format, then the floors (raw read, split, split + JSON.parse)`);
      for (const [k, v] of Object.entries(variants)) {
        const r = await v();
        if (r.code !== 0) throw new Error(`${k} failed (${r.code}): ${r.stderr}`);
        if (k === 'spend') mixed = r;
        samples[k].push(r);
      }
    }
    const mixedReport = JSON.parse(mixed.stdout);
    const med = (k, f) => median(samples[k].map(f));
    const floors = Object.fromEntries(['spend', 'raw', 'split', 'splitParse'].map((k) => {
      const wall = summarize(samples[k].map((r) => r.wallMs), 0);
      return [k, { wallMs: wall, MBps: round(mbps(totalBytes, wall.median)), cpuMs: round(med(k, (r) => r.cpuMs), 0), peakRssMB: round(med(k, (r) => r.peakRssMB)) }];
    }));
    // Ratios per run (same run, same load), then their median and range.
    const perRun = samples.spend.map((r, i) => samples.splitParse[i].wallMs / r.wallMs);

    // Window reload: the same logs with a spend history. The first run fills it (a first start);
    // the second is a reload: stored requests loaded, only what the logs gained read (nothing here).
    // The reference is the full read above, in the same run.
    log('window reload: the same logs with a spend history (filled, then reloaded)');
    const history = join(work, 'history.sqlite');
    const withStore = [...SPEND_EXEC_ARGV, spend, ...all.map((f) => f.path), '--format', 'json', '--tz', 'UTC', '--log-tz', 'Asia/Shanghai', ...evidence, '--store', history];
    const filling = await measure(withStore, { work });
    if (filling.code !== 0) throw new Error(`spend --store failed (${filling.code}): ${filling.stderr}`);
    const reload = await measure(withStore, { work });
    if (reload.code !== 0) throw new Error(`spend --store (reload) failed (${reload.code}): ${reload.stderr}`);
    const reloadReport = JSON.parse(reload.stdout);
    const { Database } = require('node-sqlite3-wasm');
    const db = new Database(history, { fileMustExist: true });
    const storedRecords = Number(db.get('SELECT coalesce(sum(count), 0) AS n FROM batches').n);
    // The ledger image a reload starts from (one per set of reading settings; one here).
    const imageBytes = Number(db.get('SELECT coalesce(sum(length(data)), 0) AS n FROM snapshots').n);
    db.close();
    const historyBytes = statSync(history).size;
    const reloadResults = {
      fullReadMs: round(mixed.wallMs, 0),
      firstRunWithStoreMs: round(filling.wallMs, 0),
      reloadMs: round(reload.wallMs, 0),
      reloadOverFullRead: round(reload.wallMs / mixed.wallMs, 3),
      // The machine is shared: CPU time says what wall time can blur under load.
      fullReadCpuMs: round(mixed.cpuMs, 0),
      reloadCpuMs: round(reload.cpuMs, 0),
      reloadOverFullReadCpu: round(reload.cpuMs / mixed.cpuMs, 3),
      reloadPeakRssMB: round(reload.peakRssMB),
      sameTotals: reloadReport.total === mixedReport.total && reloadReport.requests === mixedReport.requests,
      storedRecords,
      storeMB: round(historyBytes / 1024 / 1024),
      storeMBPerMillionRequests: round((historyBytes / storedRecords) * 1e6 / 1024 / 1024),
      imageMB: round(imageBytes / 1024 / 1024),
      imageMBPerMillionRequests: round((imageBytes / storedRecords) * 1e6 / 1024 / 1024),
    };

    // A quarter of the data, to see whether peak memory follows the log size.
    const quarterDir = join(work, 'quarter');
    mkdirSync(quarterDir);
    const quarterFiles = await generateLogs(quarterDir, Math.round(sizeBytes / 4));
    const quarterBytes = Object.values(quarterFiles).reduce((n, f) => n + statSync(f.path).size, 0);
    const quarter = await measure([...SPEND_EXEC_ARGV, spend, ...Object.values(quarterFiles).map((f) => f.path), '--format', 'json', '--tz', 'UTC', ...evidence], { work });
    rmSync(quarterDir, { recursive: true, force: true });

    const cc = files.claudeCode;
    const ccBytes = statSync(cc.path).size;
    log('reading the Claude Code transcripts with deepseek-cost spend');
    const ours = await measure([...SPEND_EXEC_ARGV, spend, cc.path, '--format', 'json', '--tz', 'UTC', ...evidence], { work });
    const oursReport = JSON.parse(ours.stdout);

    const results = {
      reload: reloadResults,
      sizeMB: round(totalBytes / 1024 / 1024),
      generatedRequests,
      engine: {
        requests: mixedReport.requests,
        skippedLines: mixedReport.skippedLines,
        wallMs: floors.spend.wallMs.median,
        cpuMs: floors.spend.cpuMs,
        ingestMBps: floors.spend.MBps,
        ingestMBpsPerCpuSecond: round(mbps(totalBytes, floors.spend.cpuMs)),
        peakRssMB: round(Math.max(...samples.spend.map((r) => r.peakRssMB))),
        quarterSize: { sizeMB: round(quarterBytes / 1024 / 1024), requests: JSON.parse(quarter.stdout).requests, wallMs: round(quarter.wallMs, 0), cpuMs: round(quarter.cpuMs, 0), peakRssMB: round(quarter.peakRssMB) },
      },
      floors: {
        repeats,
        wallMs: Object.fromEntries(Object.entries(floors).map(([k, f]) => [k, f.wallMs])),
        MBps: Object.fromEntries(Object.entries(floors).map(([k, f]) => [k, f.MBps])),
        cpuMs: Object.fromEntries(Object.entries(floors).map(([k, f]) => [k, f.cpuMs])),
        peakRssMB: Object.fromEntries(Object.entries(floors).map(([k, f]) => [k, f.peakRssMB])),
        /** spend's rate over the split + JSON.parse floor's, the median of the per-run ratios (goal ≥ 1.5). */
        spendOverSplitParse: round(median(perRun), 2),
        spendOverSplitParseRange: [round(Math.min(...perRun), 2), round(Math.max(...perRun), 2)],
        spendCpuOverSplitParseCpu: round(floors.splitParse.cpuMs / floors.spend.cpuMs, 2),
        goal: { spendOverSplitParse: 1.5, peakRssMB: 100 },
      },
      claudeCode: {
        sizeMB: round(ccBytes / 1024 / 1024),
        messages: cc.requests,
        ours: { wallMs: round(ours.wallMs, 0), cpuMs: round(ours.cpuMs, 0), MBps: round(mbps(ccBytes, ours.wallMs)), peakRssMB: round(ours.peakRssMB), requests: oursReport.requests },
      },
    };

    if (ccusage) {
      log('reading the same transcripts with ccusage --offline --json (reference)');
      const bin = join(dirname(require.resolve('ccusage/package.json')), 'dist', 'index.js');
      const ref = await measure([bin, 'daily', '--offline', '--json'], { work, env: { HOME: work, CLAUDE_CONFIG_DIR: join(work, '.claude'), NO_COLOR: '1' } });
      let refTotals;
      try {
        refTotals = JSON.parse(ref.stdout).totals;
      } catch {
        refTotals = undefined;
      }
      const ourTokens = oursReport.byModel['deepseek-v4-flash'] ?? {};
      results.claudeCode.ccusage = {
        version: require('ccusage/package.json').version,
        exitCode: ref.code,
        wallMs: round(ref.wallMs, 0),
        cpuMs: round(ref.cpuMs, 0),
        MBps: round(mbps(ccBytes, ref.wallMs)),
        peakRssMB: round(ref.peakRssMB),
        error: ref.code === 0 ? undefined : ref.stderr.slice(0, 500),
      };
      // Both tools should see the same tokens: hits = cache reads, misses = input + cache creation.
      results.claudeCode.sameTokens = refTotals
        ? refTotals.cacheReadTokens === ourTokens.cacheHitTokens && refTotals.inputTokens + refTotals.cacheCreationTokens === ourTokens.cacheMissTokens && refTotals.outputTokens === ourTokens.outputTokens
        : null;
      results.claudeCode.ratios = {
        wallTimeOursOverCcusage: round(ours.wallMs / ref.wallMs, 3),
        cpuTimeOursOverCcusage: round(ours.cpuMs / ref.cpuMs, 3),
        peakRssOursOverCcusage: round(ours.peakRssMB / ref.peakRssMB, 3),
      };
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const sizeArg = args.includes('--size') ? args[args.indexOf('--size') + 1] : '1GB';
  runIngestBench({ sizeBytes: parseSize(sizeArg), ccusage: !args.includes('--no-ccusage'), log: (m) => console.error(m) })
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
