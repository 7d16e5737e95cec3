#!/usr/bin/env bash
# Times `dkm scan` on a synthetic workspace of N repositories (default 10000) against, in the same run:
#   floor    find the .git dirs and read every config file (what any scanner must at least do);
#   git loop `git -C REPO remote -v` per repository, timed on a sample and extrapolated to N.
# Generation is not timed. Each timing is the median of RUNS runs after one warm-up run (warm page cache).
# Usage: bench/scan-benchmark.sh [N]      env: RUNS (default 3), SAMPLE (default 500), KEEP=1 keeps the workspace
set -euo pipefail

N=${1:-10000}
RUNS=${RUNS:-3}
SAMPLE=${SAMPLE:-500}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
JAR="$PROJECT/target/dkm.jar"

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

echo "generating $N repositories in $ROOT …" >&2
python3 "$HERE/generate-workspace.py" "$ROOT" "$N"

now() { date +%s.%N; }
# median of RUNS timings (seconds) of the command given as arguments, after one untimed warm-up
time_median() {
    "$@" > /dev/null 2>&1
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(now); "$@" > /dev/null 2>&1; t1=$(now)
        times+=("$(echo "$t1 - $t0" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}

floor() { find "$ROOT" -name .git -prune -printf '%p/config\0' | xargs -0 cat > /dev/null; }
jvm_start() { java -jar "$JAR" --version; }
dkm_scan() { java -jar "$JAR" scan "$ROOT" --json; }
# What a launcher script for the CLI would pass: a short-lived process gains nothing from the C2 compiler,
# whose compile threads otherwise burn as much CPU as the scan itself on a small machine.
CLI_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
dkm_scan_c1() { java $CLI_JVM_FLAGS -jar "$JAR" scan "$ROOT" --json; }

find "$ROOT" -name .git -prune -printf '%h\n' | sort | awk -v n="$SAMPLE" -v total="$N" \
    'BEGIN {step = total / n; if (step < 1) step = 1} (NR - 1) % int(step) == 0 && c < n {print; c++}' > "$WORK/sample"
SAMPLED=$(wc -l < "$WORK/sample")
git_loop() { while IFS= read -r repo; do git -C "$repo" remote -v > /dev/null; done < "$WORK/sample"; }

FOUND=$(java -jar "$JAR" scan "$ROOT" | tail -1)
T_FLOOR=$(time_median floor)
T_JVM=$(time_median jvm_start)
T_DKM=$(time_median dkm_scan)
T_DKM_C1=$(time_median dkm_scan_c1)
T_SAMPLE=$(time_median git_loop)
T_GIT=$(echo "$T_SAMPLE * $N / $SAMPLED" | bc -l)

printf '\nworkspace: %d repositories (%s)\n' "$N" "$FOUND"
printf 'machine:   %s cores, %s, %s\n' "$(nproc)" "$(java -version 2>&1 | head -1)" "$(git --version)"
printf '%-58s %8.3f s\n' "floor: find .git + cat every config" "$T_FLOOR"
printf '%-58s %8.3f s\n' "JVM start alone (dkm --version)" "$T_JVM"
printf '%-58s %8.3f s\n' "dkm scan --json (JVM start included)" "$T_DKM"
printf '%-58s %8.3f s\n' "dkm scan minus JVM start" "$(echo "$T_DKM - $T_JVM" | bc -l)"
printf '%-58s %8.3f s\n' "dkm scan --json with $CLI_JVM_FLAGS" "$T_DKM_C1"
printf '%-58s %8.3f s\n' "git -C REPO remote -v, $SAMPLED repos" "$T_SAMPLE"
printf '%-58s %8.3f s\n' "git -C REPO remote -v, extrapolated to $N repos" "$T_GIT"
printf 'ratio dkm / floor:     %6.2f x   (target <= 1.5)\n' "$(echo "$T_DKM / $T_FLOOR" | bc -l)"
printf 'ratio git loop / dkm:  %6.1f x   (target >= 20)\n' "$(echo "$T_GIT / $T_DKM" | bc -l)"
printf 'with launcher flags:   dkm / floor %.2f x, git loop / dkm %.1f x\n' \
    "$(echo "$T_DKM_C1 / $T_FLOOR" | bc -l)" "$(echo "$T_GIT / $T_DKM_C1" | bc -l)"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
