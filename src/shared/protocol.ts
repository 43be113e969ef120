// The contract between the extension (client) and the language server: names both sides must
// spell the same way, and the shape of what they hand each other. Plain data, no vscode import,
// so the server, the client, the CLI and the tests all read it.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Set by the bundler from package.json's version (esbuild.mjs); the one place it is written. */
declare const DEEPSEEK_COST_VERSION: string | undefined;
export const PRODUCT_VERSION: string = typeof DEEPSEEK_COST_VERSION === 'string' ? DEEPSEEK_COST_VERSION : unbundledVersion();

/** Running from sources (tests through tsx): read package.json beside the sources. */
function unbundledVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0-unbundled';
  }
}

/** The language client's id (also the prefix of `deepseekCost.trace.server`) and its display name. */
export const LANGUAGE_CLIENT_ID = 'deepseekCost';
export const LANGUAGE_CLIENT_NAME = 'DeepSeek Cost Lens';
/** serverInfo.name in the initialize result. */
export const SERVER_NAME = 'deepseek-cost-lens';

/** Every setting lives under this section; the server pulls exactly this section. */
export const SETTINGS_SECTION = 'deepseekCost';

/**
 * Added by the VS Code client to each `workspace/configuration` answer for SETTINGS_SECTION: the
 * hosts of the catalog sources the user typed in their *user* settings, which hovers may link
 * to. The client always overwrites it, so a workspace cannot name hosts of its own.
 */
export const USER_SOURCE_HOSTS_KEY = 'userSourceHosts';

/** The source action that applies every preferred fix in a file (`source.fixAll` + our suffix). */
export const FIX_ALL_KIND = 'source.fixAll.deepseekCost';

/**
 * The README section that explains a diagnostic code (`retired-model`...): each code is a heading
 * there, so `codeDescription` opens the explanation, not a search.
 */
export const README_URL = 'https://github.com/deepseek-cost-lens/deepseek-cost-lens/blob/main/README.md';
export function codeHelpUrl(code: string): string {
  return `${README_URL}#${code}`;
}

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'DeepSeek Cost Lens';

/** Commands the extension registers (the ids are public: keybindings, walkthroughs and tests use them). */
export const COMMANDS = {
  restartServer: 'deepseekCost.restartServer',
  showOutput: 'deepseekCost.showOutput',
  fixAllModelIds: 'deepseekCost.fixAllModelIds',
  openWalkthrough: 'deepseekCost.openWalkthrough',
  countSelectionTokens: 'deepseekCost.countSelectionTokens',
  chooseLegacySeverity: 'deepseekCost.chooseLegacySeverity',
  /** A call's CodeLens runs it with a CallBreakdown: the cost per message, shown in a quick pick. */
  showCallBreakdown: 'deepseekCost.showCallBreakdown',
} as const;

/** What a call's CodeLens hands its command: plain labels, already made safe to show. */
export interface CallBreakdown {
  title: string;
  items: Array<{ label: string; description?: string; detail?: string }>;
}

/** The spend tracker's commands, linked from its (command-trusted) tooltip. */
export const SPEND_COMMANDS = {
  showMenu: 'deepseekCost.spend.showMenu',
  showDashboard: 'deepseekCost.spend.showDashboard',
  resetSession: 'deepseekCost.spend.resetSession',
  openLogSources: 'deepseekCost.spend.openLogSources',
  showReport: 'deepseekCost.spend.showReport',
  setBudget: 'deepseekCost.spend.setBudget',
  addUsageLog: 'deepseekCost.addUsageLog',
} as const;

/** The port the extension's debug launch opens the server's inspector on (.vscode/launch.json attaches to it). */
export const SERVER_DEBUG_PORT = 6011;

/** `initializationOptions` the server understands. Every field is optional; unknown fields are ignored. */
export interface InitializationOptions {
  /** Pin the server's clock (ISO 8601 instant with a zone): tests and demos. Users get real time. */
  now?: string;
  /** How long to wait for a `workspace/configuration` answer before using the defaults (ms). */
  configurationTimeoutMs?: number;
  /**
   * The VS Code client's own protocol: settings problems go to it as SETTINGS_PROBLEM_NOTIFICATION
   * (it shows them with "Open Settings" / "Show Output"), catalog overrides are validated by the
   * client itself (so one change is reported once, not by every process that reads it), and every
   * model-ID fix carries FIX_APPLIED_COMMAND, which the client runs once the edit is applied.
   */
  vscodeClient?: boolean;
  /** VS Code's display language (`vscode.env.language`): diagnostics, fixes and hovers are worded in it. */
  locale?: string;
}

/** Server → client: a settings problem, at most once per distinct message per settings change. */
export const SETTINGS_PROBLEM_NOTIFICATION = 'deepseekCost/settingsProblem';
export interface SettingsProblemParams {
  message: string;
}

/** Run by the editor after a model-ID fix's edit is applied (a real fix, for the walkthrough). */
export const FIX_APPLIED_COMMAND = 'deepseekCost.internal.fixApplied';

/** Reads initializationOptions defensively: a client may send anything. */
export function readInitializationOptions(raw: unknown): InitializationOptions {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: InitializationOptions = {};
  if (typeof o.now === 'string' && !Number.isNaN(Date.parse(o.now))) out.now = o.now;
  if (typeof o.configurationTimeoutMs === 'number' && Number.isFinite(o.configurationTimeoutMs) && o.configurationTimeoutMs > 0) {
    out.configurationTimeoutMs = o.configurationTimeoutMs;
  }
  if (o.vscodeClient === true) out.vscodeClient = true;
  if (typeof o.locale === 'string' && o.locale.length <= 35) out.locale = o.locale;
  return out;
}

/**
 * Node options the language server runs with, whoever starts it (the extension, the tests, the
 * benchmark). A small young generation: the server's garbage is short-lived (messages, per-pass
 * analysis), and V8's default semi-spaces (up to 16 MB each) would keep about 10 MB of resident
 * memory for it; collections of a 1 MB space cost no measurable time here.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/**
 * The same for reading usage logs (the CLI's `spend`, which starts Node again with it, and the
 * extension's spend worker): nearly every parsed log line is garbage at once, and the default
 * young generation holds about 30 MB of it resident. Measured on 256 MB of mixed logs: peak RSS
 * 132 → 103 MB, about 2% more CPU per megabyte (`npm run bench -- --only ingest --ingest-size 256MB`).
 */
export const SPEND_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];
/** The worker-thread form of SPEND_EXEC_ARGV (a young generation of three 1 MB semi-spaces). */
export const SPEND_WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 } as const;
