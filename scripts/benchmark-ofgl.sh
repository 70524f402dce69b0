#!/usr/bin/env bash
# OFGL finances import benchmark (issue 3): generates an OFGL-shaped communes base of 5 million rows
# (10,000 communes x 10 exercices x 50 agrégats, about 1.7 GB, ordered by exercice as OFGL exports
# are) and imports it twice (cold, then unchanged) into a fresh embedded repository, in a JVM whose
# heap is capped at 256 MB (-Xmx256m). Results go to docs/benchmarks.md by hand.
#   scripts/benchmark-ofgl.sh [work dir, default a temporary one] ["communes exercices agrégats"]
# Needs: a JDK and about 5 GB free (file, sort runs, repository). Takes about 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mkdir -p "${1:-$(mktemp -d)}" && cd "${1:-.}" && pwd)
size=${2:-10000 10 50}
/usr/bin/time -f "maven + benchmark: %e s wall" \
  ./mvnw -B -q -o test -pl module-open-collectivites -Dtest=OfglHeapBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dofgl.benchmark.dir="$work" -Dofgl.benchmark.size="$size" 2>&1 | grep -E "^\[benchmark\]|wall|ERROR|FAIL"
