#!/usr/bin/env bash
# First start after a national import (issue 13): how long until /health answers and a search finds
# a commune, from the launch of `serve` on a data directory that `import` has just filled.
# Results go to docs/benchmarks.md by hand.
#   scripts/benchmark-first-start.sh [fixtures dir, default ../shared/fixtures] [runs, default 3]
# Needs: a JDK, curl, the packaged jar (built when missing). About 1 minute per run on 2 idle cores.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$(cd "${1:-../shared/fixtures}" && pwd)
runs=${2:-3}
data="$fixtures/public-data"
work=$(mktemp -d)
# a free port, so that the script can run beside other servers
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
jar=webapp/target/open-collectivites.jar
[[ -f $jar ]] || ./mvnw -B -q -DskipTests package

mkdir -p "$work/national"
cp "$data"/insee-cog/v_{region,departement,arrondissement}_2024.csv "$data"/insee-cog/v_commune_2026.csv \
   "$data"/insee-cog/v_mvt_commune_2026.csv "$data"/insee-populations-legales/donnees_communes_PL2023.csv \
   "$data"/epci-intercommunalites/dgcl_epcicom2025.xlsx "$data"/epci-intercommunalites/banatic_table_siren_insee_2024.xlsx \
   "$work/national/"

now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }

# Starts serve on $1 and prints the milliseconds until /health answers 200 and until a search finds Paris.
first_start() {
  local start pid health search
  start=$(now)
  java -Xmx512m -jar $jar serve --no-demo --port $port --data-dir "$1" > "$work/serve.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 $pid 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    sleep 0.05
  done
  health=$(ms "$start")
  until curl -fs "http://127.0.0.1:$port/.rest/open-collectivites/v1/search?q=paris" 2>/dev/null | grep -q '"75056"'; do
    kill -0 $pid 2>/dev/null || { cat "$work/serve.log"; exit 1; }
    (( $(ms "$start") < 300000 )) || { echo "search never found Paris in 5 minutes"; cat "$work/serve.log"; exit 1; }
    sleep 0.05
  done
  search=$(ms "$start")
  kill $pid; wait $pid 2>/dev/null || true
  echo "/health after $health ms, search finds Paris after $search ms; $(grep -o 'Platform started in [0-9]* ms' "$work/serve.log" || true); $(grep -io 'search index[^"]*' "$work/serve.log" | head -1 || true)"
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for run in $(seq "$runs"); do
  rm -rf "$work/data"
  start=$(now)
  java -Xmx256m -XX:+UseParallelGC -jar $jar import "$work/national" --data-dir "$work/data" > "$work/import.log" 2>&1 \
    || { echo "import failed:"; cat "$work/import.log"; exit 1; }
  echo "run $run: import $(ms "$start") ms ($(grep -o 'Index de recherche mis à jour[^.]*' "$work/import.log" || echo 'no index line'))"
  echo "run $run: first start: $(first_start "$work/data")"
done

echo "== for comparison: a start without a search index (deleted), built before serving"
rm -rf "$work/data/search-index"
echo "no index: $(first_start "$work/data")"
