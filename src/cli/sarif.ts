// SARIF 2.1.0 for GitHub code scanning: one rule per finding code, a fix per replacement.
import type { LintFinding } from './lint';

const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const ruleText: Record<string, string> = {
  'retired-model': 'DeepSeek model ID is retired: requests with it fail',
  'deprecated-model': 'DeepSeek model ID is deprecated and will be retired',
  'legacy-model-name': 'DeepSeek model ID is a legacy name for a newer model',
};

export function toSarif(findings: LintFinding[]): object {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deepseek-cost',
            informationUri: 'https://github.com/deepseek-cost-lens/deepseek-cost-lens',
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: ruleText[id] ?? id },
              defaultConfiguration: { level: levels[findings.find((f) => f.code === id)!.severity] },
              helpUri: findings.find((f) => f.code === id && f.helpUri)?.helpUri,
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => {
          const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
          return {
            ruleId: f.code,
            level: levels[f.severity],
            message: { text: f.message },
            properties: { modelId: f.modelId, provider: f.provider, role: f.role },
            locations: [{ physicalLocation: { artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' }, region } }],
            fixes: f.replacements.map((text) => ({
              description: { text: `Use ${text}` },
              artifactChanges: [{ artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: region, insertedContent: { text } }] }],
            })),
          };
        }),
      },
    ],
  };
}
