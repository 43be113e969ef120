// A separate process that writes logs the way proxies do, driven line by line over stdin:
// {"op":"append","path":...,"text":...} | {"op":"rename","from":...,"to":...} | {"op":"truncate","path":...}
// It answers each command with one line, "ok" or "error <message>".
import { appendFileSync, renameSync, truncateSync } from 'node:fs';
import { createInterface } from 'node:readline';

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  try {
    const c = JSON.parse(line);
    if (c.op === 'append') appendFileSync(c.path, c.text);
    else if (c.op === 'rename') renameSync(c.from, c.to);
    else if (c.op === 'truncate') truncateSync(c.path, 0);
    else throw new Error(`unknown op ${c.op}`);
    process.stdout.write('ok\n');
  } catch (e) {
    process.stdout.write(`error ${e.message}\n`);
  }
});
