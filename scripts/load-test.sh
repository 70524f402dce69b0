#!/usr/bin/env bash
# Load test (issue 7): the read mix of scripts/load-mix.lua with wrk against one instance, then against
# two instances on the same PostgreSQL (one wrk per instance, half the connections each, as a load
# balancer would spread them), DURATION each (default 10m). Reports throughput, p99, errors, and the
# heap trend of each instance (sampled from /metrics). Results go to docs/benchmarks.md by hand.
#   scripts/load-test.sh [duration, default 10m] [connections, default 32]
# Needs: a JDK, wrk and PostgreSQL 15 from Debian (installed with apt-get when missing; root).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10m}
connections=${2:-32}
jar=${OC_JAR:-webapp/target/open-collectivites.jar}
command -v wrk >/dev/null || apt-get install -y wrk
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { apt-get install -y postgresql; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
[ -f "$jar" ] || ./mvnw -B -q -o -DskipTests package

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  su postgres -c "$pgbin/pg_ctl -D $work/pg -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL ($pgbin) in $work/pg, port 55432"
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "$pgbin/initdb -D $work/pg -A trust -U postgres" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $work/pg -o '-p 55432 -k $work/pg -c max_connections=100' -l $work/pg/log -w start" >/dev/null
export OC_REPOSITORY_MODE=postgresql OC_REPOSITORY_JDBC_URL=jdbc:postgresql://127.0.0.1:55432/postgres
export OC_REPOSITORY_USER=postgres OC_REPOSITORY_PASSWORD=

start() { # $1 name, $2 port, $3 cluster id
  local began=$SECONDS
  OC_CLUSTER_ID=$3 java -Xmx512m -jar "$jar" serve --port "$2" --data-dir "$work/$1" > "$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then echo "  ready in $((SECONDS - began)) s"; return; fi
    sleep 1
  done
  echo "instance $1 did not start"; cat "$work/$1.log"; exit 1
}

psql_value() { # $1 SQL -> one value
  su postgres -c "$pgbin/psql -h $work/pg -p 55432 -U postgres -Atc \"$1\"" 2>/dev/null
}

coordination_cost() { # what the instances cost PostgreSQL while idle: connections, transactions/s, rows read/s
  local before_x before_r after_x after_r
  echo "  PostgreSQL connections: $(psql_value "select count(*) from pg_stat_activity where datname = 'postgres'")"
  before_x=$(psql_value "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'")
  before_r=$(psql_value "select tup_returned from pg_stat_database where datname = 'postgres'")
  sleep 30
  after_x=$(psql_value "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'")
  after_r=$(psql_value "select tup_returned from pg_stat_database where datname = 'postgres'")
  echo "  idle for 30 s: $(( (after_x - before_x) / 30 )) transactions/s, $(( (after_r - before_r) / 30 )) rows read/s"
}

heap_sampler() { # $1 port, $2 output file: heap used (MB) every 10 s
  while sleep 10; do
    curl -fs "http://127.0.0.1:$1/metrics" 2>/dev/null | awk '/^jvm_memory_used_bytes\{area="heap"/ { print $NF }' \
      | python3 -c 'import sys; print(int(sum(float(v) for v in sys.stdin) / 1048576))' >> "$2" || true
  done
}

live_heap() { # $1 pid, $2 port -> heap used (MB) right after a full collection: the live set, whose growth would be a leak
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  sleep 2
  curl -fs "http://127.0.0.1:$2/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { printf "%d MB", s / 1048576 }'
}

summary() { # wrk output -> one line
  awk '/Requests\/sec/ { rps = $2 } / 99%/ { p99 = $2 } / 50%/ { p50 = $2 } /Non-2xx/ { non2xx = $NF }
       /Socket errors/ { errors = $0 } END { printf "%s req/s, p50 %s, p99 %s, non-2xx/3xx %s, %s\n", rps, p50, p99,
       non2xx == "" ? 0 : non2xx, errors == "" ? "no socket errors" : errors }' "$1"
}

heap_trend() { # samples -> first, max, last, and the floor (lowest sample) of each 2-minute window
  awk 'NR == 1 { first = $1 } { if ($1 > max) max = $1; last = $1; w = int((NR - 1) / 12); if (!(w in floor) || $1 < floor[w]) floor[w] = $1; if (w > wmax) wmax = w }
       END { printf "heap used: first %d MB, max %d MB, last %d MB over %d samples; floor per 2 min:", first, max, last, NR;
             for (i = 0; i <= wmax; i++) printf " %d", floor[i]; printf " MB\n" }' "$1"
}

echo "== instance A (cluster id 1) starts first on the empty database (demo data)"
start a 18601 1
echo "-- idle cost of one instance"; coordination_cost
echo "== warm-up"
wrk -t2 -c"$connections" -d20s -s scripts/load-mix.lua http://127.0.0.1:18601 > /dev/null
echo "-- ceiling: /health/live on A, 20 s"
wrk -t2 -c"$connections" -d20s --latency http://127.0.0.1:18601/health/live > "$work/ceiling.txt"; summary "$work/ceiling.txt"

echo "== one instance: mix for $duration"
echo "  A live heap before: $(live_heap "${pids[0]}" 18601)"
heap_sampler 18601 "$work/heap-one-a.txt" & sampler=$!
wrk -t2 -c"$connections" -d"$duration" --latency -s scripts/load-mix.lua http://127.0.0.1:18601 > "$work/one.txt"
kill $sampler
echo "one instance: $(summary "$work/one.txt")"; echo "  A $(heap_trend "$work/heap-one-a.txt")"
echo "  A live heap after: $(live_heap "${pids[0]}" 18601)"

echo "== instance B (cluster id 2) joins"
start b 18602 2
echo "-- idle cost of two instances"; coordination_cost
wrk -t1 -c8 -d10s -s scripts/load-mix.lua http://127.0.0.1:18602 > /dev/null
echo "== two instances: mix for $duration, $((connections / 2)) connections on each"
echo "  live heap before: A $(live_heap "${pids[0]}" 18601), B $(live_heap "${pids[1]}" 18602)"
heap_sampler 18601 "$work/heap-two-a.txt" & sa=$!
heap_sampler 18602 "$work/heap-two-b.txt" & sb=$!
wrk -t1 -c$((connections / 2)) -d"$duration" --latency -s scripts/load-mix.lua http://127.0.0.1:18601 > "$work/two-a.txt" &
wa=$!
wrk -t1 -c$((connections / 2)) -d"$duration" --latency -s scripts/load-mix.lua http://127.0.0.1:18602 > "$work/two-b.txt"
wait $wa
kill $sa $sb
echo "two instances, A: $(summary "$work/two-a.txt")"; echo "  A $(heap_trend "$work/heap-two-a.txt")"
echo "two instances, B: $(summary "$work/two-b.txt")"; echo "  B $(heap_trend "$work/heap-two-b.txt")"
echo "  live heap after: A $(live_heap "${pids[0]}" 18601), B $(live_heap "${pids[1]}" 18602)"
awk '/Requests\/sec/ { s += $2 } END { printf "two instances, total: %.0f req/s\n", s }' "$work/two-a.txt" "$work/two-b.txt"
grep -h -E " ERROR " "$work/a.log" "$work/b.log" | head -5 || echo "no ERROR in the instances' logs"
