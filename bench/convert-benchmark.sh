#!/usr/bin/env bash
# Times `dkm convert` on N repositories with personal access tokens in their HTTPS remotes against the sandbox
# GitLab answering every API request after LATENCY ms, and prints the ratios to floors measured in the same run
# (see src/test/java/dev/dkm/bench/ConvertBenchmark.java): the API floor (calls × latency ÷ jobs), the full floor
# (plus the verify step's git calls alone) and a sequential python-gitlab script registering the same keys.
# Usage: bench/convert-benchmark.sh [N]   env: LATENCY (ms, default 20), JOBS (default 8), SHARED=1 (--shared-key),
#                                         KEEP=1 keeps the work dir
set -euo pipefail

N=${1:-1000}
LATENCY=${LATENCY:-20}
JOBS=${JOBS:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$HERE")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dkm-convert-bench.XXXXXX")
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT

# Debian's python3-gitlab lives in the system python, which another python3 on PATH (pyenv) may shadow.
PYTHON=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import gitlab' 2>/dev/null; then PYTHON=$p; break; fi
done
[ -n "$PYTHON" ] || { echo "needs python-gitlab: apt-get install python3-gitlab" >&2; exit 2; }
export PYTHON
cd "$PROJECT"
if [ ! -f target/dkm.jar ] || [ ! -d target/test-classes/dev/dkm/bench ]; then
    echo "building target/dkm.jar and the test classes …" >&2
    ./mvnw -q -B -DskipTests package
fi
CP="target/test-classes:target/dkm.jar"
echo "converting $N repositories (latency $LATENCY ms, $JOBS jobs) in $WORK …" >&2
# The JVM's own home is the work dir, so nothing of the real ~ is read or written.
java -Duser.home="$WORK/home" -cp "$CP" dev.dkm.bench.ConvertBenchmark "$N" "$LATENCY" "$JOBS" "$WORK" \
    "$PROJECT/target/dkm.jar" "$HERE/python_gitlab_register.py" "$([ "${SHARED:-0}" = 1 ] && echo shared || echo per-repo)"
