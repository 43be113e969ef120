// What a host (the VS Code extension or the MCP server) gives the tools: the catalog and settings
// in force, where relative paths start, and where spend comes from when no logs are named.
import type { Catalog } from '../catalog/schema';
import type { SpendSnapshot } from '../core/usage/types';
import type { LintSettings } from '../shared/settings';

export interface AgentToolResult {
  /** Plain text for the model. */
  text: string;
  /** The request could not be answered (bad input, nothing readable); the text says why. */
  isError: boolean;
}

/** The editor's spend tracker as it stands: what its status bar shows. */
export interface TrackedSpend {
  /** Undefined until the tracker's first snapshot. */
  snapshot?: SpendSnapshot;
  /** False while the logs are still being read from their start. */
  initialReadDone: boolean;
  /** Whether any usage log is configured. */
  configured: boolean;
  problems: readonly string[];
}

export type DefaultSpend =
  | { kind: 'tracker'; current: () => Promise<TrackedSpend> }
  | { kind: 'logs'; patterns: string[] };

export interface AgentToolContext {
  catalog: Catalog;
  /** Settings the answers follow (severity, default model, currency, prompt length, size limit). */
  settings: LintSettings;
  /** Relative paths start here (the workspace folder, or the MCP server's working directory). */
  root: string;
  /** What lintWorkspace checks when given no paths. */
  workspaceRoots: string[];
  /** IANA zone of "today". */
  zone: string;
  now: () => Date;
  defaultSpend: DefaultSpend;
  /** An editor's unsaved text for a file, read instead of the disk (VS Code only). */
  unsaved?: (absolutePath: string) => { text: string; languageId: string } | undefined;
}
