// Where deepseek-cost keeps compiled code: Node's own variables first, else the platform's per-user
// cache folder, never a folder shared between users.
import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { codeCacheDir } from '../../../src/shared/codeCache';

const home = () => '/home/ana';

test('NODE_DISABLE_COMPILE_CACHE turns the cache off and NODE_COMPILE_CACHE names its folder, as for Node itself', () => {
  assert.equal(codeCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: '/x' }, 'linux', home), undefined);
  assert.equal(codeCacheDir({ NODE_COMPILE_CACHE: '/x' }, 'linux', home), '/x');
});

test('otherwise the per-user cache folder of each platform', () => {
  assert.equal(codeCacheDir({}, 'linux', home), join('/home/ana', '.cache', 'deepseek-cost', 'code-cache'));
  assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/cache' }, 'linux', home), join('/cache', 'deepseek-cost', 'code-cache'));
  assert.equal(codeCacheDir({ XDG_CACHE_HOME: '' }, 'freebsd', home), join('/home/ana', '.cache', 'deepseek-cost', 'code-cache'));
  assert.equal(codeCacheDir({}, 'darwin', home), join('/home/ana', 'Library', 'Caches', 'deepseek-cost', 'code-cache'));
  assert.equal(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', home), join('C:\\Users\\ana\\AppData\\Local', 'deepseek-cost', 'code-cache'));
});

test('no home folder means no cache, not a failure', () => {
  assert.equal(codeCacheDir({}, 'linux', () => {
    throw new Error('no home');
  }), undefined);
  assert.equal(codeCacheDir({}, 'linux', () => ''), undefined);
});
