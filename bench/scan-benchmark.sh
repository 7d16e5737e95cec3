#!/usr/bin/env bash
# Times `dkm scan ROOT --json` on a synthetic workspace of N repositories (default 10000) against, in the same run:
#   floor    find the .git dirs and read every config file (what any scanner must at least do);
#   git loop `git -C REPO remote -v` per repository, timed on a sample and extrapolated to N.
# dkm runs as `java -jar target/dkm.jar`, with the installed launcher's JVM flags on that jar, and as the
# installed launcher itself (the app-image's bin/dkm with its class-data archive) when
# target/installer/deploy-key-manager exists (./mvnw -Pinstaller -DskipTests package builds it).
# Generation is not timed. Each figure is the median of RUNS runs after one warm-up run (warm page cache),
# as wall-clock and as CPU time, with the peak resident memory of the dkm runs.
# Usage: bench/scan-benchmark.sh [N]      env: RUNS (default 3), SAMPLE (default 500), KEEP=1 keeps the workspace
set -euo pipefail

N=${1:-10000}
RUNS=${RUNS:-3}
SAMPLE=${SAMPLE:-500}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
JAR="$PROJECT/target/dkm.jar"
LAUNCHER="$PROJECT/target/installer/deploy-key-manager/bin/dkm"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dkm-bench.XXXXXX")
ROOT="$WORK/workspace"
# Nothing here reads the real home: git, Java and the scanner all see a throwaway one.
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig"
unset XDG_CONFIG_HOME
mkdir -p "$HOME" "$ROOT"
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
    echo "building $JAR …" >&2
    (cd "$PROJECT" && ./mvnw -q -B package -DskipTests)
fi

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
echo "generating $N repositories in $ROOT …" >&2
python3 "$HERE/generate-workspace.py" "$ROOT" "$N"

# Every measurement: median wall-clock seconds and median CPU seconds (user + sys, children included) of
# RUNS runs after one untimed warm-up. CPU time is reported because wall-clock time on a shared machine
# mostly measures the other processes.
measure() {
    bash -c "$1" > /dev/null 2>&1
    local walls=() cpus=() rss=()
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" bash -c "$1" > /dev/null 2>&1
        read -r wall user sys kb < <(tail -1 "$WORK/time")
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc -l)")
        rss+=("$kb")
    done
    printf '%s %s %s\n' "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${rss[@]}")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'; }

# What a launcher script for the CLI would pass: a short-lived process gains nothing from the C2 compiler,
# whose compile threads otherwise burn more CPU than the scan itself on a small machine.
CLI_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn24m"
FLOOR="find '$ROOT' -name .git -prune -printf '%p/config\0' | xargs -0 cat"
JVM_START="java -jar '$JAR' --version"
DKM="java -jar '$JAR' scan '$ROOT' --json"
DKM_C1="java $CLI_JVM_FLAGS -jar '$JAR' scan '$ROOT' --json"

find "$ROOT" -name .git -prune -printf '%h\n' | sort | awk -v n="$SAMPLE" -v total="$N" \
    'BEGIN {step = total / n; if (step < 1) step = 1} (NR - 1) % int(step) == 0 && c < n {print; c++}' > "$WORK/sample"
SAMPLED=$(wc -l < "$WORK/sample")
GIT_LOOP="while IFS= read -r repo; do git -C \"\$repo\" remote -v > /dev/null; done < '$WORK/sample'"

DKM_LAUNCHER="'$LAUNCHER' scan '$ROOT' --json"
FOUND=$(java -jar "$JAR" scan "$ROOT" | tail -1)
read -r W_FLOOR C_FLOOR _ < <(measure "$FLOOR")
read -r W_JVM C_JVM M_JVM < <(measure "$JVM_START")
read -r W_DKM C_DKM M_DKM < <(measure "$DKM")
read -r W_DKM_C1 C_DKM_C1 M_DKM_C1 < <(measure "$DKM_C1")
if [ -x "$LAUNCHER" ]; then
    read -r W_DKM_L C_DKM_L M_DKM_L < <(measure "$DKM_LAUNCHER")
fi
read -r W_SAMPLE C_SAMPLE _ < <(measure "$GIT_LOOP")
W_GIT=$(echo "$W_SAMPLE * $N / $SAMPLED" | bc -l)
C_GIT=$(echo "$C_SAMPLE * $N / $SAMPLED" | bc -l)

row() { printf '%-60s %8.3f s wall %8.3f s cpu%s\n' "$1" "$2" "$3" "${4:+   peak $(echo "$4 / 1024" | bc) MB}"; }
ratio() { echo "$1 / $2" | bc -l; }
printf '\nworkspace: %d repositories (%s)\n' "$N" "$FOUND"
printf 'machine:   %s cores, load average %s before the runs; %s; %s\n' "$(nproc)" "$LOAD_BEFORE" \
    "$(java -version 2>&1 | head -1)" "$(git --version)"
row "floor: find .git -prune + cat every config" "$W_FLOOR" "$C_FLOOR"
row "JVM start alone (java -jar dkm.jar --version)" "$W_JVM" "$C_JVM" "$M_JVM"
row "dkm scan --json (java -jar, JVM start included)" "$W_DKM" "$C_DKM" "$M_DKM"
row "dkm scan --json, java $CLI_JVM_FLAGS -jar" "$W_DKM_C1" "$C_DKM_C1" "$M_DKM_C1"
if [ -x "$LAUNCHER" ]; then
    row "dkm scan --json, installed launcher (app-image bin/dkm)" "$W_DKM_L" "$C_DKM_L" "$M_DKM_L"
else
    echo "installed launcher: not measured (no $LAUNCHER: ./mvnw -Pinstaller -DskipTests package)"
fi
row "git -C REPO remote -v, $SAMPLED repos (measured)" "$W_SAMPLE" "$C_SAMPLE"
row "git -C REPO remote -v, extrapolated to $N repos" "$W_GIT" "$C_GIT"
printf '%-44s %8s %8s\n' "ratios" "wall" "cpu"
if [ -x "$LAUNCHER" ]; then
    printf '%-44s %7.2fx %7.2fx   (target <= 1.5)\n' "installed launcher / floor" "$(ratio "$W_DKM_L" "$W_FLOOR")" "$(ratio "$C_DKM_L" "$C_FLOOR")"
fi
printf '%-44s %7.2fx %7.2fx   (target <= 2.5)\n' "java -jar / floor" "$(ratio "$W_DKM" "$W_FLOOR")" "$(ratio "$C_DKM" "$C_FLOOR")"
printf '%-44s %7.2fx %7.2fx\n' "java with the launcher's flags -jar / floor" "$(ratio "$W_DKM_C1" "$W_FLOOR")" "$(ratio "$C_DKM_C1" "$C_FLOOR")"
if [ -x "$LAUNCHER" ]; then
    printf '%-44s %7.1fx %7.1fx   (target >= 20)\n' "git loop / installed launcher" "$(ratio "$W_GIT" "$W_DKM_L")" "$(ratio "$C_GIT" "$C_DKM_L")"
fi
printf '%-44s %7.1fx %7.1fx\n' "git loop / java -jar" "$(ratio "$W_GIT" "$W_DKM")" "$(ratio "$C_GIT" "$C_DKM")"
# Where the time goes: one more run of each, untimed, with dkm's phase probe on (ScanPhases: wall clock before the
# scan, walking and reading, writing; CPU per kind of thread from /proc/self/task).
phases() { JAVA_TOOL_OPTIONS=-Ddkm.bench.scanPhases=true bash -c "$1" 2>&1 >/dev/null | sed -n 's/^dkm scan phases: //p'; }
echo "where the time goes (one more run of each with -Ddkm.bench.scanPhases=true):"
printf '  %-22s %s\n' "java -jar" "$(phases "$DKM")"
printf '  %-22s %s\n' "java + launcher flags" "$(phases "$DKM_C1")"
if [ -x "$LAUNCHER" ]; then
    printf '  %-22s %s\n' "installed launcher" "$(phases "$DKM_LAUNCHER")"
fi
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
