// Driving the VS Code workbench the way a user does: keyboard first (a pointer-block overlay eats
// clicks on some widgets), every wait tied to a selector or a condition with a deadline.
import { appendFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Selectors that held in VS Code 1.100 (code-server 4.100.3). */
export const selectors = {
  workbench: '.monaco-workbench',
  explorerRow: (name) => `.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`,
  anyExplorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputProgress: '.quick-input-widget .quick-input-progress',
  activeTab: (name) => `.tabs-container .tab.active[data-resource-name="${name}"]`,
  dirtyActiveTab: '.tabs-container .tab.active.dirty',
  editor: '.editor-instance .monaco-editor',
  squiggleError: '.monaco-editor .squiggly-error',
  squiggleWarning: '.monaco-editor .squiggly-warning',
  problems: '[id="status.problems"]',
  hover: '.monaco-hover:visible',
  actionRow: '.action-widget .monaco-list-row.action',
  focusedActionRow: '.action-widget .monaco-list-row.action.focused',
  editorMessage: '.monaco-editor-overlaymessage',
  statusItem: (id) => `[id="${id}"]`,
  walkthrough: '.gettingStartedContainer',
  /** A walkthrough step's check mark (its id ends with `#<step id>`); `.complete` once done. */
  walkthroughStepCheck: (stepId) => `[data-done-step-id$="#${stepId}"]`,
  problemsRow: '.markers-panel .monaco-list-row',
  notification: '.notifications-toasts .notification-toast',
};

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ screenshotDir: string, timeoutMs?: number, consoleLog?: string }} options
   */
  constructor(page, options) {
    this.page = page;
    this.screenshotDir = options.screenshotDir;
    // Generous: on a loaded 2-core machine the extension host can take tens of seconds to start.
    this.timeoutMs = options.timeoutMs ?? Number(process.env.E2E_TIMEOUT_MS ?? 60_000);
    this.step = 0;
    mkdirSync(this.screenshotDir, { recursive: true });
    if (options.consoleLog) {
      const file = options.consoleLog;
      // The session folder may already be gone when the last messages of a closing page arrive.
      const append = (line) => { try { appendFileSync(file, line); } catch { /* session removed */ } };
      page.on('console', (m) => append(`[${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => append(`[pageerror] ${e.stack ?? e.message}\n`));
    }
  }

  /** Loads the workbench and resolves when the explorer lists the folder; returns elapsed ms. */
  async open(url, { expectExplorer = true } = {}) {
    const started = performance.now();
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs });
    await this.page.waitForSelector(selectors.workbench, { timeout: this.timeoutMs });
    if (expectExplorer) await this.page.waitForSelector(selectors.anyExplorerRow, { timeout: this.timeoutMs });
    return performance.now() - started;
  }

  /** Saves `NN-name.png` in the screenshot folder and returns its path. */
  async screenshot(name) {
    this.step += 1;
    const file = join(this.screenshotDir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P) and waits until its editor is active. Until
   * the remote extension host has registered file search, Quick Open answers "No matching
   * results"; then it is closed and asked again, as a user would, until the deadline.
   */
  async quickOpen(relativePath) {
    const name = basename(relativePath);
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      await this.page.keyboard.press('Control+P');
      // A key press can land while the workbench moves focus (a notification, a closing hover):
      // Quick Open then never opens, and pressing again is what a user would do.
      const opened = await this.page.waitForSelector(selectors.quickInputBox, { state: 'visible', timeout: 5_000 }).then(() => true, () => false);
      if (!opened) {
        if (Date.now() > deadline) throw new Error(`Quick Open did not open (${attempt} attempts)`);
        await this.page.keyboard.press('Escape');
        continue;
      }
      await this.page.keyboard.type(relativePath);
      const found = this.page.locator(`${selectors.quickInputRow}.focused`, { hasText: name }).first();
      const empty = this.page.locator(selectors.quickInputRow, { hasText: 'No matching results' }).first();
      const outcome = await Promise.race([
        found.waitFor({ timeout: this.timeoutMs }).then(() => 'found', () => 'timeout'),
        empty.waitFor({ timeout: this.timeoutMs }).then(() => 'empty', () => 'timeout'),
      ]);
      if (outcome === 'found') break;
      await this.page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`Quick Open never listed ${relativePath} (${attempt} attempts, last: ${outcome})`);
      await this.page.waitForSelector(selectors.quickInput, { state: 'hidden', timeout: this.timeoutMs });
    }
    await this.pickQuickInputRow(name);
    await this.page.waitForSelector(selectors.activeTab(name), { timeout: this.timeoutMs });
    await this.page.waitForSelector(`${selectors.editor}.focused`, { timeout: this.timeoutMs });
  }

  /**
   * Accepts the focused Quick Input row once it shows `text` and the list has stopped updating:
   * Enter while file-search results replace the "recently opened" rows accepts nothing.
   */
  async pickQuickInputRow(text) {
    await this.page.locator(`${selectors.quickInputRow}.focused`, { hasText: text }).first().waitFor({ timeout: this.timeoutMs });
    await this.page.waitForFunction(
      (selector) => {
        const bar = document.querySelector(selector);
        return !bar?.classList.contains('active') || bar.classList.contains('done');
      },
      selectors.quickInputProgress,
      { timeout: this.timeoutMs },
    );
    await this.page.locator(`${selectors.quickInputRow}.focused`, { hasText: text }).first().waitFor({ timeout: this.timeoutMs });
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(selectors.quickInput, { state: 'hidden', timeout: this.timeoutMs });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async goTo(line, column = 1) {
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector(selectors.quickInputBox, { state: 'visible', timeout: this.timeoutMs });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector(selectors.quickInput, { state: 'hidden', timeout: this.timeoutMs });
    await this.page.waitForSelector(`${selectors.editor}.focused`, { timeout: this.timeoutMs });
  }

  /** Runs a command by its title through the command palette (F1). */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector(selectors.quickInputBox, { state: 'visible', timeout: this.timeoutMs });
    await this.page.keyboard.type(title);
    await this.pickQuickInputRow(title);
  }

  /** Error and warning counts from the Problems status-bar entry ("<icon> 1 <icon> 0"). */
  async problemCounts() {
    const entry = this.page.locator(selectors.problems).first();
    const label = (await entry.getAttribute('aria-label')) ?? '';
    const numbers = (await entry.innerText()).match(/\d+/g)?.map(Number) ?? [];
    return { errors: numbers[0] ?? 0, warnings: numbers[1] ?? 0, label };
  }

  /** Polls `probe` until it returns a truthy value or the deadline passes. */
  async waitFor(description, probe, timeoutMs = this.timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        last = await probe();
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${description} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Hovers the mouse over the first rendered token containing `text` in the active editor and
   * returns the hover's text once one containing `expect` (a RegExp) appears.
   */
  async hover(text, expect = /\S/) {
    const token = this.page.locator(`${selectors.editor} .view-lines .view-line span span`, { hasText: text }).first();
    await token.waitFor({ timeout: this.timeoutMs });
    await this.page.mouse.move(0, 0);
    // The token's middle: its first pixels may be a quote, outside a diagnostic's range (the ID
    // inside the quotes), where the editor shows the hover without the diagnostic.
    // A long prompt's token runs past the viewport: no further in than 40 px.
    const box = await token.boundingBox();
    await token.hover({ position: { x: Math.min((box?.width ?? 16) / 2, 40), y: (box?.height ?? 8) / 2 } });
    const hover = this.page.locator(selectors.hover).filter({ hasText: expect }).first();
    await hover.waitFor({ timeout: this.timeoutMs });
    return hover.innerText();
  }

  /**
   * The visible hover's content height against its box: `contentHeight` (scrollHeight of the
   * rendered Markdown) and `boxHeight` (clientHeight of the scrollable box the editor sized).
   * Content taller than its box means the user has to scroll to read it.
   */
  async hoverScrollMetrics() {
    return this.page.locator(selectors.hover).first().evaluate((hover) => {
      const box = hover.querySelector('.monaco-scrollable-element') ?? hover;
      const content = hover.querySelector('.monaco-hover-content') ?? box;
      return { contentHeight: content.scrollHeight, boxHeight: box.clientHeight, boxWidth: box.clientWidth };
    });
  }

  /** The titles of the CodeLenses rendered in the active editor, top to bottom. */
  async codeLensTitles() {
    return this.page.locator(`${selectors.editor} .codelens-decoration a`).allInnerTexts();
  }

  /** Hover at the cursor through the keyboard (Show or Focus Hover: Ctrl+K Ctrl+I). */
  async hoverAtCursor(expect = /\S/) {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator(selectors.hover).filter({ hasText: expect }).first();
    await hover.waitFor({ timeout: this.timeoutMs });
    return hover.innerText();
  }

  /**
   * Opens Quick Fix at the cursor (Ctrl+.), moves the keyboard focus to the first action whose
   * text matches `pick`, and applies it with Enter. Returns the titles that were offered.
   */
  async quickFix(pick) {
    await this.page.keyboard.press('Control+Period');
    const menu = this.page.locator(selectors.actionRow).first();
    const none = this.page.locator(selectors.editorMessage, { hasText: /no code actions/i }).first();
    const outcome = await Promise.race([
      menu.waitFor({ timeout: this.timeoutMs }).then(() => 'menu', () => 'timeout'),
      none.waitFor({ timeout: this.timeoutMs }).then(() => 'none', () => 'timeout'),
    ]);
    if (outcome !== 'menu') {
      throw new Error(outcome === 'none' ? 'Ctrl+. answered "No code actions available"' : `no Quick Fix menu within ${this.timeoutMs} ms`);
    }
    const rows = this.page.locator(selectors.actionRow);
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    if (!titles.some((t) => pick.test(t))) {
      await this.page.keyboard.press('Escape');
      throw new Error(`no quick fix matching ${pick}; offered: ${JSON.stringify(titles)}`);
    }
    for (let i = 0; i <= titles.length; i += 1) {
      const focused = (await this.page.locator(selectors.focusedActionRow).first().innerText().catch(() => '')).trim();
      if (pick.test(focused)) {
        await this.page.keyboard.press('Enter');
        await this.page.waitForSelector(selectors.actionRow, { state: 'hidden', timeout: this.timeoutMs });
        return titles;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus a quick fix matching ${pick}; offered: ${JSON.stringify(titles)}`);
  }

  /**
   * Saves an edit a command has just made (a quick fix applies its workspace edit after the menu
   * closes): waits until the active tab is dirty, so Ctrl+S cannot run before the edit lands.
   */
  async saveEdit() {
    await this.page.waitForSelector(selectors.dirtyActiveTab, { state: 'attached', timeout: this.timeoutMs });
    await this.save();
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.waitForSelector(selectors.dirtyActiveTab, { state: 'detached', timeout: this.timeoutMs });
  }

  /**
   * Hovers the status-bar item `id` and returns its tooltip's text once one matching `expect`
   * appears (the item's hover, not an editor hover).
   */
  async statusItemTooltip(id, expect = /\S/) {
    const item = this.page.locator(selectors.statusItem(id)).first();
    await item.waitFor({ timeout: this.timeoutMs });
    await this.page.mouse.move(0, 0);
    await item.hover();
    const hover = this.page.locator(selectors.hover).filter({ hasText: expect }).first();
    await hover.waitFor({ timeout: this.timeoutMs });
    return hover.innerText();
  }

  async statusItemText(id) {
    return (await this.page.locator(selectors.statusItem(id)).first().innerText()).trim();
  }

  /** Waits until the status-bar item `id` shows text accepted by `accept`; returns that text. */
  async waitForStatusItem(id, accept, description = `status item ${id}`) {
    await this.page.waitForSelector(selectors.statusItem(id), { timeout: this.timeoutMs });
    return this.waitFor(description, async () => {
      const text = await this.statusItemText(id);
      return accept(text) ? text : false;
    });
  }

  /** Waits until the walkthrough (Welcome editor) is open on a walkthrough whose title contains `title`. */
  async waitForWalkthrough(title) {
    await this.page.locator(selectors.walkthrough, { hasText: title }).first().waitFor({ timeout: this.timeoutMs });
  }

  /** Whether each step of the open walkthrough is ticked, by step id (the part after the last `#`). */
  async walkthroughSteps() {
    return this.page.$$eval('[data-done-step-id]', (nodes) =>
      Object.fromEntries(nodes.map((n) => [n.getAttribute('data-done-step-id').split('#').pop(), n.classList.contains('complete')])),
    );
  }

  /** Waits until the walkthrough step `stepId` is ticked. */
  async waitForWalkthroughStep(stepId) {
    await this.page.waitForSelector(`${selectors.walkthroughStepCheck(stepId)}.complete`, { state: 'attached', timeout: this.timeoutMs });
  }

  /** Selects line `line` (1-based) of the active editor with the keyboard (Go to Line, Home, Shift+End). */
  async selectLine(line) {
    await this.goTo(line, 1);
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('Shift+End');
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows once one matches `expect`. */
  async problemsRows(expect) {
    await this.page.keyboard.press('Control+Shift+M');
    const row = this.page.locator(selectors.problemsRow).filter({ hasText: expect }).first();
    await row.waitFor({ timeout: this.timeoutMs });
    return (await this.page.locator(selectors.problemsRow).allInnerTexts()).map((t) => t.trim());
  }

  /** Runs `body` with this workbench's waits shortened to `ms` (restored afterwards). */
  async withTimeout(ms, body) {
    const saved = this.timeoutMs;
    this.timeoutMs = ms;
    try {
      return await body();
    } finally {
      this.timeoutMs = saved;
    }
  }
}
