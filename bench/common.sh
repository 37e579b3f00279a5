# Sourced by the bench scripts: finds the repository, builds what the benchmarks need (unless
# --no-build), and snapshots the agent jar. Other builds may rewrite agent/target/ while a benchmark
# runs (a forked JVM then dies with NoClassDefFoundError), so the runs use a private copy.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
JAVA="${JAVA:-java}"

build_if_asked() {
  if [[ " $* " != *" --no-build "* ]]; then
    echo "building runtime, agent and bench (skip with --no-build) ..." >&2
    (cd "$REPO" && mvn -B -q -DskipTests package -pl runtime,agent,bench)
  fi
  if [[ ! -f "$BENCH/target/benchmarks.jar" ]]; then
    echo "bench/target/benchmarks.jar is missing: run without --no-build" >&2
    exit 2
  fi
}

snapshot_agent() {
  local src="${REFSHADOW_AGENT:-$REPO/agent/target/refshadow-agent.jar}"
  mkdir -p "$BENCH/target/agents"
  cp "$src" "$BENCH/target/agents/refshadow-agent.jar"
  unzip -tq "$BENCH/target/agents/refshadow-agent.jar" >/dev/null \
    || { echo "the agent jar $src is incomplete (rebuilt meanwhile?): try again" >&2; exit 2; }
  AGENT="$BENCH/target/agents/refshadow-agent.jar"
}

# The arguments without the scripts' own --no-build.
strip_no_build() {
  ARGS=()
  for a in "$@"; do [[ "$a" == "--no-build" ]] || ARGS+=("$a"); done
}
