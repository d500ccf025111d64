#!/usr/bin/env bash
# Runs a command (`npm start`, `npm test`) on the project's Node.js, whichever node started it:
# sets the machine up first, then replaces itself with the command, with that Node first on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/node.sh
bash deploy/local/ensure-setup.sh
exec "$@"
