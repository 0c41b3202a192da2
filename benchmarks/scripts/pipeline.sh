#!/usr/bin/env bash
# The full pipeline on a synthetic export, stage by stage, with peak memory:
#   benchmarks/scripts/pipeline.sh [MESSAGES] [extra write flags...]
# Prints the `write --timings` table (time, items and throughput per stage, orchestration overhead) and the peak RSS
# of the process from /usr/bin/time (Debian package `time`, installed if absent).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"; shift || true
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
"$here/egregora" --version >/dev/null   # builds the jar if needed
"$here/egregora" sample --messages "$n" --output "$work/chat.zip"
ls -l "$work/chat.zip" | awk '{printf "export: %.1f MB\n", $5/1e6}'
/usr/bin/time -f 'peak RSS: %M KB, wall: %e s' "$here/egregora" write "$work/chat.zip" --output "$work/site" \
  --timezone UTC --timings "$@"
