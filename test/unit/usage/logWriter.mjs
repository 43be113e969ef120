// A separate process that writes logs the way proxies do, driven line by line over stdin:
// {"op":"append","path":...,"text":...} | {"op":"rename","from":...,"to":...} | {"op":"truncate","path":...}
// | {"op":"stream","path":...,"count":N,"rotateEvery":K,"mode":"rename"|"copytruncate","prefix":...}
// (N one-request lines appended one at a time, the log rotated to path.1, path.2, ... every K lines,
// by renaming it or by copying and then truncating it, as logrotate's copytruncate does).
// It answers each command with one line, "ok" or "error <message>".
import { appendFileSync, copyFileSync, renameSync, truncateSync } from 'node:fs';

function request(id) {
  return JSON.stringify({ id, object: 'chat.completion', created: 1784106000, model: 'deepseek-v4-flash', usage: { prompt_tokens: 110, completion_tokens: 10, prompt_cache_hit_tokens: 100, prompt_cache_miss_tokens: 10 } }) + '\n';
}

function stream(c) {
  let rotations = 0;
  for (let i = 0; i < c.count; i++) {
    appendFileSync(c.path, request(`${c.prefix}-${i}`));
    if ((i + 1) % c.rotateEvery === 0 && i + 1 < c.count) {
      const to = `${c.path}.${++rotations}`;
      if (c.mode === 'rename') renameSync(c.path, to);
      else {
        copyFileSync(c.path, to);
        truncateSync(c.path, 0);
      }
    }
  }
}
import { createInterface } from 'node:readline';

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  try {
    const c = JSON.parse(line);
    if (c.op === 'append') appendFileSync(c.path, c.text);
    else if (c.op === 'rename') renameSync(c.from, c.to);
    else if (c.op === 'truncate') truncateSync(c.path, 0);
    else if (c.op === 'stream') stream(c);
    else throw new Error(`unknown op ${c.op}`);
    process.stdout.write('ok\n');
  } catch (e) {
    process.stdout.write(`error ${e.message}\n`);
  }
});
