// A second window's worker, as a separate process, for the store tests:
//   crash PATH      writes batch "a" (committed), then is killed inside batch "b"'s transaction
//   hold PATH       opens the store (taking the writer lock), prints "ready", waits for stdin to close
//   write PATH FROM TO   writes requests FROM..TO-1 in batches of 10 as soon as it is the writer
import { shippedCatalogData } from '../../../src/catalog';
import { SpendStore } from '../../../src/core/usage/store/spendStore';
import { batchOf } from './storeFixtures';

const [mode, path, from, to] = process.argv.slice(2);
let dying = false;
const opened = SpendStore.open(path, {
  readingKey: 'test', catalog: shippedCatalogData(), busyWaitMs: 20_000,
  beforeCommit: () => {
    if (dying) process.kill(process.pid, 'SIGKILL');
  },
});
if (opened.kind !== 'opened') {
  process.stdout.write(`unavailable: ${opened.reason}\n`);
  process.exit(3);
}
const store = opened.store;
if (mode === 'crash') {
  store.write(batchOf('a', 0, 5));
  dying = true;
  store.write(batchOf('b', 0, 5));
} else if (mode === 'hold') {
  process.stdout.write(`ready ${store.isWriter ? 'writer' : 'reader'}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    store.close();
    process.exit(0);
  });
} else if (mode === 'write') {
  const start = Number(from);
  const end = Number(to);
  const step = () => {
    for (let i = start; i < end; i += 10) {
      while (!store.write(batchOf('r', i, Math.min(10, end - i)))) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    store.close();
    process.stdout.write('done\n');
  };
  step();
}
