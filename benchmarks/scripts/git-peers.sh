#!/usr/bin/env bash
# Side-by-side timings for the git-history loader (docs/git-history.md):
#   1. full load of a deterministic 10k-commit sample repository: our JGit loader (binary detection on and off)
#      against `git log --all --name-status --no-renames --diff-merges=first-parent -z` alone and parsed into the
#      same tables, alternated round by round in one JVM (medians, first round excluded as warm-up);
#   2. the N+1 pattern: one `git log -1 -- PATH` spawn per path for PATHS paths, against one RevisionDates call;
#   3. the same load comparison on this project's own repository.
# Usage: benchmarks/scripts/git-peers.sh            (env: COMMITS=10000 ROUNDS=7 PATHS=1000 REPO=existing/repo)
# Needs: mvn -o -q -pl git-history install -DskipTests && mvn -o -q -pl benchmarks package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
COMMITS=${COMMITS:-10000}
ROUNDS=${ROUNDS:-7}
PATHS=${PATHS:-1000}
if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: mvn -o -q -pl git-history install -DskipTests && mvn -o -q -pl benchmarks package -DskipTests" >&2
  exit 1
fi
run() { java -cp "$JAR" dev.egregora.benchmarks.git.GitPeers "$@" 2> >(grep -v '^SLF4J' >&2); }

REPO=${REPO:-$(run generate "$COMMITS" | tail -1)}
echo "== sample repository $REPO: $(git -C "$REPO" rev-list --all --count) commits," \
     "$(git -C "$REPO" ls-tree -r --name-only HEAD | wc -l) files at HEAD, git $(git --version | cut -d' ' -f3), $(nproc) cores"
echo "== full load, side by side ($ROUNDS rounds)"
run load "$REPO" "$ROUNDS"
echo "== N+1: git log -1 per path vs one bulk RevisionDates call"
run nplus1 "$REPO" "$PATHS"
SELF=$(git rev-parse --show-toplevel)
echo "== this project's repository $SELF: $(git -C "$SELF" rev-list --all --count) commits"
run load "$SELF" "$ROUNDS"
