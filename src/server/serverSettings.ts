// Settings as the server sees them: pulled from the client per resource, validated, cached until
// the client says they changed. Each problem is logged once per change (not once per file that
// pulls settings) and shown once per distinct message.
// A client that never answers a configuration request costs one timeout, then the defaults apply.
import type { Connection } from 'vscode-languageserver';
import { type LintSettings, defaultLintSettings, parseLintSettings } from '../shared/settings';
import { SETTINGS_PROBLEM_NOTIFICATION, SETTINGS_SECTION, type SettingsProblemParams, USER_SOURCE_HOSTS_KEY } from '../shared/protocol';
import { type Catalog, catalogWithOverrides, shippedCatalogData } from '../catalog';
import { hostsOf } from '../core/markdown';

export interface EffectiveSettings {
  settings: LintSettings;
  catalog: Catalog;
  /** Hosts a catalog source may link to in a hover: the shipped catalog's and the user's own. */
  linkHosts: ReadonlySet<string>;
}

export const DEFAULT_CONFIGURATION_TIMEOUT_MS = 5000;

const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export class ServerSettings {
  private readonly cache = new Map<string, Promise<EffectiveSettings>>();
  private readonly reported = new Set<string>();
  /** Messages logged since the settings last changed: one change, one line per problem, however many files pull. */
  private readonly logged = new Set<string>();
  private canPull = false;
  private toClient = false;
  private shippedHosts: string[] | undefined;

  constructor(
    private readonly connection: Connection,
    private timeoutMs = DEFAULT_CONFIGURATION_TIMEOUT_MS,
  ) {}

  enablePull(): void {
    this.canPull = true;
  }

  /** The VS Code client shows problems itself (with actions) and validates catalog overrides on its own. */
  reportToClient(): void {
    this.toClient = true;
  }

  setTimeout(ms: number): void {
    this.timeoutMs = ms;
  }

  clear(): void {
    this.cache.clear();
    this.logged.clear();
  }

  for(uri: string): Promise<EffectiveSettings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.load(uri);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<EffectiveSettings> {
    const raw = this.canPull ? await this.pull(uri) : undefined;
    const { settings, problems } = raw ? parseLintSettings(raw) : { settings: defaultLintSettings, problems: [] };
    for (const p of problems) this.report(p);
    const { catalog, errors } = catalogWithOverrides(settings.catalogOverrides);
    if (!this.toClient) for (const e of errors) this.report(e);
    this.shippedHosts ??= hostsOf(shippedCatalogData().sources);
    return { settings, catalog, linkHosts: new Set([...this.shippedHosts, ...userHosts(raw)]) };
  }

  private async pull(uri: string): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = Symbol('timeout');
    try {
      const answer = await Promise.race([
        this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }),
        new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), this.timeoutMs))),
      ]);
      if (answer !== timedOut) return answer;
      this.connection.console.warn(`the client did not answer workspace/configuration for ${uri} within ${this.timeoutMs} ms; using the default settings until the settings change`);
    } catch (err) {
      this.report(`could not read settings: ${String(err)}`);
    } finally {
      clearTimeout(timer);
    }
    return undefined;
  }

  private report(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    if (this.toClient) {
      // The client logs it and shows it with its actions (Open Settings, Show Output).
      void this.connection.sendNotification(SETTINGS_PROBLEM_NOTIFICATION, { message } satisfies SettingsProblemParams);
      return;
    }
    this.connection.console.warn(message);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void this.connection.window.showWarningMessage(`DeepSeek Cost Lens: ${message}`);
  }
}

/** The hosts the VS Code client found in the user's own catalog overrides (see USER_SOURCE_HOSTS_KEY). */
function userHosts(raw: unknown): string[] {
  const list = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[USER_SOURCE_HOSTS_KEY] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter((h): h is string => typeof h === 'string' && HOSTNAME.test(h));
}
