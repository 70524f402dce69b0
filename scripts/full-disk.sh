#!/usr/bin/env bash
# Full disk on the embedded store (issue 7): the data directory on a size-limited tmpfs (needs root and
# the right to mount, as on the project's build machine), imports that change every commune until the
# disk is full, then the disk is grown (as an operator frees space) and the repository is reopened:
# it must open, hold every file whose import was reported done, and no file by half.
#   scripts/full-disk.sh [size of the disk, default 24m]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-24m}
jar=webapp/target/open-collectivites.jar
[ -f "$jar" ] || ./mvnw -B -q -o -DskipTests package
work=$(mktemp -d)
disk="$work/disk"
mkdir -p "$disk" "$work/input"
mount -t tmpfs -o size="$size" tmpfs "$disk"
trap 'umount "$disk" 2>/dev/null || true; rm -rf "$work"' EXIT

cog() { # $1: version number written into every commune name
  printf 'REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n84,01001,1,REGION,Région,Région\r\n' > "$work/input/regions.csv"
  printf 'DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\r\n' > "$work/input/departements.csv"
  printf 'TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT\r\n' > "$work/input/communes.csv"
  for d in $(seq -w 1 19) $(seq 21 40); do
    printf '%s,84,%s001,0,DEP %s,Dep %s,Dep %s\r\n' "$d" "$d" "$d" "$d" "$d" >> "$work/input/departements.csv"
  done
  awk -v v="$1" 'BEGIN { for (d = 1; d <= 40; d++) { if (d == 20) continue; dep = sprintf("%02d", d);
      for (c = 1; c <= 800; c++) { code = dep sprintf("%03d", c); n = "Commune " code " " v;
        printf "COM,%s,84,%s,%sD,,0,%s,%s,%s,%s01,\r\n", code, dep, dep, toupper(n), n, n, dep } } }' >> "$work/input/communes.csv"
}

last_done=0
for version in $(seq 1 30); do
  cog "$version"
  if java -Xmx256m -jar "$jar" import "$work/input" --data-dir "$disk/data" > "$work/run.log" 2>&1; then
    last_done=$version
    echo "import $version: done ($(du -sh "$disk/data/repository" | cut -f1) used)"
  else
    echo "import $version: FAILED (exit $?), disk: $(df -h "$disk" | tail -1 | awk '{print $5 " used"}')"
    grep -E "ERROR|Erreur|No space|IOException" "$work/run.log" | head -5 | cut -c1-300
    break
  fi
done

echo "== the operator grows the disk; the repository is reopened"
mount -o remount,size=512m "$disk"
# Read back through the application: re-importing the last version reported done must find every
# commune unchanged (or every one updated, had the failed import landed whole), never a mix; and a
# repository that does not open fails here.
cog "$last_done"
java -Xmx256m -jar "$jar" import "$work/input" --data-dir "$disk/data" > "$work/check.log" 2>&1 && status=ok || status=failed
grep -E "communes.csv" "$work/check.log" | sed 's/.*ImportService - //' | head -2
echo "reopen after the full disk: $status; last import reported done: version $last_done"
