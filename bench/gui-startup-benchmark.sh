#!/usr/bin/env bash
# Time from process start to the first frame of the main window on the demo (`--demo`), next to a bare JavaFX
# window (one label, same size, src/test/java/dev/dkm/ui/BareWindowMain.java) started the same way in the same
# run, under one Xvfb server. "First frame": the first pulse that lays out the shown window (dev.dkm.ui.
# FirstFrameProbe, switched on by -Ddkm.bench.firstFrame=exit, prints the wall clock then and quits); the start
# is the wall clock just before exec. Each figure is the median of RUNS runs after one warm-up run, each run
# with a fresh, empty home (so the demo is set up as on a first run), with peak RSS and the process's CPU time (all
# its threads until the probe quits: steadier than the wall clock on a busy machine).
#
#   java -jar target/dkm.jar --demo           vs  java -cp target/dkm.jar:target/test-classes BareWindowMain
#   the app-image's bin/deploy-key-manager    vs  its runtime's java, same java-options, BareWindowMain
#   (the second pair only when target/installer/deploy-key-manager exists: ./mvnw -Pinstaller package)
#
# Usage: bench/gui-startup-benchmark.sh            env: RUNS (default 5), KEEP=1 keeps the work dir
# Needs xvfb-run (Debian xvfb, xauth) and target/dkm.jar + target/test-classes (./mvnw -DskipTests package).
set -euo pipefail
RUNS=${RUNS:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
JAR="$PROJECT/target/dkm.jar"
IMAGE="$PROJECT/target/installer/deploy-key-manager"
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 2; }
if [ ! -f "$JAR" ] || [ ! -f "$PROJECT/target/test-classes/dev/dkm/ui/BareWindowMain.class" ]; then
    echo "building target/dkm.jar and the test classes …" >&2
    (cd "$PROJECT" && ./mvnw -q -B -DskipTests package)
fi
# The script runs itself again inside one X server, which every run shares.
if [ -z "${DKM_BENCH_WORK:-}" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/dkm-gui-bench.XXXXXX")
    cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
    trap cleanup EXIT
    DKM_BENCH_WORK="$WORK" xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
    exit
fi
WORK=$DKM_BENCH_WORK

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# One run: a fresh home, the command with the probe switched on; prints "milliseconds peak-RSS-kB".
run_once() {
    local home="$WORK/home.$RANDOM$RANDOM"
    mkdir -p "$home"
    local start
    start=$(date +%s%3N)
    env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
        DKM_CONFIG_DIR="$home/.config/dkm" DKM_DATA_DIR="$home/.local/share/dkm" GIT_CONFIG_NOSYSTEM=1 \
        GIT_CONFIG_GLOBAL="$home/.gitconfig" DBUS_SESSION_BUS_ADDRESS=disabled: \
        JAVA_TOOL_OPTIONS="-Ddkm.bench.firstFrame=exit -Duser.home=$home -Djavafx.cachedir=$home/.openjfx" \
        /usr/bin/time -f 'peak-rss-kb %M
cpu-s %U %S' -o "$WORK/rss" "$@" > "$WORK/out" 2> "$WORK/err" || true
    local frame
    frame=$(sed -n 's/^first-frame-epoch-ms //p' "$WORK/err" | head -1)
    if [ -z "$frame" ]; then
        echo "no first frame reported by: $*" >&2
        cat "$WORK/err" >&2
        exit 1
    fi
    rm -rf "$home"
    echo "$((frame - start)) $(sed -n 's/^peak-rss-kb //p' "$WORK/rss") $(awk '/^cpu-s/ {printf "%d", ($2 + $3) * 1000}' "$WORK/rss")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs each command of a pair alternately (RUNS times after a warm-up of each) and prints their medians.
measure_pair() {
    local name=$1 app=$2 bare=$3
    local app_ms=() app_kb=() app_cpu=() bare_ms=() bare_kb=() bare_cpu=()
    eval "run_once $app" > /dev/null
    eval "run_once $bare" > /dev/null
    for _ in $(seq "$RUNS"); do
        read -r ms kb cpu < <(eval "run_once $app"); app_ms+=("$ms"); app_kb+=("$kb"); app_cpu+=("$cpu")
        read -r ms kb cpu < <(eval "run_once $bare"); bare_ms+=("$ms"); bare_kb+=("$kb"); bare_cpu+=("$cpu")
    done
    local a b ac bc
    a=$(median "${app_ms[@]}"); b=$(median "${bare_ms[@]}")
    ac=$(median "${app_cpu[@]}"); bc=$(median "${bare_cpu[@]}")
    printf '%-34s %6d ms  CPU %5d ms  peak %4d MB   (runs: %s)\n' "$name: dkm --demo" "$a" "$ac" "$(( $(median "${app_kb[@]}") / 1024 ))" "${app_ms[*]}"
    printf '%-34s %6d ms  CPU %5d ms  peak %4d MB   (runs: %s)\n' "$name: bare JavaFX window" "$b" "$bc" "$(( $(median "${bare_kb[@]}") / 1024 ))" "${bare_ms[*]}"
    # The process's CPU time (all its threads, until the probe quits) is steadier than the wall clock on a busy machine.
    printf '%-34s %6.2fx   (target <= 1.5); CPU time %.2fx\n' "$name: ratio" "$(echo "$a / $b" | bc -l)" "$(echo "$ac / $bc" | bc -l)"
}

printf 'machine: %s cores, load average %s before the runs; %s\n' "$(nproc)" "$LOAD_BEFORE" "$(java -version 2>&1 | head -1)"
CP="$JAR:$PROJECT/target/test-classes"
measure_pair "java -jar" "java -jar '$JAR' --demo" "java -cp '$CP' dev.dkm.ui.BareWindowMain"
if [ -x "$IMAGE/bin/deploy-key-manager" ]; then
    # The bare window gets the launcher's own java-options (not the app's class-data archive, which holds the
    # app's classes) from its .cfg, and the app's classpath.
    OPTS=$(sed -n 's/^java-options=//p' "$IMAGE/lib/app/deploy-key-manager.cfg" | grep -v 'SharedArchiveFile' \
        | sed "s|\$APPDIR|$IMAGE/lib/app|g" | tr '\n' ' ')
    measure_pair "installed launcher" "'$IMAGE/bin/deploy-key-manager' --demo" \
        "'$IMAGE/lib/runtime/bin/java' $OPTS -cp '$IMAGE/lib/app/*:$PROJECT/target/test-classes' dev.dkm.ui.BareWindowMain"
else
    echo "installed launcher: not measured (no $IMAGE; ./mvnw -Pinstaller -DskipTests package builds it)"
fi
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
