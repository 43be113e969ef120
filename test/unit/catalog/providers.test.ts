import test from 'node:test';
import assert from 'node:assert/strict';
import {
  catalogWithOverrides, hostOf, modelStatusAt, priceAt, providerForClient, providerForConfigKey, providerForEnvVar,
  providerForPackage, providerForUrl, shippedCatalogData, splitModelString,
} from '../../../src/catalog';

const catalog = shippedCatalogData();
const at = new Date('2026-12-01T00:00:00Z');

test('hosts name providers; DeepSeek\'s Anthropic endpoint is DeepSeek\'s', () => {
  const id = (url: string) => providerForUrl(catalog, url)?.id;
  assert.equal(id('https://api.deepseek.com'), 'deepseek');
  assert.equal(id('https://api.deepseek.com/anthropic'), 'deepseek');
  assert.equal(id('https://openrouter.ai/api/v1'), 'openrouter');
  assert.equal(id('http://localhost:11434/v1'), 'ollama');
  assert.equal(id('http://ollama:11434'), 'ollama');
  assert.equal(id('https://my-res.openai.azure.com/'), 'azure');
  assert.equal(id('https://bedrock-runtime.us-east-1.amazonaws.com'), 'bedrock');
  assert.equal(id('https://api.anthropic.com'), 'anthropic');
  assert.equal(id('https://example.com/v1'), undefined);
  assert.equal(id('not a url'), undefined);
  // A user name before the host, and a lookalike host, are not fooled.
  assert.equal(id('https://user@openrouter.ai/x'), 'openrouter');
  assert.equal(id('https://api.deepseek.com.evil.example/v1'), undefined);
  assert.deepEqual(hostOf('localhost:11434'), { host: 'localhost', port: '11434' });
});

test('clients, packages, environment variable names and config keys name providers', () => {
  assert.equal(providerForClient(catalog, 'ChatDeepSeek')?.id, 'deepseek');
  assert.equal(providerForClient(catalog, 'createOpenRouter')?.id, 'openrouter');
  assert.equal(providerForClient(catalog, 'ChatOllama')?.id, 'ollama');
  assert.equal(providerForClient(catalog, 'OpenAI'), undefined, 'the OpenAI client is generic: its base URL decides');
  assert.equal(providerForPackage(catalog, '@ai-sdk/deepseek')?.id, 'deepseek');
  assert.equal(providerForPackage(catalog, 'langchain_ollama.chat_models')?.id, 'ollama');
  assert.equal(providerForEnvVar(catalog, 'OPENROUTER_API_KEY')?.id, 'openrouter');
  assert.equal(providerForConfigKey(catalog, 'spring.ai.deepseek.chat.options.model')?.id, 'deepseek');
  assert.equal(providerForConfigKey(catalog, 'OPENROUTER_MODEL')?.id, 'openrouter');
  assert.equal(providerForConfigKey(catalog, 'spring.ai.openai.chat.options.model'), undefined);
});

test('model-string prefixes: the longest known prefix names the provider', () => {
  assert.equal(splitModelString('deepseek/deepseek-chat', catalog).prefixProvider?.id, 'deepseek');
  assert.equal(splitModelString('deepseek:deepseek-reasoner', catalog).prefixProvider?.id, 'deepseek');
  assert.equal(splitModelString('ollama_chat/deepseek-coder', catalog).prefixProvider?.id, 'ollama');
  assert.equal(splitModelString('openrouter/deepseek/deepseek-chat', catalog).prefixProvider?.id, 'openrouter');
  assert.deepEqual(splitModelString('deepseek-chat', catalog), { prefix: '', id: 'deepseek-chat' });
  assert.equal(splitModelString('openai/deepseek-chat', catalog).prefixProvider, undefined);
});

test('lifecycle and price are functions of (provider, model, time)', () => {
  const official = modelStatusAt(catalog, 'deepseek-chat', at);
  assert.equal(official.kind === 'known' && official.event.status, 'retired');
  const onOpenRouter = modelStatusAt(catalog, 'deepseek/deepseek-chat', at, 'openrouter');
  assert.equal(onOpenRouter.kind, 'other-provider');
  assert.equal(onOpenRouter.kind === 'other-provider' && onOpenRouter.providerName, 'OpenRouter');
  const price = priceAt(catalog, 'deepseek/deepseek-chat', at, 'USD', 'openrouter');
  assert.equal(price.kind === 'unpriced' && price.reason, 'other-provider');
  assert.equal(priceAt(catalog, 'deepseek-flash', at, 'USD').kind, 'priced');
});

test('a user can add another provider\'s model and prices', () => {
  const { catalog: withOr, errors } = catalogWithOverrides({
    sources: { 'or-page': { title: 'OpenRouter model page', url: 'https://openrouter.ai/deepseek', date: '2026-12-01' } },
    models: [{ id: 'deepseek/deepseek-chat', provider: 'openrouter', displayName: 'DeepSeek Chat on OpenRouter', priceFamily: 'or-ds-chat', lifecycle: [{ from: '2025-01-01T00:00:00Z', status: 'current', source: 'or-page' }] }],
    pricePeriods: [{ from: '2025-01-01T00:00:00Z', family: 'or-ds-chat', currency: 'USD', offPeak: { cacheHit: 0.1, cacheMiss: 0.3, output: 0.9 }, source: 'or-page' }],
  });
  assert.deepEqual(errors, []);
  const status = modelStatusAt(withOr, 'deepseek/deepseek-chat', at, 'openrouter');
  assert.equal(status.kind === 'known' && status.event.status, 'current');
  const price = priceAt(withOr, 'deepseek/deepseek-chat', at, 'USD', 'openrouter');
  assert.equal(price.kind === 'priced' && price.rates.cacheMiss, 0.3);
  // DeepSeek's own verdict for the same name is untouched.
  const official = modelStatusAt(withOr, 'deepseek-chat', at);
  assert.equal(official.kind === 'known' && official.event.status, 'retired');
});

test('an override naming an unknown provider is rejected and the shipped catalog stays', () => {
  const { catalog: c, errors } = catalogWithOverrides({
    models: [{ id: 'x-model', provider: 'nowhere', displayName: 'X', lifecycle: [{ from: '2025-01-01T00:00:00Z', status: 'current', source: 'ds-pricing' }] }],
  });
  assert.equal(errors.length, 1);
  assert.match(errors[0], /unknown provider "nowhere"/);
  assert.equal(c, shippedCatalogData());
});

test('a user can add a provider the catalog does not know, with its hosts', () => {
  const { catalog: c, errors } = catalogWithOverrides({
    sources: { 'corp': { title: 'Our gateway runbook', url: 'https://wiki.example/gw', date: '2026-12-01' } },
    providers: [{ id: 'corp-gateway', name: 'Corp gateway', kind: 'other', source: 'corp', hosts: ['llm.corp.example'] }],
  });
  assert.deepEqual(errors, []);
  assert.equal(providerForUrl(c, 'https://llm.corp.example/v1')?.id, 'corp-gateway');
  assert.equal(providerForUrl(c, 'https://api.deepseek.com')?.id, 'deepseek');
});
