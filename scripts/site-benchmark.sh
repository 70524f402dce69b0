#!/usr/bin/env bash
# HTTP figures of the citizens' site (docs/benchmarks.md, "Site"): a fiche page against the same
# run's ceiling (robots.txt, a constant answer) and /health, and the fiche's 304 revalidation.
# Usage: scripts/site-benchmark.sh [base-url]   (a running platform with the demo data; wrk from Debian)
set -euo pipefail
base="${1:-http://127.0.0.1:8080}"
fiche="$base/communes/42218-saint-etienne"
run() { echo "== $1"; shift; wrk -t2 -c32 -d15s "$@" | grep -E 'Requests/sec|Latency |Non-2xx'; }
curl -sf -o /dev/null "$fiche"
etag="$(curl -s -D - -o /dev/null "$fiche" | awk 'tolower($1)=="etag:"{print $2}' | tr -d '\r')"
run "ceiling: /robots.txt" "$base/robots.txt"
run "/health" "$base/health"
run "fiche page" "$fiche"
run "fiche page, If-None-Match (304)" -H "If-None-Match: $etag" "$fiche"
run "home page" "$base/"
