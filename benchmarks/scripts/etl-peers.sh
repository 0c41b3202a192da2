#!/usr/bin/env bash
# Our WhatsApp parser vs the npm oracle whatsapp-chat-parser@4.0.2 on the same synthetic file, in one run
# (the harness lives in scripts/oracle/; it installs the oracle into a scratch folder).
#   benchmarks/scripts/etl-peers.sh [MESSAGES=1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec scripts/oracle/compare.sh bench "${1:-1000000}"
