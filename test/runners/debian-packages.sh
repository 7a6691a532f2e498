#!/usr/bin/env bash
# Installs the Debian packages that some tests drive (chromium for code-server, neovim for
# the second LSP client, libkrb5-dev for a native module of code-server) when they are
# missing, so that `npm test` on a fresh machine needs nothing run by hand. apt-get needs
# root: as root it runs directly, else through sudo when sudo asks no password; where
# neither works, or there is no apt-get, it says what to install and fails.
# Usage: test/runners/debian-packages.sh PACKAGE...
set -euo pipefail

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

install="apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null; then
  echo "[install] the tests need ${missing[*]}, and this machine has no apt-get: install them with its package manager (on Debian: $install)" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "[install] the tests need the Debian packages ${missing[*]}, which only root can install: run 'sudo apt-get update && sudo $install', then the tests again" >&2
  exit 1
fi

echo "[install] installing the Debian packages ${missing[*]} (apt-get update, then $install)" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[install] installed ${missing[*]}" >&2
