// Spend tracker limits, each measured in a fresh child process next to a reference from the same run:
//  - idle CPU while following 5,000 log files matched by one glob, with no writes, against a
//    reference poller that stat()s every file every 400 ms (what the tracker did before);
//  - peak RSS reading one 62 MB line of nested brackets ({"usage":[[[[…), against one 62 MB line
//    of ordinary text (a usage line with a long prompt), which any reader must hold.
//
//   node --import tsx bench/tracker.bench.mjs [--files 5000] [--idle-seconds 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMB, resetPeakRss } from './lib/peakRss.mjs';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..');

function line(id) {
  return JSON.stringify({ id, object: 'chat.completion', created: 1784106000, model: 'deepseek-v4-flash', usage: { prompt_tokens: 110, completion_tokens: 10, prompt_cache_hit_tokens: 100, prompt_cache_miss_tokens: 10 } }) + '\n';
}

/** Runs this file as a child (`--child kind …`) and returns the JSON it prints last. */
function child(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', here, '--child', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`child ${args[0]} exited ${code}`))));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function childMain(kind, args) {
  resetPeakRss();
  const { shippedCatalogData } = await import('../src/catalog/index.ts');
  const { UsageFollower } = await import('../src/core/usage/index.ts');
  if (kind === 'idle') {
    const [dir, seconds] = [args[0], Number(args[1])];
    let updated;
    const first = new Promise((r) => (updated = r));
    const tracker = new UsageFollower({ patterns: [join(dir, '*.log')], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 }, () => updated());
    tracker.start();
    await first;
    const requests = tracker.snapshot().session.requests;
    await sleep(1000); // let the first pass's garbage settle
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(c0);
    const wall = performance.now() - t0;
    // The slow sweep behind the watches (every 5 minutes): one full pass, timed on its own.
    const s0 = process.cpuUsage();
    await tracker.tailer.check();
    const sweep = process.cpuUsage(s0);
    tracker.stop();
    return { requests, idleCpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100, sweepCpuMs: (sweep.user + sweep.system) / 1000, passes: tracker.tailer.passes };
  }
  if (kind === 'poller') {
    // The reference: what the tracker did before, a stat of every matched file every 400 ms.
    const { readdir, stat } = await import('node:fs/promises');
    const [dir, seconds] = [args[0], Number(args[1])];
    const files = (await readdir(dir)).map((n) => join(dir, n));
    const timer = setInterval(async () => {
      for (const f of files) await stat(f);
    }, 400);
    await sleep(1000);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const cpu = process.cpuUsage(c0);
    clearInterval(timer);
    return { idleCpuPercent: ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100 };
  }
  if (kind === 'line') {
    const tracker = new UsageFollower({ patterns: [args[0]], catalog: shippedCatalogData(), currency: 'USD', timeZone: 'UTC', logTimezone: 'UTC', sessionStart: 0 });
    const t0 = performance.now();
    const s = await tracker.refresh();
    const f = s.sources[0].files[0];
    return { wallMs: Math.round(performance.now() - t0), peakRssMB: Math.round(peakRssMB()), requests: s.session.requests, skipped: f.skipped };
  }
  throw new Error(`unknown child ${kind}`);
}

export async function run({ files = 5000, idleSeconds = 20 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dcl-tracker-bench-'));
  try {
    const logs = join(dir, 'logs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(logs);
    for (let i = 0; i < files; i++) writeFileSync(join(logs, `proxy-${String(i).padStart(5, '0')}.log`), line(`r${i}`));
    const idle = await child(['idle', logs, String(idleSeconds)]);
    const poller = await child(['poller', logs, String(idleSeconds)]);

    const n = 31_000_000;
    const nested = join(dir, 'nested.jsonl');
    writeFileSync(nested, `{"usage":${'['.repeat(n)}${']'.repeat(n)}}\n`);
    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, line('p').replace('"usage"', `"prompt":"${'a'.repeat(2 * n - 200)}","usage"`));
    const nestedRun = await child(['line', nested]);
    const plainRun = await child(['line', plain]);
    return {
      idle: {
        files, seconds: idleSeconds, requests: idle.requests,
        trackerCpuPercent: round(idle.idleCpuPercent, 3), passesAfterStart: idle.passes,
        sweepCpuMs: Math.round(idle.sweepCpuMs), sweepEverySeconds: 300, sweepCpuPercent: round(idle.sweepCpuMs / 3000, 3), totalCpuPercent: round(idle.idleCpuPercent + idle.sweepCpuMs / 3000, 3),
        referencePollerCpuPercent: round(poller.idleCpuPercent, 2),
      },
      nestedLine: { sizeMB: 62, ...nestedRun, reference: { what: '62 MB line of plain text', ...plainRun } },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

export function print(r) {
  const i = r.idle;
  console.log(`\nSpend tracker, idle with ${i.files.toLocaleString('en-US')} files matched by one glob (${i.seconds} s, no writes)`);
  console.log(`  tracker: ${i.trackerCpuPercent}% of a core between sweeps; the 5-minute sweep costs ${i.sweepCpuMs} ms CPU (${i.sweepCpuPercent}% averaged): ${i.totalCpuPercent}% in all`);
  console.log(`  reference (stat every file every 400 ms, as before): ${i.referencePollerCpuPercent}% of a core`);
  const l = r.nestedLine;
  console.log(`One 62 MB line of nested brackets: ${l.peakRssMB} MB peak RSS, ${l.wallMs} ms, skipped as ${JSON.stringify(l.skipped)}`);
  console.log(`  reference, a 62 MB line of plain text: ${l.reference.peakRssMB} MB peak RSS, ${l.reference.wallMs} ms, ${l.reference.requests} request`);
}

if (process.argv[1] === here) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const result = await childMain(args[1], args.slice(2));
    console.log(JSON.stringify(result));
  } else {
    const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
    const r = await run({ files: opt('--files', 5000), idleSeconds: opt('--idle-seconds', 20) });
    print(r);
    console.log(JSON.stringify(r, null, 2));
  }
}
