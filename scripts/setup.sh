#!/usr/bin/env bash
# Prepares a machine for the real-editor tests (test/e2e, test/integration) and the demo:
#   - Debian packages: chromium, code-server's native build prerequisites, ripgrep;
#   - code-server (pinned in scripts/code-server/package.json + package-lock.json), installed into
#     .tools/code-server so the extension's own node_modules stay lean.
# Idempotent: when everything is present it only checks and exits within a few seconds.
# Usage: scripts/setup.sh            (as root, or as a user with sudo, on Debian/Ubuntu with Node 20)
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC_DIR="$ROOT/scripts/code-server"
TOOLS_DIR="$ROOT/.tools/code-server"
CODE_SERVER_BIN="$TOOLS_DIR/node_modules/.bin/code-server"
STAMP="$TOOLS_DIR/.installed"

# @vscode/ripgrep's postinstall downloads rg from GitHub unless this tarball is already in its cache
# folder under os.tmpdir(); a tarball holding the distribution's rg (named `rg`) satisfies it.
RIPGREP_CACHE_DIR="vscode-ripgrep-cache-1.15.11"
RIPGREP_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

APT_PACKAGES=(sqlite3 zstd chromium ripgrep libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev build-essential python3 pkg-config)
# Chinese glyphs, so the zh-cn end-to-end screenshots show text rather than empty boxes.
APT_PACKAGES+=(fonts-wqy-microhei)

started=$SECONDS
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[31msetup.sh: ERROR: %s\033[0m\n' "$*" >&2; exit 1; }
trap 'die "command failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

# --- Node ---------------------------------------------------------------------------------------
say "Checking Node"
command -v node >/dev/null || die "node is not on PATH; install Node 20 first"
command -v npm >/dev/null || die "npm is not on PATH; install npm (comes with Node) first"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
# code-server 4.100.x bundles native modules built for Node 20 and declares engines.node = 20.
[[ "$node_major" == "20" ]] || die "code-server 4.100.3 needs Node 20, found $(node -v)"
note "node $(node -v), npm $(npm -v 2>/dev/null)"

# --- Debian packages ----------------------------------------------------------------------------
say "Checking Debian packages: ${APT_PACKAGES[*]}"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
  if [[ $EUID -eq 0 ]]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
    die "missing packages (${missing[*]}); run this script as root or install sudo"
  fi
  note "installing: ${missing[*]}"
  apt_start=$SECONDS
  # A fresh machine has empty package lists; one update is enough for a whole run.
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  note "apt done in $((SECONDS - apt_start)) s"
else
  note "all present"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing after installing the chromium package"
command -v rg >/dev/null || die "rg missing after installing the ripgrep package"
note "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium (version unknown)')"

# --- code-server --------------------------------------------------------------------------------
[[ -f "$SPEC_DIR/package.json" ]] || die "$SPEC_DIR/package.json is missing"
wanted_version="$(node -p "require('$SPEC_DIR/package.json').dependencies['code-server']")"
# The stamp records exactly what was installed, so a changed pin or lock reinstalls.
fingerprint="$( { cat "$SPEC_DIR/package.json"; [[ -f "$SPEC_DIR/package-lock.json" ]] && cat "$SPEC_DIR/package-lock.json"; node -v; } | sha256sum | cut -d' ' -f1)"

# code-server writes a default config and log folder on any start, even for --version; point both
# at a scratch dir so the user's own ~/.config and ~/.local stay untouched.
code_server_version() {
  local scratch rc=0 out
  scratch="$(mktemp -d)"
  out="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$CODE_SERVER_BIN" --config "$scratch/config.yaml" --version 2>&1)" || rc=$?
  rm -rf "$scratch"
  printf '%s\n' "$out" | grep -v 'Wrote default config' | head -1
  return $rc
}

installed_ok() {
  [[ -x "$CODE_SERVER_BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$fingerprint" ]] || return 1
  # The postinstall builds lib/vscode's modules; without them the server starts but cannot serve.
  [[ -d "$TOOLS_DIR/node_modules/code-server/lib/vscode/node_modules" ]] || return 1
  [[ "$(code_server_version 2>/dev/null)" == "$wanted_version "* ]] || return 1
}

say "Checking code-server $wanted_version in .tools/code-server"
if installed_ok; then
  note "already installed: $(code_server_version)"
else
  note "installing (from scratch this takes a minute or two: it builds native modules)"
  cs_start=$SECONDS
  rm -rf "$TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  cp "$SPEC_DIR/package.json" "$TOOLS_DIR/"
  [[ -f "$SPEC_DIR/package-lock.json" ]] && cp "$SPEC_DIR/package-lock.json" "$TOOLS_DIR/"

  # A private temp dir keeps the ripgrep cache (and the build's scratch files) out of the shared one.
  install_tmp="$TOOLS_DIR/.tmp"
  mkdir -p "$install_tmp/$RIPGREP_CACHE_DIR"
  rg_stage="$(mktemp -d "$install_tmp/rg.XXXXXX")"
  cp "$(command -v rg)" "$rg_stage/rg"
  tar -czf "$install_tmp/$RIPGREP_CACHE_DIR/$RIPGREP_TARBALL" -C "$rg_stage" rg
  rm -rf "$rg_stage"
  note "ripgrep cache: $RIPGREP_TARBALL made from $(command -v rg)"

  # Only this folder's install runs dependency scripts (code-server's postinstall builds
  # lib/vscode); unsafe_perm lets them run as root; yes=true lets its nested npx proceed.
  install_cmd=(install --no-audit --no-fund)
  [[ -f "$TOOLS_DIR/package-lock.json" ]] && install_cmd=(ci --no-audit --no-fund)
  (
    cd "$TOOLS_DIR"
    export TMPDIR="$install_tmp"
    export npm_config_unsafe_perm=true
    export npm_config_yes=true
    export npm_config_dangerously_allow_all_scripts=true
    export npm_config_ignore_scripts=false
    export npm_config_foreground_scripts=false
    npm "${install_cmd[@]}"
  ) || die "npm ${install_cmd[0]} of code-server failed (see the output above)"

  [[ -x "$CODE_SERVER_BIN" ]] || die "code-server binary missing after install: $CODE_SERVER_BIN"
  [[ -d "$TOOLS_DIR/node_modules/code-server/lib/vscode/node_modules" ]] \
    || die "code-server's postinstall did not build lib/vscode/node_modules (dependency scripts blocked?)"
  version_line="$(code_server_version)" || die "code-server --version failed: $version_line"
  [[ "$version_line" == "$wanted_version "* ]] || die "expected code-server $wanted_version, got: $version_line"
  rm -rf "$install_tmp"
  echo "$fingerprint" > "$STAMP"
  note "installed $version_line in $((SECONDS - cs_start)) s"
  if [[ ! -f "$SPEC_DIR/package-lock.json" ]]; then
    note "no scripts/code-server/package-lock.json yet: copy .tools/code-server/package-lock.json there to pin the tree"
  fi
fi

# playwright-core, @vscode/vsce and mocha come with the repository's own devDependencies.
if [[ ! -d "$ROOT/node_modules/playwright-core" || ! -d "$ROOT/node_modules/@vscode/vsce" ]]; then
  note "the repository's dependencies are not installed yet: run npm ci in $ROOT"
fi

say "Ready in $((SECONDS - started)) s"
note "code-server: .tools/code-server/node_modules/.bin/code-server"
note "chromium:    /usr/bin/chromium"
