#!/usr/bin/env bash
# Compiles abi/contracts/*.sol offline with the project-local solcjs (tools/chain) and writes
# abi/TestCollateral.json, abi/ConditionalTokens.json, abi/CTFExchange.json, abi/TestNegRiskAdapter.json and
# abi/TestCollateralAdapter.json ({"abi","bytecode"}).
# The output is reproducible: compiler version (tools/chain/package-lock.json) and settings
# (abi/compile.cjs) are pinned, so a fresh compile must equal the checked-in artifacts.
#
#   abi/build.sh              rewrite the checked-in artifacts
#   abi/build.sh --out DIR    write the artifacts to DIR instead (used by the artifact test)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here"
if [[ "${1:-}" == "--out" ]]; then
  [[ -n "${2:-}" ]] || { echo "abi/build.sh: --out needs a directory" >&2; exit 2; }
  out="$2"
elif [[ -n "${1:-}" ]]; then
  echo "usage: abi/build.sh [--out DIR]" >&2
  exit 2
fi

solc_dir="$root/tools/chain/node_modules/solc"
if [[ ! -f "$solc_dir/package.json" ]]; then
  "$root/tools/chain/install.sh"
fi

exec node "$here/compile.cjs" "$solc_dir" "$here/contracts" "$out"
