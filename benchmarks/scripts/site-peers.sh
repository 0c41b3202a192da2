#!/usr/bin/env bash
# Cold full build of N posts (~1.5 KB Markdown each, no social cards): Egregora's site generator vs Hugo on the
# same Markdown, in the same run, alternating, RUNS times each. Prints each time and the medians and ratio ours/Hugo.
#
#   mvn -o -q -pl site-generator install -DskipTests && mvn -o -q -pl benchmarks package -DskipTests
#   benchmarks/scripts/site-peers.sh [N=10000] [RUNS=3]
#
# Ours = `java -cp benchmarks.jar dev.egregora.benchmarks.site.SitePeers build SITE` (a fresh JVM per run: JVM
# start, DuckDB open, reading posts, Markdown, templates, every index, feeds, sitemap, search index, atomic writes).
# Hugo = `hugo --quiet` on a minimal site this script generates (home paginated by 10, post pages with prev/next,
# tag pages, RSS, sitemap), output removed before each run. Hugo comes from Debian (`apt-get install hugo`).
set -euo pipefail
N=${1:-10000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
# CP may override the class path (e.g. freshly compiled classes before the shaded jar)
if [ -z "${CP:-}" ]; then
  [ -f "$JAR" ] || { echo "missing $JAR: build it first (see the header of this script)" >&2; exit 1; }
  CP=$JAR
fi
if ! command -v hugo >/dev/null; then
  echo "installing hugo (Debian package)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
fi
WORK=$(mktemp -d /tmp/site-peers.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
SITE=$WORK/site
HUGO=$WORK/hugo
mkdir -p "$HUGO/layouts/_default" "$HUGO/layouts/partials"
java -cp "$CP" dev.egregora.benchmarks.site.SitePeers prepare "$SITE" "$HUGO" "$N"

cat > "$HUGO/hugo.toml" <<'TOML'
baseURL = "http://127.0.0.1:8000/"
title = "Egregora"
languageCode = "en"
paginate = 10
disableKinds = []
[services.rss]
  limit = 20   # ours caps feeds at 20 items too (Hugo's default is unlimited)
[taxonomies]
  tag = "tags"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
TOML
cat > "$HUGO/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> <a href="{{ "tags/" | relURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$HUGO/layouts/partials/card.html" <<'HTML'
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p><time>{{ .Date.Format "2 January 2006" }}</time></p>
<p>{{ .Summary }}</p><ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">#{{ . }}</a></li>{{ end }}</ul></article>
HTML
cat > "$HUGO/layouts/index.html" <<'HTML'
{{ define "main" }}<h1>Latest posts</h1>{{ $p := .Paginate (where .Site.RegularPages "Section" "posts") }}
{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Newer</a>{{ end }} {{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Older</a>{{ end }}{{ end }}
HTML
cat > "$HUGO/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Newer</a>{{ end }} {{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Older</a>{{ end }}{{ end }}
HTML
cat > "$HUGO/layouts/_default/terms.html" <<'HTML'
{{ define "main" }}<h1>Tags</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
HTML
cat > "$HUGO/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2 January 2006" }}</time></p>
<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">#{{ . }}</a></li>{{ end }}</ul>
{{ .Content }}</article>
<nav>{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ $related := .Site.RegularPages.Related . | first 5 }}{{ with $related }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
HTML
mkdir -p "$HUGO/static" && echo "body{font-family:sans-serif}" > "$HUGO/static/style.css"

ms() { date +%s%N | cut -b1-13; }
ours=(); hugos=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$SITE/public"
  t0=$(ms); java -cp "$CP" dev.egregora.benchmarks.site.SitePeers build "$SITE" 2>/dev/null; t1=$(ms)
  ours+=($((t1 - t0)))
  rm -rf "$HUGO/public" "$HUGO/resources"
  t0=$(ms); (cd "$HUGO" && hugo --quiet >/dev/null); t1=$(ms)
  hugos+=($((t1 - t0)))
  echo "run $i: ours $((ours[-1])) ms ($(find "$SITE/public" -type f | wc -l) files), hugo $((hugos[-1])) ms ($(find "$HUGO/public" -type f | wc -l) files)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours[@]}"); mh=$(median "${hugos[@]}")
echo "posts=$N runs=$RUNS median ours=${mo} ms hugo=${mh} ms ratio ours/hugo=$(awk -v a="$mo" -v b="$mh" 'BEGIN{printf "%.2f", a/b}')"
echo "cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) $(hugo version | cut -d' ' -f1-2) $(java -version 2>&1 | head -1)"
