#!/usr/bin/env bash
# Rewrites the committed golden sites (cli/src/test/resources/golden/<case>/expected and cards.sha256) from the
# current code, then shows what changed. Review the diff and commit it on purpose:
#   scripts/update-goldens.sh && git diff --stat -- cli/src/test/resources/golden
# The cli module takes the other modules from ~/.m2: install the current ones first, e.g.
#   mvn -B -q -o install -DskipTests        (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl cli test -Dtest=GoldenSiteTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true \
    -Dgolden.dir="$PWD/cli/src/test/resources/golden" "$@"
git status --short -- cli/src/test/resources/golden
git diff --stat -- cli/src/test/resources/golden | tail -1
