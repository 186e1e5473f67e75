#!/usr/bin/env bash
# Prepares everything the end-to-end test (test/e2e/run.mjs) needs, outside the repository:
#
#   * Debian packages: chromium (the browser we drive), ripgrep (VS Code's Quick Open/search),
#     libkrb5-dev + pkg-config (to compile the `kerberos` module), fonts-dejavu-core (legible screenshots);
#   * code-server (the VS Code server + web workbench, published on npm) in a cache folder.
#
# Safe to run again: every step checks whether its result is already there.
# Cache folder: $SOURCEWISE_E2E_HOME, default ~/.cache/sourcewise-e2e. Pinned version: $CODE_SERVER_VERSION.
#
# Why not simply `npm install -g code-server`? Its postinstall runs `npm install` inside lib/vscode, where
# @vscode/ripgrep's own postinstall downloads `rg` from GitHub. Without access to GitHub that fails and npm
# rolls the whole install back. So we install with --ignore-scripts and do the postinstall's work ourselves,
# taking `rg` from Debian instead.
set -euo pipefail

CACHE="${SOURCEWISE_E2E_HOME:-$HOME/.cache/sourcewise-e2e}"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_ROOT="$CACHE/code-server-$CS_VERSION"
CS_PKG="$CS_ROOT/node_modules/code-server"
STAMP="$CS_ROOT/.ready"

# Never let a user or project npm config change what happens here (the project's .npmrc disables scripts,
# ~/.npmrc may say `yes=false`, which makes node-pty's `npx node-gyp` refuse to run).
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_ignore_scripts=false

started=$(date +%s)
say() { printf '[e2e-setup %3ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }
die() { echo "e2e setup failed: $*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"

mkdir -p "$CACHE"
# One setup at a time per cache folder (two CI jobs sharing a cache must not interleave).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null; then flock 9; fi

# ------------------------------------------------------------------------------------------- system packages
APT_PACKAGES=(chromium ripgrep libkrb5-dev pkg-config fonts-dejavu-core)
missing=()
if command -v dpkg >/dev/null; then
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: ${missing[*]}"
    SUDO="sudo"
  fi
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "system packages present"
fi
CHROMIUM="${CHROMIUM_BIN:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$CHROMIUM" ] || die "no chromium found (set CHROMIUM_BIN)"
command -v rg >/dev/null || die "ripgrep (rg) is missing"

# ------------------------------------------------------------------------------------------- code-server
# Native modules are compiled for the Node that runs code-server; reinstall when its major version changes.
want_stamp="code-server $CS_VERSION node $NODE_MAJOR"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ] && [ -f "$CS_PKG/out/node/entry.js" ]; then
  say "code-server $CS_VERSION already set up in $CS_ROOT"
else
  # node-gyp cannot download headers offline; point it at the installed ones when they exist.
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -z "${npm_config_nodedir:-}" ] && [ -f "$node_prefix/include/node/node_version.h" ]; then
    export npm_config_nodedir="$node_prefix"
  fi

  say "npm install code-server@$CS_VERSION --ignore-scripts (into $CS_ROOT)"
  rm -rf "$CS_ROOT"
  mkdir -p "$CS_ROOT"
  printf '{ "name": "sourcewise-e2e-code-server", "private": true }\n' >"$CS_ROOT/package.json"
  (cd "$CS_ROOT" && npm install --no-save --ignore-scripts "code-server@$CS_VERSION")

  # Packages under $1 that have an install step of their own (or a binding.gyp), minus the ones we handle
  # differently: ripgrep (we copy Debian's rg) and Windows-only helpers.
  packages_needing_build() {
    node - "$1" <<'EOF'
const fs = require('fs'), path = require('path');
const found = new Set();
const visit = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const pkgDir = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) { visit(pkgDir); continue; }
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      const s = pkg.scripts || {};
      const builds = s.preinstall || s.install || s.postinstall || fs.existsSync(path.join(pkgDir, 'binding.gyp'));
      if (builds && !/^(code-server|@vscode\/ripgrep|@vscode\/windows-.*)$/.test(pkg.name)) found.add(pkg.name);
    }
    const nested = path.join(pkgDir, 'node_modules');
    if (fs.existsSync(nested)) visit(nested);
  }
};
visit(process.argv[2]);
process.stdout.write([...found].sort().join(' '));
EOF
  }

  top="$(packages_needing_build "$CS_ROOT/node_modules")"
  if [ -n "$top" ]; then
    say "build code-server's own native modules: $top"
    # shellcheck disable=SC2086
    (cd "$CS_ROOT" && npm rebuild --unsafe-perm $top)
  fi

  # From here on: what code-server's postinstall.sh would have done.
  say "lib/vscode: npm install --omit=dev --ignore-scripts"
  (cd "$CS_PKG/lib/vscode" && npm install --omit=dev --ignore-scripts)

  say "lib/vscode: use Debian's ripgrep"
  mkdir -p "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

  inner="$(packages_needing_build "$CS_PKG/lib/vscode/node_modules")"
  say "lib/vscode: build native modules with node-gyp (the slow part): $inner"
  # shellcheck disable=SC2086
  (cd "$CS_PKG/lib/vscode" && npm rebuild --unsafe-perm $inner)

  say "lib/vscode: links and the built-in extensions' shared dependencies"
  (
    cd "$CS_PKG/lib/vscode"
    ln -sfn node_modules node_modules.asar
    ln -sfn code-linux.sh bin/remote-cli/code-server
    ln -sfn browser-linux.sh bin/helpers/browser.sh
    cd extensions
    npm install --omit=dev --unsafe-perm >/dev/null
  )
  echo "$want_stamp" >"$STAMP"
fi

# A version check is a cheap smoke test of the install (with a throwaway config so ~/.config is untouched).
cs_version="$(node "$CS_PKG/out/node/entry.js" --config "$CACHE/version-check.yaml" --version 2>/dev/null | tail -1)"
[ -n "$cs_version" ] || die "code-server in $CS_PKG does not start; delete $CS_ROOT and run again"
say "code-server: $cs_version"

# ------------------------------------------------------------------------------------------- playwright-core
# The project's devDependency is used when present; otherwise install the same version into the cache.
if (cd "$REPO" && node -e 'require.resolve("playwright-core")' 2>/dev/null); then
  say "playwright-core $(cd "$REPO" && node -p 'require("playwright-core/package.json").version') from the project"
else
  pw_version="$(cd "$REPO" && node -p 'require("./package.json").devDependencies["playwright-core"] || "latest"')"
  if ! (cd "$CACHE/pw" 2>/dev/null && node -e 'require.resolve("playwright-core")' 2>/dev/null); then
    say "npm install playwright-core@$pw_version (into $CACHE/pw)"
    mkdir -p "$CACHE/pw"
    printf '{ "name": "sourcewise-e2e-playwright", "private": true }\n' >"$CACHE/pw/package.json"
    (cd "$CACHE/pw" && npm install --no-save "playwright-core@$pw_version")
  fi
  say "playwright-core from $CACHE/pw"
fi

ln -sfn "code-server-$CS_VERSION" "$CACHE/code-server"
say "browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
say "ready (cache: $CACHE)"
