// Tests read only fixtures inside the repository, never the team's shared samples by path.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from './helpers';

test('no usage test or fixture refers to the shared samples folder', () => {
  const forbidden = ['examples', 'logs'].join('/');
  const files = [
    ...readdirSync(__dirname).map((f) => join(__dirname, f)),
    ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
  ];
  assert.ok(files.length > 10);
  for (const f of files) assert.ok(!readFileSync(f, 'latin1').includes(forbidden), `${f} refers to ${forbidden}`);
});
