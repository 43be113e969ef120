// Settings as the server sees them: pulled from the client per resource, validated, cached until
// the client says they changed. Problems are reported once per distinct message, not per request.
import type { Connection } from 'vscode-languageserver';
import { type LintSettings, defaultLintSettings, parseLintSettings } from '../shared/settings';
import { type Catalog, catalogWithOverrides } from '../catalog';

export interface EffectiveSettings {
  settings: LintSettings;
  catalog: Catalog;
}

export class ServerSettings {
  private readonly cache = new Map<string, Promise<EffectiveSettings>>();
  private readonly reported = new Set<string>();
  private canPull = false;

  constructor(private readonly connection: Connection) {}

  enablePull(): void {
    this.canPull = true;
  }

  clear(): void {
    this.cache.clear();
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
    let raw: unknown = {};
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'deepseekCost' });
      } catch (err) {
        this.report(`could not read settings: ${String(err)}`);
      }
    }
    const { settings, problems } = raw ? parseLintSettings(raw) : { settings: defaultLintSettings, problems: [] };
    for (const p of problems) this.report(p);
    const { catalog, errors } = catalogWithOverrides(settings.catalogOverrides);
    for (const e of errors) this.report(e);
    return { settings, catalog };
  }

  private report(message: string): void {
    this.connection.console.warn(message);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void this.connection.window.showWarningMessage(`DeepSeek Cost Lens: ${message}`);
  }
}
