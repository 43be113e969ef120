// npm run bench: every benchmark in one run on this machine, each against its reference measured in
// the same run, then a table and bench/results.json. Inputs are generated deterministically here.
//   --quick            smaller inputs and fewer repeats (a smoke run, not figures to publish)
//   --ingest-size 1GB  size of the generated log for the ingestion benchmark (default 1GB)
//   --ingest-repeats 3 interleaved runs of spend and its floors (median and spread are reported)
//   --no-ccusage       skip the ccusage comparison (about 40 s of the ingest benchmark at 1 GB)
//   --only lsp,tokenizer,ingest,tracker,size,lint
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const only = new Set(option('--only', 'lsp,tokenizer,ingest,tracker,size,lint').split(','));

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
  quick,
};

function printIngest(r) {
  const e = r.engine;
  console.log(`\nLog ingestion (${r.sizeMB} MB generated, ${r.generatedRequests} requests, every format)`);
  console.log(`  deepseek-cost spend: ${e.ingestMBps} MB/s wall (${e.ingestMBpsPerCpuSecond} MB per CPU second), peak RSS ${e.peakRssMB} MB, ${e.requests} requests counted, ${e.skippedLines} lines skipped`);
  console.log(`  a quarter of the data: peak RSS ${e.quarterSize.peakRssMB} MB, against ${e.peakRssMB} MB for all of it (goal < 100 MB)`);
  const f = r.floors;
  if (f) {
    const w = f.wallMs;
    console.log(`  floors over the same files (median of ${f.repeats}): raw read ${f.MBps.raw} MB/s, line split ${f.MBps.split} MB/s, split + JSON.parse of every line ${f.MBps.splitParse} MB/s (${w.splitParse.min}–${w.splitParse.max} ms)`);
    console.log(`  spend ${f.MBps.spend} MB/s (${w.spend.min}–${w.spend.max} ms) = ${f.spendOverSplitParse}× the split + JSON.parse floor (per run ${f.spendOverSplitParseRange.join('–')}; goal ≥ ${f.goal.spendOverSplitParse}×); CPU: ${f.spendCpuOverSplitParseCpu}×`);
  }
  const reload = r.reload;
  if (reload) {
    console.log(`  window reload with a spend history: ${reload.reloadMs} ms to the first total, against ${reload.fullReadMs} ms for today's full re-read (${reload.reloadOverFullRead} of it; goal under 0.1); CPU ${reload.reloadCpuMs} ms against ${reload.fullReadCpuMs} ms (${reload.reloadOverFullReadCpu}); same totals: ${reload.sameTotals}`);
    console.log(`  spend history: ${reload.storeMB} MB for ${reload.storedRecords} requests, ${reload.storeMBPerMillionRequests} MB per million requests (of which the ledger image ${reload.imageMB} MB, ${reload.imageMBPerMillionRequests} MB per million); the first run that fills it: ${reload.firstRunWithStoreMs} ms`);
  }
  const cc = r.claudeCode;
  console.log(`  Claude Code transcripts, ${cc.sizeMB} MB: ours ${cc.ours.wallMs} ms, ${cc.ours.peakRssMB} MB`);
  if (cc.ccusage) {
    console.log(`  ccusage ${cc.ccusage.version} --offline: ${cc.ccusage.wallMs} ms, ${cc.ccusage.peakRssMB} MB (exit ${cc.ccusage.exitCode}); same token totals: ${cc.sameTokens}`);
    if (cc.ratios) console.log(`  ratios ours/ccusage: wall ${cc.ratios.wallTimeOursOverCcusage}, CPU ${cc.ratios.cpuTimeOursOverCcusage}, peak memory ${cc.ratios.peakRssOursOverCcusage}`);
  }
}

function build() {
  console.log('building production bundles…');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
}

function sizes() {
  const dist = path.join(root, 'dist');
  const bundles = {};
  for (const f of readdirSync(dist)) if (f.endsWith('.js')) bundles[f] = Math.round(statSync(path.join(dist, f)).size / 1024);
  const vsix = readdirSync(root).filter((f) => f.endsWith('.vsix')).map((f) => ({ file: f, kb: Math.round(statSync(path.join(root, f)).size / 1024) }));
  const activationFile = path.join(root, 'test-output', 'activation.json');
  const activation = existsSync(activationFile) ? JSON.parse(readFileSync(activationFile, 'utf8')) : undefined;
  return { bundlesKB: bundles, tokenizerDataKB: Math.round(statSync(path.join(dist, 'tokenizer', 'deepseek-v4.bin')).size / 1024), vsix, activation };
}

build();
if (only.has('lsp')) {
  const lsp = await import('./lsp.bench.mjs');
  results.lsp = await lsp.run(quick ? { repeats: 5, hoverSamples: 20 } : {});
  lsp.print(results.lsp);
}
if (only.has('tokenizer')) {
  const tok = await import('./tokenizer.bench.mjs');
  results.tokenizer = await tok.run(quick ? { coldSamples: 3, runs: 3, docsPerRun: 10 } : {});
  tok.print(results.tokenizer);
}
if (only.has('ingest')) {
  const ingest = await import('./ingest.bench.mjs');
  const size = ingest.parseSize(option('--ingest-size', quick ? '64MB' : '1GB'));
  const repeats = Number(option('--ingest-repeats', quick ? '1' : '3'));
  results.ingest = await ingest.runIngestBench({ sizeBytes: size, repeats, ccusage: !args.includes('--no-ccusage'), log: (m) => console.log(`  ${m}`) });
  printIngest(results.ingest);
}
if (only.has('tracker')) {
  const tracker = await import('./tracker.bench.mjs');
  results.tracker = await tracker.run(quick ? { files: 1000, idleSeconds: 5 } : {});
  tracker.print(results.tracker);
}
if (only.has('lint')) {
  const lint = await import('./lint.bench.mjs');
  results.lint = await lint.run(quick ? { files: 5_000, repeats: 3 } : {});
  lint.print(results.lint);
}
if (only.has('size')) {
  results.size = sizes();
  console.log('\nStartup and size');
  for (const [f, kb] of Object.entries(results.size.bundlesKB)) console.log(`  dist/${f}: ${kb} KB`);
  console.log(`  tokenizer data: ${results.size.tokenizerDataKB} KB`);
  for (const v of results.size.vsix) console.log(`  ${v.file}: ${v.kb} KB (budget 5,120 KB)`);
  if (results.size.activation) console.log(`  activation in the real editor: ${JSON.stringify(results.size.activation)}`);
  else console.log('  activation: run npm run test:integration first (it records test-output/activation.json)');
}
// A partial run (--only) keeps the other benchmarks' last figures and the date and machine they were
// measured on; each section measured now carries its own date and machine.
const resultsFile = path.join(root, 'bench', 'results.json');
const partial = option('--only', undefined) !== undefined && existsSync(resultsFile);
const sections = ['lsp', 'tokenizer', 'ingest', 'tracker', 'size', 'lint'];
for (const k of sections) if (results[k] && typeof results[k] === 'object') Object.assign(results[k], { measuredAt: results.date, machine: results.machine });
const written = partial ? { ...JSON.parse(readFileSync(resultsFile, 'utf8')), ...Object.fromEntries(sections.filter((k) => results[k]).map((k) => [k, results[k]])) } : results;
writeFileSync(resultsFile, JSON.stringify(written, null, 2) + '\n');
console.log('\nwrote bench/results.json');
