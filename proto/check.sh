#!/usr/bin/env bash
# Contracts stay sound: buf lint passes, the generated TypeScript matches the .proto files, and no
# change breaks the wire format of what main already has (skipped when main is this commit).
set -euo pipefail
cd "$(dirname "$0")"
npx buf lint
npx buf generate
if ! git diff --quiet -- ../libs/contracts/src/gen || [ -n "$(git ls-files --others --exclude-standard ../libs/contracts/src/gen)" ]; then
  echo "proto: generated code is out of date; run 'npx buf generate' in proto/ and commit the result" >&2
  exit 1
fi
# On a branch, compare with main; on main itself, with the commit before.
base=$(git rev-parse --verify --quiet main || true)
if [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; then base=$(git rev-parse --verify --quiet HEAD~1 || true); fi
if [ -n "$base" ] && git cat-file -e "$base:proto/buf.yaml" 2>/dev/null; then
  npx buf breaking --against "../.git#ref=$base,subdir=proto"
else
  echo "proto: no earlier contracts to compare against"
fi
echo "proto: contracts are sound"
