#!/usr/bin/env bash
# Cold CLI `ingest` of a synthetic export into a fresh site, JVM variants side by side (alternating, RUNS rounds):
#   benchmarks/scripts/etl-ingest.sh [MESSAGES=1000000] [RUNS=3]
# Runs the launcher (./egregora: its class-data archive included) with -Xmx512m plus each variant's JVM flags
# (VARIANTS, default "g1= serial=-XX:+UseSerialGC parallel=-XX:+UseParallelGC"), one fresh site per run. Prints per run
# user+sys CPU, wall, peak RSS, the load average and the ingest's own phase times (wall and process CPU), then the
# median CPU, wall and RSS per variant. The sample has 5 attachments per 1000 messages (~5,000 media files at 1M).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"; runs="${2:-3}"
variants="${VARIANTS:-g1= serial=-XX:+UseSerialGC parallel=-XX:+UseParallelGC}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
"$here/egregora" --version >/dev/null   # builds the jar and its class-data archive if needed
"$here/egregora" sample --messages "$n" --output "$work/chat.zip"
ls -l "$work/chat.zip" | awk '{printf "export: %.1f MB zipped\n", $5/1e6}'
for r in $(seq "$runs"); do
  for v in $variants; do
    name="${v%%=*}"; flags="${v#*=}"
    rm -rf "$work/site"
    EGREGORA_JAVA_OPTS="-Xmx512m $flags -Dorg.slf4j.simpleLogger.log.dev.egregora.etl=debug" \
      /usr/bin/time -o "$work/time" -f '%U %S %e %M' "$here/egregora" ingest "$work/chat.zip" --site "$work/site" \
      --timezone UTC >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r user sys wall rss < "$work/time"
    phases="$(sed -n 's/.*ingest wall ms: //p' "$work/err")"
    cpu="$(echo "$user $sys" | awk '{printf "%.2f", $1 + $2}')"
    echo "$name $cpu $wall $rss" >> "$work/results"
    printf '%-9s run %s: CPU %6.2f s (user %s, sys %s)  wall %6.2f s  RSS %4d MB  load %s | %s\n' "$name" "$r" "$cpu" \
      "$user" "$sys" "$wall" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)" "$phases"
  done
done
echo "medians over $runs runs:"
for v in $variants; do
  name="${v%%=*}"
  awk -v n="$name" '$1 == n { c[++k] = $2; w[k] = $3; m[k] = $4 }
    function med(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    END { printf "  %-9s CPU %6.2f s  wall %6.2f s  RSS %4d MB\n", n, med(c, k), med(w, k), med(m, k) / 1024 }' "$work/results"
done
