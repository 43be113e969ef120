// deepseek-cost lint over a generated tree of 20,000 small files (a few dozen call DeepSeek), timed
// against `rg -l deepseek` over the same tree in the same run, and against a bare Node loop that
// walks the tree, reads every file and searches it (the floor for any Node tool). Each is a whole
// process, started the same way, after one warm-up run so every figure reads from the page cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { writeTree } from './lib/tree.mjs';
import { summarize, round } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

const bareNodeScan = `
const fs = require('node:fs'), path = require('node:path');
const needle = Buffer.from('deepseek'); let hits = 0;
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const f = path.join(d, e.name);
    if (e.isDirectory()) walk(f); else if (fs.readFileSync(f).indexOf(needle) >= 0) hits++;
  }
})(process.argv[1]);
console.log(hits);`;

// The same on both cores, as fast as Node allows: two worker threads each walk their share of the
// tree (subfolders dealt out at the first level with enough of them, as lint's walk does), read
// into one reused buffer and search; no .gitignore, no parsing. What no Node linter can beat here.
const bareNodeTwoThreads = `
const { Worker, isMainThread, workerData, parentPort } = require('node:worker_threads');
const code = \`
const fs = require('node:fs'); const { workerData, parentPort } = require('node:worker_threads');
const needle = Buffer.from('deepseek'); const buf = Buffer.allocUnsafe(1 << 20); let hits = 0;
function file(f) { const fd = fs.openSync(f, 'r'); const n = fs.readSync(fd, buf, 0, buf.length, null); fs.closeSync(fd); if (buf.subarray(0, n).indexOf(needle) >= 0) hits++; }
function walk(d, shared) {
  const dirs = [];
  let i = 0;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    if (e.isDirectory()) dirs.push(e.name);
    else if (!shared || i++ % 2 === workerData.me) file(d + '/' + e.name);
  }
  dirs.sort();
  const deal = shared && dirs.length >= 8;
  dirs.forEach((n, j) => { if (!deal || j % 2 === workerData.me) walk(d + '/' + n, shared && !deal); });
}
walk(workerData.dir, true);
parentPort.postMessage(hits);\`;
let hits = 0, done = 0;
for (const me of [0, 1]) new Worker(code, { eval: true, workerData: { dir: process.argv[1], me } }).on('message', (h) => { hits += h; if (++done === 2) console.log(hits); });`;

/**
 * CPU time (user + system, ms) of this process's waited-for children so far, from /proc (Linux):
 * on a shared machine wall times follow the others' load, CPU times much less. Undefined elsewhere.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from after the command name, in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function timed(cmd, args, cwd) {
  const cpu = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  const cpuMs = cpu === undefined ? undefined : childrenCpuMs() - cpu;
  return { ms, cpuMs, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export async function run({ files = 20_000, repeats = 7 } = {}) {
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.error) return { error: 'ripgrep (rg) is not installed: run npm run setup' };
  const dir = mkdtempSync(path.join(tmpdir(), 'dcl-lint-bench-'));
  try {
    const tree = writeTree(dir, { files });
    const variants = {
      rg: () => timed('rg', ['-l', 'deepseek', '.'], dir),
      bareNode: () => timed(process.execPath, ['-e', bareNodeScan, dir], dir),
      bareNodeTwoThreads: () => timed(process.execPath, ['-e', bareNodeTwoThreads, dir], dir),
      nodeStart: () => timed(process.execPath, ['-e', '0'], dir),
      lint: () => timed(process.execPath, [cli, 'lint', '.', '--format', 'json'], dir),
      lintOneThread: () => timed(process.execPath, [cli, 'lint', '.', '--format', 'json', '--jobs', '1'], dir),
    };
    // Warm the page cache and check every tool sees what the tree holds.
    const rgFiles = variants.rg().stdout.trim().split('\n').filter(Boolean).length;
    const lintOut = variants.lint();
    const lintJson = JSON.parse(lintOut.stdout);
    if (rgFiles !== tree.callFiles + tree.mentionFiles) throw new Error(`rg found ${rgFiles} files, the tree has ${tree.callFiles + tree.mentionFiles}`);
    if (lintJson.findings.length !== tree.expectedFindings) throw new Error(`lint found ${lintJson.findings.length} findings, the tree has ${tree.expectedFindings}`);
    if (variants.lintOneThread().stdout !== lintOut.stdout) throw new Error('lint --jobs 1 and the default disagree');
    for (const bare of ['bareNode', 'bareNodeTwoThreads']) {
      const found = Number(variants[bare]().stdout.trim());
      if (found !== rgFiles) throw new Error(`${bare} found ${found} files, rg ${rgFiles}`);
    }
    const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    const cpu = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    const ratios = [];
    // Interleaved, so a burst of load on the shared machine hits every variant alike; the ratio to
    // rg is also taken per round (same load), its median and range reported.
    for (let i = 0; i < repeats; i++) {
      const round_ = {};
      for (const [k, v] of Object.entries(variants)) {
        const r = v();
        samples[k].push(r.ms);
        if (r.cpuMs !== undefined) cpu[k].push(r.cpuMs);
        round_[k] = r.ms;
      }
      ratios.push(round_.lint / round_.rg);
    }
    const s = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, summarize(xs, 1)]));
    const c = Object.fromEntries(Object.entries(cpu).filter(([, xs]) => xs.length).map(([k, xs]) => [k, summarize(xs, 0)]));
    return {
      // The machine is shared: its load during the run says how far wall times can be trusted.
      loadAverageAfter: loadavg().map((x) => round(x, 1)),
      tree: { files: tree.files, sizeMB: round(tree.bytes / 1e6, 1), callingDeepSeek: tree.callFiles, mentioningOnly: tree.mentionFiles, findings: lintJson.findings.length, filesScanned: lintJson.filesScanned },
      wallMs: s,
      /** User + system CPU of each process (rg and lint use several threads). */
      cpuMs: c,
      ratios: {
        lintOverRgPerRound: { median: round(summarize(ratios, 3).median, 2), min: round(Math.min(...ratios), 2), max: round(Math.max(...ratios), 2) },
        lintCpuOverRgCpu: c.lint && c.rg ? round(c.lint.median / c.rg.median, 2) : null,
        lintOverRg: round(s.lint.median / s.rg.median, 2),
        lintOneThreadOverRg: round(s.lintOneThread.median / s.rg.median, 2),
        bareNodeOverRg: round(s.bareNode.median / s.rg.median, 2),
        lintOverBareNode: round(s.lint.median / s.bareNode.median, 2),
        bareNodeTwoThreadsOverRg: round(s.bareNodeTwoThreads.median / s.rg.median, 2),
        lintOverBareNodeTwoThreads: round(s.lint.median / s.bareNodeTwoThreads.median, 2),
      },
      goal: { lintOverRg: 3 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function print(r) {
  console.log('\nlint on a generated tree');
  if (r.error) return console.log(`  skipped: ${r.error}`);
  const t = r.tree;
  console.log(`  ${t.files} files, ${t.sizeMB} MB; ${t.callingDeepSeek} call DeepSeek, ${t.mentioningOnly} only mention it; ${t.findings} findings`);
  const w = r.wallMs;
  console.log(`  rg -l deepseek: ${w.rg.median} ms (${w.rg.min}–${w.rg.max})`);
  console.log(`  bare Node walk + read + search: ${w.bareNode.median} ms (${r.ratios.bareNodeOverRg}× rg)`);
  console.log(`  the same on two worker threads, reused buffer: ${w.bareNodeTwoThreads.median} ms (${r.ratios.bareNodeTwoThreadsOverRg}× rg); Node's own start: ${w.nodeStart.median} ms`);
  console.log(`  deepseek-cost lint: ${w.lint.median} ms (${w.lint.min}–${w.lint.max}) = ${r.ratios.lintOverRg}× rg (goal ≤ ${r.goal.lintOverRg}×), ${r.ratios.lintOverBareNode}× the bare Node loop, ${r.ratios.lintOverBareNodeTwoThreads}× on two threads`);
  console.log(`  deepseek-cost lint --jobs 1: ${w.lintOneThread.median} ms = ${r.ratios.lintOneThreadOverRg}× rg`);
  const p = r.ratios.lintOverRgPerRound;
  if (p) console.log(`  lint / rg per round: median ${p.median}× (${p.min}–${p.max}×)`);
  if (r.cpuMs?.lint) console.log(`  CPU time: lint ${r.cpuMs.lint.median} ms, --jobs 1 ${r.cpuMs.lintOneThread.median} ms, bare Node ${r.cpuMs.bareNode.median} ms (two threads ${r.cpuMs.bareNodeTwoThreads.median} ms), rg ${r.cpuMs.rg.median} ms (lint = ${r.ratios.lintCpuOverRgCpu}× rg's CPU)`);
}
