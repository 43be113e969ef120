import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeGo, decodeJava, decodeJavaScript, decodeJson, decodePython, decodeRust, decodeToml,
  decodeYamlBlock, decodeYamlDouble, decodeYamlPlain, decodeYamlSingle,
} from '../../../src/core/scan/escapes';

test('python escapes', () => {
  assert.equal(decodePython('a\\tb\\n\\x41\\u00e9\\U0001F600\\101\\\\\\"\\q'), 'a\tb\nAé😀A\\"\\q');
  assert.equal(decodePython('line\\\nnext'), 'linenext');
  assert.equal(decodePython('\\N{BULLET}'), '\\N{BULLET}', 'named escapes stay as written');
});

test('javascript escapes, template line endings', () => {
  assert.equal(decodeJavaScript('\\u{1F600}\\u00e9\\x41\\0\\q\\\nx'), '😀éA\0qx');
  assert.equal(decodeJavaScript('a\r\nb', true), 'a\nb');
});

test('go, java, rust, json, toml escapes', () => {
  assert.equal(decodeGo('\\t\\x41\\u00e9\\U0001F600\\101'), '\tAé😀A');
  assert.equal(decodeJava('\\s\\t\\u00e9\\101\\\nx'), ' \téAx');
  assert.equal(decodeRust('\\u{1F600}\\x41\\0\\\n     b'), '😀A\0b');
  assert.equal(decodeJson('\\u00e9\\/\\n\\ud83d\\ude00'), 'é/\n😀');
  assert.equal(decodeToml('a\\tb\\u00e9\\U0001F600\\e'), 'a\tbé😀\x1b');
  assert.equal(decodeToml('one \\\n   two'), 'one two');
});

test('yaml scalars: folding, quotes, block scalars with chomping', () => {
  assert.equal(decodeYamlDouble('a\\tb\\x41 \\\n   c'), 'a\tbA c');
  assert.equal(decodeYamlDouble('one\n  two\n\n  three'), 'one two\nthree');
  assert.equal(decodeYamlSingle("it''s\n  folded"), "it's folded");
  assert.equal(decodeYamlPlain('plain\n  text'), 'plain text');
  assert.equal(decodeYamlBlock('|\n  a\n  b\n'), 'a\nb\n');
  assert.equal(decodeYamlBlock('|-\n  a\n  b\n'), 'a\nb');
  assert.equal(decodeYamlBlock('|+\n  a\n\n'), 'a\n\n');
  assert.equal(decodeYamlBlock('>\n  a\n  b\n\n  c\n'), 'a b\nc\n');
  assert.equal(decodeYamlBlock('>-\n  a\n    indented\n  b\n'), 'a\n  indented\nb');
});
