#!/usr/bin/env bash
# Side-by-side comparison of our WhatsApp parser with the npm oracle whatsapp-chat-parser@4.0.2.
#
#   scripts/oracle/compare.sh bench [MESSAGES=1000000]   # speed: same synthetic file in memory, both parsers warm,
#                                                        # RUNS (default 7) alternating runs, medians and ratios
#   scripts/oracle/compare.sh diff                       # conformance over every corpus chat + our fixtures
#
# Needs: node, npm, java 17, the pipeline-etl module built (mvn -o -q -pl pipeline-etl install -DskipTests).
# The oracle is installed into a scratch folder ($ORACLE_DIR, default /tmp/egregora-oracle), never into the repo.
set -euo pipefail
cd "$(dirname "$0")/../.."
ORACLE_DIR=${ORACLE_DIR:-/tmp/egregora-oracle}
SHARED=${EGREGORA_SHARED:-../shared}
if [ ! -d "$ORACLE_DIR/node_modules/whatsapp-chat-parser" ]; then
  mkdir -p "$ORACLE_DIR"
  (cd "$ORACLE_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund whatsapp-chat-parser@4.0.2 >/dev/null)
fi
export NODE_PATH="$ORACLE_DIR/node_modules"
# the Maven repository: $M2_REPO, else -Dmaven.repo.local from $MAVEN_OPTS, else ~/.m2/repository
M2=${M2_REPO:-$(printf '%s\n' ${MAVEN_OPTS:-} | sed -n 's/^-Dmaven.repo.local=//p' | tail -1)}
M2=${M2:-$HOME/.m2/repository}
jar() { ls "$M2/$1" | head -1; }
CP="pipeline-etl/target/classes:$(jar dev/egregora/pipeline-core/0.1.0-SNAPSHOT/pipeline-core-0.1.0-SNAPSHOT.jar)"
for a in com/fasterxml/jackson/core/jackson-databind/2.21.8/jackson-databind-2.21.8.jar \
         com/fasterxml/jackson/core/jackson-core/2.21.8/jackson-core-2.21.8.jar \
         com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar \
         org/slf4j/slf4j-api/2.0.20/slf4j-api-2.0.20.jar; do
  CP="$CP:$M2/$a"
done
case "${1:-diff}" in
  bench)
    N=${2:-1000000}
    FILE=/tmp/egregora-oracle/sample-$N.txt
    if [ ! -f "$FILE" ]; then
      cat > /tmp/egregora-oracle/Gen.java <<'JAVA'
import dev.egregora.etl.sample.SampleExport;
import java.io.Writer;
import java.nio.file.*;
public class Gen {
    public static void main(String[] a) throws Exception {
        try (Writer w = Files.newBufferedWriter(Path.of(a[1]))) {
            SampleExport.writeText(w, SampleExport.Options.defaults().withMessages(Integer.parseInt(a[0])));
        }
    }
}
JAVA
      java -cp "$CP" /tmp/egregora-oracle/Gen.java "$N" "$FILE"
    fi
    java -Xmx512m -cp "$CP" scripts/oracle/OracleCompare.java bench "$FILE" "$ORACLE_DIR" "${RUNS:-7}"
    ;;
  diff)
    java -cp "$CP" scripts/oracle/OracleCompare.java diff "$ORACLE_DIR" \
      "$SHARED"/corpus/whatsapp/chat-miner/*.txt \
      $(ls pipeline-etl/src/test/resources/fixtures/*.expected | sed 's/\.expected$/.txt/')
    ;;
  *) echo "usage: $0 bench [messages] | diff" >&2; exit 2 ;;
esac
