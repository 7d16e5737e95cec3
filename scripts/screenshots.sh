#!/usr/bin/env bash
# Regenerates the window screenshots in docs/screenshots/ from the real jar under Xvfb:
#   ./mvnw -q -B -DskipTests package && scripts/screenshots.sh
# main-window(-dark).png: the demo (sandbox GitLab + its workspace), storefront selected;
# empty-state.png: a first run with no GitLab configured, which offers the demo.
# The dialogs' screenshots and the every-status renders come from the TestFX tests (target/screenshots/).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=/tmp/dkm-screenshots          # owned by this script: wiped and recreated
rm -rf "$scratch"
# never the user's settings, tokens, keys or known_hosts
export DKM_CONFIG_DIR="$scratch/config" DKM_DATA_DIR="$scratch/data" DKM_SSH_DIR="$scratch/ssh"
unset GITLAB_TOKEN GITLAB_HOST
out=docs/screenshots
mkdir -p "$out"
snap() { xvfb-run -a -s "-screen 0 1400x900x24" java -Duser.home="$scratch/home" -jar target/dkm.jar gui "$@"; }
snap --snapshot "$out/main-window.png" --demo --select storefront
snap --snapshot "$out/main-window-dark.png" --demo --select storefront --theme dark
snap --snapshot "$out/empty-state.png"
if [ -f target/screenshots/sample-light.png ]; then
  cp target/screenshots/sample-light.png "$out/every-status-light.png"
  cp target/screenshots/sample-dark.png "$out/every-status-dark.png"
fi
rm -rf "$scratch"
