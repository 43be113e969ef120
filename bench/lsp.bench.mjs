// Language server over real LSP on stdio: first diagnostics, edit → fresh diagnostics, hover
// latency, memory. Each figure is also given as a ratio to a reference measured in this same run:
// a bare tree-sitter parse of the same text in this process (the floor any parser-based linter pays).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from '../test/lsp/lspClient.mjs';
import { pythonFile, typescriptFile, positionInside } from './lib/generate.mjs';
import { summarize, spread, round } from './lib/stats.mjs';

const require = createRequire(import.meta.url);

async function bareParser(grammarSpec) {
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(require.resolve(grammarSpec))));
  return parser;
}

function serverRssMB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

async function timeIt(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Resident memory of a fresh server as the two realistic 10,000-line files are opened, step by
 * step, so each part's cost shows: the runtime and a grammar (a one-line file of the language),
 * the file's tree and analysis, and the tokenizer (loaded by the first prompt hover only).
 */
async function memorySteps(files) {
  const server = await startServer({});
  const steps = [];
  let last = 0;
  const step = async (what) => {
    await sleep(200);
    const rss = serverRssMB(server.pid);
    steps.push({ step: what, rssMB: round(rss, 1), addedMB: round(rss - last, 1) });
    last = rss;
  };
  try {
    await step('server started');
    const uris = {};
    for (const f of files) {
      await server.diagnostics(await server.open(`tiny-${f.name}`, f.languageId, 'x = 1\n'));
      await step(`${f.languageId} grammar (a one-line file)`);
      uris[f.name] = await server.open(f.name, f.languageId, f.text);
      await server.diagnostics(uris[f.name]);
      await step(`${f.name}: tree and diagnostics`);
    }
    const first = files[0];
    await server.hover(uris[first.name], positionInside(first.text, 'PROMPT_200'));
    await step('tokenizer (first prompt hover)');
  } finally {
    await server.stop();
  }
  return steps;
}

export async function memory({ runs = 3 } = {}) {
  const files = [
    { text: pythonFile(10_000), languageId: 'python', name: 'bench.py' },
    { text: typescriptFile(10_000), languageId: 'typescript', name: 'bench.ts' },
  ];
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await memorySteps(files));
  // Per step, the run with the median total after both files.
  const afterFiles = (steps) => steps[steps.length - 2].rssMB;
  const sorted = [...all].sort((a, b) => afterFiles(a) - afterFiles(b));
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    goalMB: 100,
    afterBothFilesMB: summarize(all.map(afterFiles), 1),
    afterHoverMB: summarize(all.map((s) => s[s.length - 1].rssMB), 1),
    steps: median,
  };
}

export async function run({ repeats = 15, hoverSamples = 60 } = {}) {
  const files = {
    python: { text: pythonFile(10_000), languageId: 'python', name: 'bench.py', grammar: 'tree-sitter-python/tree-sitter-python.wasm' },
    'python (flat, worst case)': { text: pythonFile(10_000, 1, { flat: true }), languageId: 'python', name: 'flat.py', grammar: 'tree-sitter-python/tree-sitter-python.wasm' },
    typescript: { text: typescriptFile(10_000), languageId: 'typescript', name: 'bench.ts', grammar: 'tree-sitter-typescript/tree-sitter-typescript.wasm' },
  };
  const server = await startServer({});
  const results = { files: {}, goals: { firstDiagnosticsToParseRatio: 1.15, flatFirstDiagnosticsToParseRatio: 1.2, editToDiagnosticsMs: 20, hoverP95Ms: 10, serverRssMB: 100 } };
  try {
    for (const [lang, f] of Object.entries(files)) {
      const parser = await bareParser(f.grammar);
      // Warm the server's grammar for this language once, so "first diagnostics" measures a document, not a wasm load.
      const warmUri = await server.open(`warm-${f.name}`, f.languageId, 'x = 1\n');
      await server.diagnostics(warmUri);

      const first = [];
      let lastUri;
      let findingsCount = 0;
      const parse = [];
      for (let i = 0; i < repeats; i++) {
        parse.push(await timeIt(() => parser.parse(f.text).delete()));
        first.push(
          await timeIt(async () => {
            const uri = await server.open(`r${i}-${f.name}`, f.languageId, f.text);
            const report = await server.diagnostics(uri);
            if (report.items.length === 0) throw new Error('expected findings in the generated file');
            findingsCount = report.items.length;
            lastUri = uri;
          }),
        );
        await server.close(lastUri);
      }

      const uri = await server.open(`edit-${f.name}`, f.languageId, f.text);
      await server.diagnostics(uri);
      const edit = [];
      const reparse = [];
      let tree = parser.parse(f.text);
      let text = f.text;
      // Type inside an identifier in the middle of the file, which keeps the code valid in every language.
      let line = Math.floor(text.split('\n').length / 2);
      while (!/^\s*[A-Za-z_]\w*/.test(text.split('\n')[line])) line++;
      const col = text.split('\n')[line].search(/\S/) + 1;
      for (let i = 0; i < repeats * 2; i++) {
        // Type one character in the middle of the file, then ask for diagnostics, as the editor does.
        const ch = i % 2 === 0 ? 'x' : '';
        const range = i % 2 === 0 ? { start: { line, character: col }, end: { line, character: col } } : { start: { line, character: col }, end: { line, character: col + 1 } };
        edit.push(
          await timeIt(async () => {
            await server.change(uri, [{ range, text: ch }]);
            await server.diagnostics(uri);
          }),
        );
        const offset = text.split('\n').slice(0, line).join('\n').length + 1 + col;
        const newText = i % 2 === 0 ? text.slice(0, offset) + 'x' + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
        reparse.push(
          await timeIt(() => {
            tree.edit({
              startIndex: offset,
              oldEndIndex: i % 2 === 0 ? offset : offset + 1,
              newEndIndex: i % 2 === 0 ? offset + 1 : offset,
              startPosition: { row: line, column: col },
              oldEndPosition: { row: line, column: i % 2 === 0 ? col : col + 1 },
              newEndPosition: { row: line, column: i % 2 === 0 ? col + 1 : col },
            });
            const next = parser.parse(newText, tree);
            tree.delete();
            tree = next;
          }),
        );
        text = newText;
      }
      tree.delete();

      const hovers = {};
      for (const [label, marker] of [['200', f.languageId === 'python' ? 'PROMPT_200' : 'p200'], ['2000', f.languageId === 'python' ? 'PROMPT_2000' : 'p2000']]) {
        const pos = positionInside(f.text, marker);
        const h = await server.hover(uri, pos);
        if (!h || !/tokens/.test(h.contents.value)) throw new Error(`no prompt hover at ${marker}: ${JSON.stringify(h)}`);
        const samples = [];
        for (let i = 0; i < hoverSamples; i++) samples.push(await timeIt(() => server.hover(uri, pos)));
        hovers[label] = summarize(samples);
      }
      const firstS = summarize(first);
      const parseS = summarize(parse);
      const editS = summarize(edit);
      const reparseS = summarize(reparse);
      results.files[lang] = {
        lines: f.text.split('\n').length - 1,
        kilobytes: Math.round(Buffer.byteLength(f.text) / 1024),
        findings: findingsCount,
        firstDiagnosticsMs: firstS,
        bareParseMs: parseS,
        firstDiagnosticsToParseRatio: round(firstS.median / parseS.median, 2),
        editToDiagnosticsMs: editS,
        bareIncrementalReparseMs: reparseS,
        editToReparseRatio: round(editS.median / reparseS.median, 2),
        hoverMs: hovers,
      };
      parser.delete();
    }
    // After everything above: three large files open, 45 opened and closed, hovers.
    results.serverRssMB = round(serverRssMB(server.pid), 1);
  } finally {
    await server.stop();
  }
  results.memory = await memory({ runs: repeats >= 15 ? 5 : 3 });
  return results;
}

export function print(r) {
  console.log('\nLanguage server over LSP (10,000-line files)');
  for (const [lang, f] of Object.entries(r.files)) {
    console.log(`  ${lang}: ${f.lines} lines, ${f.kilobytes} KB, ${f.findings} findings`);
    console.log(`  ${lang}: first diagnostics ${spread(f.firstDiagnosticsMs, ' ms')} = ${f.firstDiagnosticsToParseRatio}× a bare parse (${spread(f.bareParseMs, ' ms')})`);
    console.log(`  ${lang}: edit → diagnostics ${spread(f.editToDiagnosticsMs, ' ms')} = ${f.editToReparseRatio}× a bare incremental reparse (${spread(f.bareIncrementalReparseMs, ' ms')})`);
    for (const [len, h] of Object.entries(f.hoverMs)) console.log(`  ${lang}: hover on a ${len}-char prompt p50 ${round(h.median)} ms, p95 ${round(h.p95)} ms`);
  }
  const m = r.memory;
  console.log(`  server RSS, fresh server, after the two realistic files: ${spread(m.afterBothFilesMB, ' MB')} (goal < ${m.goalMB} MB); after a prompt hover: ${spread(m.afterHoverMB, ' MB')}`);
  for (const s of m.steps) console.log(`    ${s.step}: ${s.rssMB} MB (+${s.addedMB})`);
  console.log(`  server RSS after the whole run (three large files open, 45 opened and closed, hovers): ${r.serverRssMB} MB`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  print(r);
}
