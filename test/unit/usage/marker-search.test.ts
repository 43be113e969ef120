// The prefilter's marker search (from each marker's least common byte) answers exactly as a plain
// search for the whole marker, wherever the marker or pieces of it sit in the line.
import test from 'node:test';
import assert from 'node:assert/strict';
import { MarkerSearch } from '../../../src/core/usage/markerSearch';
import { LINE_MARKERS } from '../../../src/core/usage/formats/registry';
import { seededRng } from '../../support/seededRng';

test('each marker is searched from a rarer byte than its first where it has one', () => {
  const from = (m: string) => (new MarkerSearch(Buffer.from(m)) as unknown as { at: number }).at;
  assert.equal(from('okens'), 1); // `kens`, then the `o` before it
  assert.equal(from('message_stop'), 7); // `_stop`
  assert.equal(from('/end"'), 0);
});

test('the marker search agrees with a plain search on lines built from pieces of the markers', () => {
  const rand = seededRng(19);
  const markers = LINE_MARKERS.map((m) => m.toString('latin1'));
  const searches = LINE_MARKERS.map((m) => new MarkerSearch(m));
  // Pieces that make near misses: heads and tails of each marker, its rare byte alone, JSON around.
  const pieces = ['{"', '":', ' ', 'x', '"', '\\"', 'k', '_', '/', ...markers.flatMap((m) => [m, m.slice(1), m.slice(0, -1), m.slice(0, 2), m.slice(-2)])];
  let hits = 0;
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    const count = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < count; i++) text += pieces[Math.floor(rand() * pieces.length)];
    const line = Buffer.from(text, 'latin1');
    const from = Math.floor(rand() * 3);
    for (let k = 0; k < markers.length; k++) {
      const expected = line.includes(LINE_MARKERS[k], from);
      if (expected) hits++;
      assert.equal(searches[k].foundIn(line, from), expected, `${JSON.stringify(text)} from ${from}: ${markers[k]}`);
    }
  }
  assert.ok(hits > 5_000, `only ${hits} lines held a marker`);
});
