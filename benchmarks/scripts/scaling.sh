#!/usr/bin/env bash
# Scaling curves: the size-parameterised JMH benchmarks run at growing sizes, then one log-log chart per area
# (lines of slope 1 = linear cost). Usage:
#   benchmarks/scripts/scaling.sh [windowing|site|etl|all]
# Results: benchmarks/results/scaling-<area>-<part>-<UTC timestamp>.json; charts: docs/charts/scaling-<area>.png
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
area="${1:-all}"
jmh=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$here/benchmarks/results" "$here/docs/charts"
"$here/bench" build

measure() { # OUT REGEX JMH-ARGS...: one JMH run into OUT
  local out="$1" regex="$2"; shift 2
  java -jar "$here/benchmarks/target/benchmarks.jar" "$regex" "${jmh[@]}" "$@" -rf json -rff "$out"
}

chart() { # AREA X TITLE JSON...
  local name="$1" x="$2" title="$3"; shift 3
  "$here/bench" chart --x "$x" --title "$title" --out "$here/docs/charts/scaling-$name.png" "$@"
}

results="$here/benchmarks/results/scaling"
case "$area" in windowing|site|etl|all) ;; *) echo "scaling: unknown area '$area' (windowing, site, etl, all)" >&2; exit 2 ;; esac
if [ "$area" = windowing ] || [ "$area" = all ]; then
  measure "$results-windowing-cut-$stamp.json" 'dev\.egregora\.benchmarks\.windowing\.WindowCutterBenchmark\.cutAndSign' \
    -p messages=10000,100000,1000000,10000000 -p unit=MESSAGES,CONVERSATION
  measure "$results-windowing-load-$stamp.json" 'dev\.egregora\.benchmarks\.windowing\.WindowColumnsLoadBenchmark\.load' \
    -p messages=10000,100000,1000000
  chart windowing messages "Windowing: cut + signatures, and column load from DuckDB, vs messages" \
    "$results-windowing-cut-$stamp.json" "$results-windowing-load-$stamp.json"
fi
if [ "$area" = site ] || [ "$area" = all ]; then
  measure "$results-site-$stamp.json" \
    'dev\.egregora\.benchmarks\.site\.IndexGenerationBenchmark' \
    -p posts=1000,10000,100000
  chart site posts "Site: index generation vs posts" "$results-site-$stamp.json"
fi
if [ "$area" = etl ] || [ "$area" = all ]; then
  measure "$results-etl-$stamp.json" 'dev\.egregora\.benchmarks\.etl\.ParserBenchmark' -p messages=10000,100000,1000000
  chart etl messages "ETL: parsing a WhatsApp export vs messages" "$results-etl-$stamp.json"
fi
