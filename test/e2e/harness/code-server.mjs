// A code-server of our own per run: loopback only, no auth, its own config, user data, extensions
// and XDG folders (without them it writes into ~/.config and ~/.local), no extension gallery (so
// the server never reaches for one), stopped by process group.
import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerEntryPath, scratchDir } from './paths.mjs';
import { spawnGroup, stopGroup } from './processes.mjs';

/** Settings that keep the workbench quiet and offline, so screenshots and selectors are stable. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  // The extension opens its walkthrough once after install unless this is false: tests that are not
  // about the walkthrough keep their editor to themselves; the demo and the first-run test turn it on.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * A fresh profile: config.yaml, user-data dir with settings, extensions dir, XDG dirs.
 * `settings` are written both as user and as machine settings: settings with machine scope (like
 * deepseekCost.usageLogs) are read from the machine file in a remote window such as code-server's.
 * @param {{ root?: string, settings?: Record<string, unknown> }} [options]
 */
export function createProfile(options = {}) {
  const root = options.root ?? scratchDir('code-server');
  const profile = {
    root,
    configFile: join(root, 'config.yaml'),
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    xdgDir: join(root, 'xdg'),
    logFile: join(root, 'code-server.log'),
  };
  for (const dir of [profile.userDataDir, profile.extensionsDir, profile.xdgDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(profile.configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeSettings(profile, { ...quietSettings, ...options.settings });
  return profile;
}

/** (Re)writes the profile's user and machine settings. */
export function writeSettings(profile, settings) {
  for (const scope of ['User', 'Machine']) {
    const dir = join(profile.userDataDir, scope);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }
}

function serverEnv(profile) {
  const env = { ...process.env };
  // Keeps code-server's default config/log writes and any extension's XDG use inside the profile.
  env.XDG_CONFIG_HOME = join(profile.xdgDir, 'config');
  env.XDG_DATA_HOME = join(profile.xdgDir, 'data');
  env.XDG_CACHE_HOME = join(profile.xdgDir, 'cache');
  // An empty gallery disables extension queries: nothing leaves the machine.
  env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' });
  // Inherited from an outer VS Code terminal these would redirect the server's own IPC.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_')) delete env[key];
  return env;
}

function commonArgs(profile) {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/**
 * Installs a VSIX into the profile as a user would (`--install-extension <vsix> --force`).
 * @returns {Promise<{ ms: number, output: string }>}
 */
export function installExtension(profile, vsixPath, { timeoutMs = 120_000 } = {}) {
  const started = performance.now();
  const args = [codeServerEntryPath(), ...commonArgs(profile), '--install-extension', vsixPath, '--force'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env: serverEnv(profile), timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error || !/successfully installed/i.test(output)) {
        reject(new Error(`installing ${vsixPath} failed${error ? ` (${error.message})` : ''}:\n${output}`));
      } else {
        resolve({ ms: performance.now() - started, output });
      }
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a kernel-chosen port and resolves once /healthz answers.
 * @param {ReturnType<typeof createProfile>} profile
 * @param {{ workspace?: string, timeoutMs?: number, extraArgs?: string[] }} [options]
 * @returns {Promise<{ url: string, port: number, pid: number, logFile: string, readyMs: number, stop: () => Promise<void> }>}
 */
export async function startCodeServer(profile, options = {}) {
  const { workspace, timeoutMs = 60_000, extraArgs = [] } = options;
  const started = performance.now();
  const args = [
    codeServerEntryPath(),
    ...commonArgs(profile),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extraArgs,
    ...(workspace ? [workspace] : []),
  ];
  const log = createWriteStream(profile.logFile, { flags: 'a' });
  const child = spawnGroup('code-server', process.execPath, args, { env: serverEnv(profile), stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = /** @type {number} */ (child.pid);
  const stop = async () => {
    await stopGroup(pid);
    log.end();
  };

  try {
    const port = await new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not report a port within ${timeoutMs} ms; log: ${profile.logFile}\n${seen}`)), timeoutMs);
      const onData = (chunk) => {
        log.write(chunk);
        seen += chunk.toString();
        const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited early (code ${code}, signal ${signal}); log: ${profile.logFile}\n${seen}`));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.ok) break;
      } catch { /* not accepting yet */ }
      if (Date.now() > deadline) throw new Error(`code-server at ${url} never answered /healthz`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { url, port, pid, logFile: profile.logFile, readyMs: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The workbench URL for `folder`, optionally with an extension-test payload. */
export function workbenchUrl(serverUrl, folder, payload) {
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${params}`;
}
