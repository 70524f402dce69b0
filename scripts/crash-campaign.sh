#!/usr/bin/env bash
# The crash campaign (issue 7): kill -9 of the embedded platform at random moments of an import and of
# publishing, N trials of each (default 20), then restart and check: zero corrupted repositories, zero
# lost acknowledged writes. The table is printed and kept in webapp/target/crash-campaign.md; copy it
# into docs/reliability.md. CI runs the same test with 2 trials (the default of CrashCampaignIT).
#   scripts/crash-campaign.sh [trials, default 20] [seed]
# Takes about 10 minutes for 20 + 20 trials on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}
seed=${2:-$(date +%s)}
echo "== crash campaign: $trials kills during imports, $trials during publishing (seed $seed)"
./mvnw -B -q -o verify -pl webapp -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashCampaignIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcrash.trials="$trials" -Dcrash.seed="$seed" | grep -v -E ' (INFO|WARN) ' || status=$?
echo "== results (webapp/target/crash-campaign.md)"
cat webapp/target/crash-campaign.md
exit ${status:-0}
