#!/usr/bin/env bash
# The crash campaign (issue 7): kill -9 of the embedded platform at random moments of an import, of
# publishing and of a harvest, N trials of each selected kind (default 20, all three kinds), then
# restart and check: zero corrupted repositories, zero lost acknowledged writes. The table is printed
# and kept in webapp/target/crash-campaign.md; copy it into docs/reliability.md. CI runs the same
# test with 2 trials of each kind (the default of CrashCampaignIT).
#   scripts/crash-campaign.sh [trials, default 20] [seed] [kinds, default import,publish,harvest]
#   e.g. scripts/crash-campaign.sh 20 "" harvest   (20 harvest trials only; an empty seed picks one)
# Takes about 10 minutes for 20 + 20 trials of import and publish on 2 cores; 20 harvest trials (two
# starts of the application each) took 16 minutes on a heavily loaded 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}
seed=${2:-$(date +%s)}
kinds=${3:-import,publish,harvest}
echo "== crash campaign: $trials kills during each of $kinds (seed $seed)"
./mvnw -B -q -o verify -pl webapp -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashCampaignIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcrash.trials="$trials" -Dcrash.seed="$seed" -Dcrash.kinds="$kinds" | grep -v -E ' (INFO|WARN) ' || status=$?
echo "== results (webapp/target/crash-campaign.md)"
cat webapp/target/crash-campaign.md
exit ${status:-0}
