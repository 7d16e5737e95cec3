#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the real jar under Xvfb, on a fresh sample workspace:
#   ./mvnw -q -B -DskipTests package && scripts/screenshots.sh
# The every-status renders come from MainWindowLookTest (fixture data, Monocle) in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=/tmp/dkm-screenshots          # owned by this script: wiped and recreated
rm -rf "$scratch"
ws="$scratch/work"
scripts/make-sample-workspace.sh "$ws" >/dev/null
export DKM_CONFIG_DIR="$scratch/config"   # never the user's remembered roots
out=docs/screenshots
mkdir -p "$out"
snap() { xvfb-run -a -s "-screen 0 1400x900x24" java -Djavafx.cachedir="$DKM_CONFIG_DIR/.openjfx" -jar target/dkm.jar gui "$@"; }
snap --snapshot "$out/main-window.png" --workspace "$ws" --select clients/acme
snap --snapshot "$out/main-window-dark.png" --workspace "$ws" --select clients/acme --theme dark
snap --snapshot "$out/empty-state.png"
if [ -f target/screenshots/sample-light.png ]; then
  cp target/screenshots/sample-light.png "$out/every-status-light.png"
  cp target/screenshots/sample-dark.png "$out/every-status-dark.png"
fi
rm -rf "$scratch"
