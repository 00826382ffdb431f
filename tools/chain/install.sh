#!/usr/bin/env bash
# Installs the project-local chain tools (anvil and solcjs, pinned in package-lock.json) into
# tools/chain/node_modules. Idempotent and quiet when nothing is to do: it skips npm entirely when
# the installed tree was made from the current package-lock.json and the anvil binary is present.
#
# Usage: tools/chain/install.sh            (from any directory; exits 0 when the tools are ready)
# Prints the anvil binary path on stdout as its last line, so callers can capture it.
# Needs node and npm on PATH and the npm registry (only when something must be installed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
modules="$here/node_modules"
stamp="$modules/.velocity-install-stamp"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)          platform=linux-amd64;  exe=anvil ;;
  Linux-aarch64|Linux-arm64) platform=linux-arm64; exe=anvil ;;
  Darwin-x86_64)         platform=darwin-amd64; exe=anvil ;;
  Darwin-arm64)          platform=darwin-arm64; exe=anvil ;;
  MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) platform=win32-amd64; exe=anvil.exe ;;
  *) echo "tools/chain/install.sh: no anvil build for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
anvil="$modules/@foundry-rs/anvil-$platform/bin/$exe"

lock_digest() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$here/package-lock.json" | cut -d' ' -f1
  else
    shasum -a 256 "$here/package-lock.json" | cut -d' ' -f1
  fi
}

is_installed() {
  [[ -x "$anvil" && -f "$modules/solc/package.json" && -f "$stamp" && "$(cat "$stamp")" == "$(lock_digest)" ]]
}

install() {
  command -v npm >/dev/null 2>&1 || { echo "tools/chain/install.sh: npm is not on PATH (install Node.js 18+)" >&2; exit 1; }
  echo "Installing chain tools (anvil, solcjs) into $modules" >&2
  # --ignore-scripts: the anvil binary arrives as the platform's optional dependency; its postinstall
  # would only try a network download as a fallback, which must never happen silently.
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  [[ -x "$anvil" ]] || { echo "tools/chain/install.sh: npm finished but $anvil is missing" >&2; exit 1; }
  lock_digest > "$stamp"
}

if ! is_installed; then
  # Serialise concurrent installs (launcher and a test run at once) when flock is available.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$here/.install.lock"
    flock 9
    is_installed || install
  else
    install
  fi
fi

echo "$anvil"
