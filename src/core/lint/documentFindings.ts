// The findings of one document as the server shows them and `lint` prints them: model-ID findings
// minus those a suppression comment covers. One function, so the editor and CI always agree.
import type { Catalog } from '../../catalog/schema';
import type { CommentSyntax } from '../languages';
import type { ModelIdLiteral } from '../scan/types';
import { type FindingContext, type ModelIdFinding, modelIdFindings, type SeverityByStatus } from './modelIdFindings';
import { applySuppressions } from './suppression';

export function documentFindings(
  literals: readonly ModelIdLiteral[],
  text: string,
  comments: CommentSyntax,
  catalog: Catalog,
  at: Date,
  severity: SeverityByStatus,
  context: FindingContext = {},
): ModelIdFinding[] {
  return applySuppressions(modelIdFindings(literals, catalog, at, severity, context), text, comments);
}
