# Sourced from the repository root: puts the Node.js this project runs on (.node-version) first on
# PATH, so npm, nx, jest and every process they start use it. It is installed once into .tools/
# from the npm registry, which serves the official builds as the package node-<os>-<cpu>.
node_version="$(cat .node-version)"
node_dir="$PWD/.tools/node-v$node_version"
if [ "$("$node_dir/bin/node" --version 2>/dev/null)" != "v$node_version" ]; then
  case "$(uname -m)" in
    x86_64) node_cpu=x64 ;;
    aarch64 | arm64) node_cpu=arm64 ;;
    *) node_cpu="$(uname -m)" ;;
  esac
  node_package="node-$(uname -s | tr '[:upper:]' '[:lower:]')-$node_cpu@$node_version"
  echo "setup: installing Node.js $node_version ($node_package)"
  node_download="$(mktemp -d)"
  (cd "$node_download" && npm pack --silent "$node_package" >/dev/null)
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  tar -xzf "$node_download"/*.tgz -C "$node_dir" --strip-components=1 package/bin
  rm -rf "$node_download"
  if [ "$("$node_dir/bin/node" --version 2>/dev/null)" != "v$node_version" ]; then
    echo "setup: $node_package did not give a working node $node_version" >&2
    exit 1
  fi
fi
if [ "$(command -v node)" != "$node_dir/bin/node" ]; then export PATH="$node_dir/bin:$PATH"; fi
