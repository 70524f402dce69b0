#!/usr/bin/env bash
# Re-runnable benchmarks of the foundation (issue 2); results go to docs/benchmarks.md by hand.
#   scripts/benchmark.sh [fixtures dir, default ../shared/fixtures]
# Needs: a JDK, wrk (apt-get install wrk). Takes about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$(cd "${1:-../shared/fixtures}" && pwd)
data="$fixtures/public-data"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
jar=webapp/target/open-collectivites.jar

echo "== build"
./mvnw -B -q -Pbenchmarks -DskipTests package

mkdir -p "$work/cog" "$work/national"
cp "$data"/insee-cog/v_{region,departement,arrondissement}_2024.csv "$data"/insee-cog/v_commune_2026.csv \
   "$data"/insee-cog/v_mvt_commune_2026.csv "$work/cog/"
cp "$work"/cog/* "$data"/insee-populations-legales/donnees_communes_PL2023.csv \
   "$data"/epci-intercommunalites/dgcl_epcicom2025.xlsx "$data"/epci-intercommunalites/banatic_table_siren_insee_2024.xlsx \
   "$work/national/"

echo "== COG import (cold), heap capped at 256 MB"
/usr/bin/time -f "process: %e s wall, max RSS %M KB" java -Xmx256m -XX:+UseParallelGC -jar $jar import "$work/cog" --data-dir "$work/cog-data" 2>&1 \
  | grep -E "ImportService|Import terminé|process:" | sed 's/.*ImportService - //'
echo "== COG re-import (unchanged)"
/usr/bin/time -f "process: %e s wall, max RSS %M KB" java -Xmx256m -XX:+UseParallelGC -jar $jar import "$work/cog" --data-dir "$work/cog-data" 2>&1 \
  | grep -E "ImportService|Import terminé|process:" | sed 's/.*ImportService - //'

echo "== national import (COG, populations, EPCI, SIREN), heap capped at 256 MB"
/usr/bin/time -f "process: %e s wall, max RSS %M KB" java -Xmx256m -XX:+UseParallelGC -jar $jar import "$work/national" --data-dir "$work/data" 2>&1 \
  | grep -E "Import terminé|process:"

echo "== startup on the full repository (3 runs)"
for run in 1 2 3; do
  start=$(date +%s%N)
  java -Xmx512m -jar $jar serve --no-demo --port 18480 --data-dir "$work/data" > "$work/serve.log" 2>&1 &
  pid=$!
  until curl -fs http://127.0.0.1:18480/health > /dev/null 2>&1; do sleep 0.05; done
  echo "run $run: /health answered after $(( ($(date +%s%N) - start) / 1000000 )) ms; $(grep -o 'Platform started in [0-9]* ms' "$work/serve.log")"
  [[ $run == 3 ]] || { kill $pid; wait $pid || true; }
done

echo "== HTTP (wrk, 2 threads, 32 connections, 20 s each) on the same running instance"
curl -fs "http://127.0.0.1:18480/.rest/open-collectivites/v1/search?q=paris" > /dev/null
wrk -t2 -c32 -d5s http://127.0.0.1:18480/health/live > /dev/null   # warm-up
wrk -t2 -c32 -d5s -s scripts/search-queries.lua http://127.0.0.1:18480 > /dev/null
echo "-- ceiling: constant endpoint /health/live"
wrk -t2 -c32 -d20s --latency http://127.0.0.1:18480/health/live | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
echo "-- search, 16 rotating queries"
wrk -t2 -c32 -d20s --latency -s scripts/search-queries.lua http://127.0.0.1:18480 | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
echo "-- delivery: one commune"
wrk -t2 -c32 -d20s --latency http://127.0.0.1:18480/.rest/delivery/communes/42/42218 | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
kill $pid; wait $pid || true

echo "== search in-process (JMH, sample mode: p50 / p99 per query)"
java -Dfixtures.dir="$fixtures" -DlightModule.dir="$(pwd)/light-modules/open-collectivites" \
  -jar benchmarks/target/benchmarks.jar SearchBenchmark -wi 2 -w 2s -i 3 -r 3s -f 1 -rf text -rff "$work/jmh.txt" > "$work/jmh.log" 2>&1
grep -E "^SearchBenchmark.search(:p0.50|:p0.99)? " "$work/jmh.txt" || grep -E "search" "$work/jmh.log" | tail -40
