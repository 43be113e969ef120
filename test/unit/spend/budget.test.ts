import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type BudgetAlertState, type BudgetObservation, budgetLevel, stepBudgetAlert, worstLevel } from '../../../src/spend/budget';

/** Feeds observations through the state machine and collects what it asked to notify. */
function run(observations: BudgetObservation[], start?: BudgetAlertState): { notes: string[]; state?: BudgetAlertState } {
  let state = start;
  const notes: string[] = [];
  for (const o of observations) {
    const step = stepBudgetAlert(state, o);
    state = step.state;
    if (step.notify) notes.push(`${o.spent}:${step.notify}`);
  }
  return { notes, state };
}

const obs = (spent: number, over: Partial<BudgetObservation> = {}): BudgetObservation => ({ period: 's1', budget: 1, currency: 'USD', spent, ...over });

test('levels: below 80% ok, from 80% warning, from 100% exceeded', () => {
  assert.equal(budgetLevel(0.79, 1), 'ok');
  assert.equal(budgetLevel(0.8, 1), 'warning');
  assert.equal(budgetLevel(0.99, 1), 'warning');
  assert.equal(budgetLevel(1, 1), 'exceeded');
  assert.equal(budgetLevel(5, null), 'ok');
  // A zero budget is exceeded by any spend, and not by none.
  assert.equal(budgetLevel(0, 0), 'ok');
  assert.equal(budgetLevel(0.001, 0), 'exceeded');
  assert.equal(worstLevel('ok', 'exceeded', 'warning'), 'exceeded');
  assert.equal(worstLevel('ok', 'warning'), 'warning');
});

test('crossing 80% and then 100% notifies once each; staying above does not re-notify', () => {
  const { notes } = run([obs(0.1), obs(0.5), obs(0.81), obs(0.85), obs(0.95), obs(1.0), obs(1.2), obs(3)]);
  assert.deepEqual(notes, ['0.81:warning', '1:exceeded']);
});

test('jumping from below 80% straight past 100% gives one notification, not two', () => {
  assert.deepEqual(run([obs(0.2), obs(1.5), obs(1.6)]).notes, ['1.5:exceeded']);
});

test('a new period (session reset, new day) re-arms the alerts', () => {
  const first = run([obs(0.9), obs(1.1)]);
  assert.deepEqual(first.notes, ['0.9:warning', '1.1:exceeded']);
  const after = run([obs(0, { period: 's2' }), obs(0.85, { period: 's2' }), obs(1.05, { period: 's2' })], first.state);
  assert.deepEqual(after.notes, ['0.85:warning', '1.05:exceeded']);
});

test('a restored state (window reload, second window) does not notify again for the same period', () => {
  const first = run([obs(0.9), obs(1.1)]);
  const reloaded = run([obs(1.1), obs(1.3)], JSON.parse(JSON.stringify(first.state)));
  assert.deepEqual(reloaded.notes, []);
});

test('a changed budget or currency re-arms; removing the budget silences it', () => {
  const first = run([obs(0.9)]);
  assert.deepEqual(run([obs(0.9, { budget: 0.5 })], first.state).notes, ['0.9:exceeded']);
  assert.deepEqual(run([obs(0.9, { currency: 'CNY' })], first.state).notes, ['0.9:warning']);
  assert.deepEqual(run([obs(5, { budget: null }), obs(9, { budget: null })], first.state).notes, []);
});

test('falling back below 80% within a period re-arms the warning', () => {
  assert.deepEqual(run([obs(0.9), obs(0.5), obs(0.9)]).notes, ['0.9:warning', '0.9:warning']);
});
