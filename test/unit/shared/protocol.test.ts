// initializationOptions come from any client: whatever it sends, the server reads only well-formed fields.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readInitializationOptions } from '../../../src/shared/protocol';

test('initializationOptions: only well-formed fields are read', () => {
  for (const junk of [undefined, null, 42, 'now', [], { now: 'yesterday', configurationTimeoutMs: -1 }, { now: 5, configurationTimeoutMs: Number.NaN }, { configurationTimeoutMs: '100' }]) {
    assert.deepEqual(readInitializationOptions(junk), {}, JSON.stringify(junk));
  }
  assert.deepEqual(readInitializationOptions({ now: '2026-11-23T10:00:00Z', configurationTimeoutMs: 250, extra: true }), { now: '2026-11-23T10:00:00Z', configurationTimeoutMs: 250 });
});
