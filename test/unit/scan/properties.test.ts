// `.properties` files: every separator form, comments, continuations and escapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanIds, summary, offsetOf } from './helpers';
import { lexProperties } from '../../../src/core/scan/properties';
import { scanLanguageFor } from '../../../src/core/scan';
import { ParsedDocument } from '../../../src/core/scan';

test('key=value, key: value and key value all give the ID with its exact range', async () => {
  const src = [
    'spring.ai.deepseek.chat.options.model=deepseek-reasoner',
    'app.model: deepseek-chat',
    'fallback.model   deepseek-coder',
    'spaced.model = deepseek-chat   ',
    'current.model=deepseek-v4-pro',
    '',
  ].join('\n');
  assert.deepEqual(summary(await scanIds('properties', src)), [
    ['deepseek-reasoner', offsetOf(src, 'deepseek-reasoner')],
    ['deepseek-chat', offsetOf(src, 'app.model: deepseek-chat', 'deepseek-chat')],
    ['deepseek-coder', offsetOf(src, 'deepseek-coder')],
    ['deepseek-chat', offsetOf(src, 'spaced.model = deepseek-chat', 'deepseek-chat')],
    ['deepseek-v4-pro', offsetOf(src, 'deepseek-v4-pro')],
  ]);
});

test('comment lines with # and ! are never values, wherever they start', async () => {
  const src = '# model=deepseek-chat\n  ! other.model=deepseek-reasoner\nkeep=deepseek-coder\n';
  assert.deepEqual((await scanIds('properties', src)).map((l) => l.written), ['deepseek-coder']);
});

test('a value is not a comment: a # inside it stays part of the value', async () => {
  const src = 'a.model=deepseek-chat # not a comment in .properties\nb.model=deepseek-chat\n';
  // The first value is the whole rest of the line, so it is not an ID; the second is.
  assert.deepEqual(summary(await scanIds('properties', src)), [['deepseek-chat', offsetOf(src, 'b.model=deepseek-chat', 'deepseek-chat')]]);
});

test('continuation lines belong to the value before them and never start a key', async () => {
  const src = [
    'description=first part \\',
    '    model=deepseek-chat',
    'spring.ai.deepseek.chat.options.model=\\',
    '    deepseek-reasoner',
    'escaped.backslash=path\\\\',
    'next.model=deepseek-coder',
    '',
  ].join('\n');
  const ids = await scanIds('properties', src);
  assert.deepEqual(summary(ids), [
    ['deepseek-reasoner', offsetOf(src, '    deepseek-reasoner', 'deepseek-reasoner')],
    ['deepseek-coder', offsetOf(src, 'deepseek-coder')],
  ]);
  const entries = lexProperties(src);
  assert.deepEqual(entries.map((e) => e.key), ['description', 'spring.ai.deepseek.chat.options.model', 'escaped.backslash', 'next.model']);
  assert.equal(entries[0].literal.value, 'first part model=deepseek-chat');
});

test('escapes are decoded; an escaped ID is reported by value but its range is never rewritten', () => {
  const entries = lexProperties('k\\:ey=a\\tb\nm=deepseek\\u002dchat\nCRLF.model=deepseek-chat\r\n');
  assert.deepEqual(entries.map((e) => [e.key, e.literal.value]), [['k:ey', 'a\tb'], ['m', 'deepseek-chat'], ['CRLF.model', 'deepseek-chat']]);
});

test('the escaped ID is skipped by the model-ID scan (a fix there would corrupt it), CRLF is fine', async () => {
  const src = 'm=deepseek\\u002dchat\r\nn=deepseek-chat\r\n';
  assert.deepEqual(summary(await scanIds('properties', src)), [['deepseek-chat', offsetOf(src, 'n=deepseek-chat', 'deepseek-chat')]]);
});

test('.properties files and fences are served by this scanner, prompts in them are found', async () => {
  assert.equal(scanLanguageFor('', 'src/main/resources/application.properties'), 'properties');
  assert.equal(scanLanguageFor('properties', 'untitled:1'), 'properties');
  const md = '```properties\nspring.ai.deepseek.chat.options.model=deepseek-reasoner\n```\n';
  assert.deepEqual((await scanIds('markdown', md)).map((l) => l.written), ['deepseek-reasoner']);
  const src = 'app.model=deepseek-v4-pro\napp.system-prompt=You are a careful assistant.\n';
  const doc = await ParsedDocument.create('properties', src);
  try {
    const [p] = doc.promptLiterals();
    assert.equal(p.text, 'You are a careful assistant.');
    assert.equal(p.model?.written, 'deepseek-v4-pro');
  } finally {
    doc.dispose();
  }
});
