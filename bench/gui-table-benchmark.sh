#!/usr/bin/env bash
# The main window's table with N repositories (default 10000, bench/generate-workspace.py), under Xvfb: the real
# window scans them, then src/test/java/dev/dkm/ui/TableBenchmarkMain.java measures typing into the filter field
# and sorting by each column (each until the table is laid out again; targets <= 50 ms), the heap live after
# the scan (after a full GC; target <= 200 MB) and the frame intervals while the table scrolls top to bottom,
# three rows a frame ("stalls": frames over two 60 Hz frames). Not a test.
#
# Usage: bench/gui-table-benchmark.sh [N]      env: KEEP=1 keeps the workspace
# Needs xvfb-run (Debian xvfb, xauth) and target/dkm.jar + target/test-classes (./mvnw -DskipTests package).
set -euo pipefail
N=${1:-10000}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
JAR="$PROJECT/target/dkm.jar"
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f "$PROJECT/target/test-classes/dev/dkm/ui/TableBenchmarkMain.class" ]; then
    echo "building target/dkm.jar and the test classes …" >&2
    (cd "$PROJECT" && ./mvnw -q -B -DskipTests package)
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dkm-table-bench.XXXXXX")
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT
mkdir -p "$WORK/home"
echo "generating $N repositories in $WORK/workspace …" >&2
python3 "$HERE/generate-workspace.py" "$WORK/workspace" "$N"
printf 'machine: %s cores, load average %s before the run; %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(java -version 2>&1 | head -1)"
# The window's JVM as `java -jar dkm.jar` starts it (no -Xmx: the heap figure is what the scan leaves live).
env HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig" DBUS_SESSION_BUS_ADDRESS=disabled: \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    java -Duser.home="$WORK/home" -Djavafx.cachedir="$WORK/home/.openjfx" \
    -cp "$PROJECT/target/test-classes:$JAR" dev.dkm.ui.TableBenchmarkMain "$WORK/workspace"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
