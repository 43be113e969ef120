// No message is glued together from fragments a translator cannot reorder: every l10n.t call
// takes a literal (its key), never a template with ${…} or a concatenation, no l10n.t result is
// concatenated with another string, and no plural() helper picks English word endings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const src = path.join(__dirname, '..', '..', '..', 'src');
// The agent tools answer a language model, in English like their descriptions (see README), so
// their wording helpers are not user-facing translations.
const files = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.startsWith(`agentTools${path.sep}`))
  .map((f) => path.join(src, f));

/** `l10n.t(…)` or `vscode.l10n.t(…)`. */
function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const callee = node.expression;
  if (callee.name.text !== 't') return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

function literalKey(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return true;
  if (ts.isObjectLiteralExpression(arg)) {
    const message = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'message');
    return !!message && (ts.isStringLiteral(message.initializer) || ts.isNoSubstitutionTemplateLiteral(message.initializer));
  }
  return false;
}

function problemsIn(file: string, text = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const where = (n: ts.Node) => `${path.relative(src, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (isTranslateCall(node) && !literalKey(node.arguments[0])) problems.push(`${where(node)}: l10n.t needs a literal message (use {0} placeholders)`);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isTranslateCall(node.left) || isTranslateCall(node.right))) {
      problems.push(`${where(node)}: a translated sentence concatenated with +`);
    }
    if ((ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name && ts.isIdentifier(node.name) && /^plurali[sz]e$|^plural$/i.test(node.name.text)) {
      problems.push(`${where(node)}: ${node.name.text}() builds English plurals from fragments; write one whole sentence per case`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

test('the guard itself catches templates, concatenation and plural helpers', () => {
  const bad = [
    "import * as l10n from '@vscode/l10n';",
    'const a = l10n.t(`Used ${n} tokens`);',
    "const b = l10n.t('Used') + ' tokens';",
    "const c = vscode.l10n.t('x ' + y);",
    'function plural(n: number, s: string) { return s; }',
    "const ok = l10n.t('Used {0} tokens', n);",
  ].join('\n');
  assert.equal(problemsIn('probe.ts', bad).length, 4);
});

test('no user-facing message in src/ is built from fragments', () => {
  const problems = files.flatMap((f) => problemsIn(f));
  assert.deepEqual(problems, []);
});
