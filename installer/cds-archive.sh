#!/usr/bin/env bash
# The training runs behind the launchers' class-data-sharing archives, called by the installer build (pom.xml,
# profile installer, execution installer-cds-train) after jpackage made the app-image, before the packages are
# made of it:
#
#   installer/cds-archive.sh APP_IMAGE_DIR
#
# Each launcher runs once (bin/LAUNCHER with DKM_CDS=list: installer/linux/launcher.sh, the one reader of its .cfg,
# then adds -XX:DumpLoadedClassList) and writes the classes it loaded to lib/app/LAUNCHER.classlist;
# installer/linux/cds-dump.sh (copied to lib/cds-dump.sh) turns each list into the archive lib/app/LAUNCHER.jsa
# where the app lives (the build runs it for the app-image, the packages' postinst / %post for /opt/…).
#
#   dkm (CLI): dkm scan --json over a small workspace of git repositories (what dkm --version loads is in it).
#   deploy-key-manager (window): --snapshot of that workspace, under xvfb-run when there is one (else skipped,
#   loudly: the window then starts without an archive).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=${1:?usage: installer/cds-archive.sh APP_IMAGE_DIR}
image=$(cd "$image" && pwd)
app="$image/lib/app"
java="$image/lib/runtime/bin/java"
[ -x "$java" ] || { echo "cds-archive: no runtime in $image" >&2; exit 1; }
install -m 0755 "$here/linux/cds-dump.sh" "$image/lib/cds-dump.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/dkm-cds.XXXXXX")
trap 'rm -rf "$work"' EXIT
home="$work/home"
mkdir -p "$home"
# Nothing of the builder's home is read or written.
run_env=(env -i "PATH=/usr/bin:/bin" "HOME=$home" "LANG=C.UTF-8" "XDG_CONFIG_HOME=$home/.config"
  "XDG_DATA_HOME=$home/.local/share" "XDG_CACHE_HOME=$home/.cache" "DKM_CONFIG_DIR=$home/.config/dkm"
  "DKM_DATA_DIR=$home/.local/share/dkm" "GIT_CONFIG_NOSYSTEM=1" "GIT_CONFIG_GLOBAL=$home/.gitconfig"
  "DBUS_SESSION_BUS_ADDRESS=disabled:")

# A workspace with each kind of remote the scan describes.
ws="$work/workspace"
for repo in group/token group/ssh group/wired plain; do
  git -c init.defaultBranch=main init -q "$ws/$repo"
done
git -C "$ws/group/token" remote add origin "https://oauth2:glpat-TrainingOnly0000000@gitlab.example.com/group/token.git"
git -C "$ws/group/ssh" remote add origin "git@gitlab.example.com:group/ssh.git"
git -C "$ws/group/wired" remote add origin "ssh://git@gitlab.example.com:2222/group/wired.git"
git -C "$ws/group/wired" config core.sshCommand "ssh -i ~/.ssh/dkm/wired -o IdentitiesOnly=yes"
git init -q --bare "$ws/bare.git"

train() { # LAUNCHER [WRAPPER…] -- ARGS…: one run of the launcher's JVM, writing its class list
  local launcher=$1; shift
  local wrapper=()
  while [ "$1" != -- ]; do wrapper+=("$1"); shift; done
  shift
  rm -f "$app/$launcher.classlist"
  "${run_env[@]}" DKM_CDS=list "${wrapper[@]}" "$image/bin/$launcher" "$@" >"$work/train.out" 2>&1 \
    || { cat "$work/train.out" >&2; echo "cds-archive: the training run of $launcher failed" >&2; exit 1; }
  [ -s "$app/$launcher.classlist" ] || { echo "cds-archive: no class list written for $launcher" >&2; exit 1; }
  echo "cds-archive: $app/$launcher.classlist ($(wc -l < "$app/$launcher.classlist") classes)"
}

train dkm -- scan --json "$ws"
if command -v xvfb-run >/dev/null; then
  train deploy-key-manager timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" -- --snapshot "$work/window.png" --workspace "$ws"
else
  echo "cds-archive: SKIPPED the window's class list: no xvfb-run to open the window on (Debian: xvfb, xauth)" >&2
fi
