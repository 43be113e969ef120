// Every setting the manifest declares is validated by a zod schema with the same default, so the
// Settings UI and the code can never disagree on what a value means.
import test from 'node:test';
import assert from 'node:assert/strict';
import rawManifest from '../../../package.json';
import { resolvedManifest } from '../../support/manifest';
import { lintSettingsSchema } from '../../../src/shared/settings';
import { spendSettingsSchema } from '../../../src/shared/spendSettings';
import { selectionSettingsSchema } from '../../../src/shared/selectionSettings';

type Property = { default?: unknown; markdownDescription?: string; scope?: string; properties?: Record<string, Property> };
// Descriptions as VS Code shows them (package.nls.json); the shape from package.json itself.
const manifest = resolvedManifest() as typeof rawManifest;
const properties = manifest.contributes.configuration.properties as Record<string, Property>;

test('every deepseekCost setting has a markdownDescription, and nested ones too', () => {
  for (const [key, p] of Object.entries(properties)) {
    assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} needs a markdownDescription`);
    for (const [sub, q] of Object.entries(p.properties ?? {})) assert.ok(q.markdownDescription, `${key}.${sub} needs a markdownDescription`);
  }
});

test('every setting is validated by the lint or spend schema, with the manifest default', () => {
  const schemas: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> = {};
  for (const [k, s] of Object.entries(lintSettingsSchema.shape)) schemas[k] = s;
  for (const [k, s] of Object.entries(spendSettingsSchema.shape)) schemas[k] = s;
  for (const [k, s] of Object.entries(selectionSettingsSchema.shape)) schemas[k] = s;
  for (const [key, p] of Object.entries(properties)) {
    const short = key.replace(/^deepseekCost\./, '');
    if (short === 'trace.server') continue; // read by the language client itself
    const schema = schemas[short];
    assert.ok(schema, `${key} is declared in package.json but no schema validates it`);
    const parsedDefault = schema.safeParse(undefined);
    assert.ok(parsedDefault.success, `${key}: the schema must accept a missing value`);
    if (short === 'logTimezone' || short === 'catalogOverrides') continue; // '' and {} both mean "none"
    assert.deepEqual(parsedDefault.data, p.default, `${key}: schema default differs from the manifest default`);
    assert.ok(schema.safeParse(p.default).success, `${key}: the manifest default must validate`);
  }
  for (const key of Object.keys(schemas)) assert.ok(properties[`deepseekCost.${key}`], `schema key ${key} is not declared in package.json`);
});

test('log paths and budgets cannot be set by a workspace', () => {
  assert.equal(properties['deepseekCost.usageLogs'].scope, 'machine');
  assert.equal(properties['deepseekCost.logTimezone'].scope, 'machine');
  assert.equal(properties['deepseekCost.tokenizers'].scope, 'machine', 'a workspace must not point the tokenizer setting at files');
  assert.equal(properties['deepseekCost.budget.session'].scope, 'application');
});

/** Settings a workspace may set that change nothing written into files and nothing read. */
// The CodeLens switch and the selection count's status-bar switch only show or hide figures: they read no file and write nothing.
const HARMLESS_FOR_A_WORKSPACE = new Set(['deepseekCost.currency', 'deepseekCost.trace.server', 'deepseekCost.selectionTokens.statusBar', 'deepseekCost.codeLens.enabled']);

test('Restricted Mode: limited support; every setting a workspace could abuse is restricted', () => {
  const capabilities = (manifest as { capabilities?: Record<string, { supported?: unknown; description?: string; restrictedConfigurations?: string[] }> }).capabilities;
  assert.ok(capabilities, 'package.json declares capabilities');
  const untrusted = capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.ok(untrusted.description && untrusted.description.length > 40);
  const restricted = new Set(untrusted.restrictedConfigurations);
  for (const key of ['catalogOverrides', 'defaultModel', 'severity', 'maxFileSizeKB', 'promptMinLength', 'maxDiagnosticsPerFile']) {
    assert.ok(restricted.has(`deepseekCost.${key}`), `deepseekCost.${key} must be a restrictedConfiguration`);
  }
  // Machine and application settings cannot come from a workspace at all; everything else must be
  // restricted or named above as harmless.
  for (const [key, p] of Object.entries(properties)) {
    if (p.scope === 'machine' || p.scope === 'application') continue;
    assert.ok(restricted.has(key) || HARMLESS_FOR_A_WORKSPACE.has(key), `${key} (scope ${p.scope}) can be set by a workspace: restrict it or argue it is harmless`);
  }
  for (const key of restricted) assert.ok(properties[key], `restricted ${key} is not a declared setting`);
  assert.equal(capabilities.virtualWorkspaces.supported, 'limited');
  assert.match(capabilities.virtualWorkspaces.description ?? '', /spend status bar/);
});
