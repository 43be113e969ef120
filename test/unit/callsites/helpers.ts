import assert from 'node:assert/strict';
import { ParsedDocument, scanLanguageFor } from '../../../src/core/scan';
import { shippedCatalogData } from '../../../src/catalog';
import { modelIdFindings, modelIdPredicate } from '../../../src/core/lint/modelIdFindings';
import { resolveEndpoint } from '../../../src/core/lint/endpoint';
import { defaultLintSettings } from '../../../src/shared/settings';

export const catalog = shippedCatalogData();
export const AT = new Date('2026-12-01T00:00:00Z');

export interface Site {
  written: string;
  role: string;
  provider: string;
}

/** Every model-ID literal of a file with its role and resolved provider, as the server sees them. */
export async function sites(fileName: string, text: string, languageId = ''): Promise<Site[]> {
  const doc = await ParsedDocument.create(scanLanguageFor(languageId, fileName), text);
  try {
    return doc.modelIdLiterals(modelIdPredicate(catalog)).map((l) => {
      assert.equal(text.slice(l.contentStart, l.contentEnd), l.written, `range of ${l.written}`);
      return { written: l.written, role: l.role ?? 'value', provider: resolveEndpoint(catalog, l.written, l.endpoint).provider };
    });
  } finally {
    doc.dispose();
  }
}

/** The findings `lint` and the editor give for a file: [modelId, severity, provider, role]. */
export async function findings(fileName: string, text: string, languageId = ''): Promise<[string, string, string, string][]> {
  const doc = await ParsedDocument.create(scanLanguageFor(languageId, fileName), text);
  try {
    return modelIdFindings(doc.modelIdLiterals(modelIdPredicate(catalog)), catalog, AT, defaultLintSettings.severity, { path: fileName }).map((f) => {
      assert.equal(text.slice(f.start, f.end), f.written);
      return [f.written, f.severity, f.provider, f.role];
    });
  } finally {
    doc.dispose();
  }
}
