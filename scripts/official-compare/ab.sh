#!/bin/bash
# ab.sh WORK CLIP WEIGHTS_DIR...: one round, alternated per weight set: the official video path, then
# restore-video; wall, CPU and peak RSS from /usr/bin/time -v, the load before each run, into WORK/ab-HHMM/log.
here=$(cd "$(dirname "$0")" && pwd)
work=$1; clip=$2; shift 2
out=$work/ab-$(date +%H%M); mkdir -p "$out"
export E2E_WORKDIR=$work
for w in "$@"; do
  set=$(basename "$w")
  echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) official $set" | tee -a "$out/log"
  /usr/bin/time -v "$here/official.sh" "$w" "$clip" "$work/off-$set" > "$out/official-$set.log" 2> "$out/official-$set.time"
  grep -E "Elapsed|Maximum resident|User time|System time" "$out/official-$set.time" | tee -a "$out/log"
  echo "faces $(grep 'detect' "$out/official-$set.log" | awk '{s+=$2} END {print s}')" | tee -a "$out/log"
  echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) ours $set" | tee -a "$out/log"
  /usr/bin/time -v "$here/ours.sh" "$w" "$clip" "$work/ours-$set.mp4" > "$out/ours-$set.json" 2> "$out/ours-$set.time"
  grep -E "Elapsed|Maximum resident|User time|System time" "$out/ours-$set.time" | tee -a "$out/log"
  grep -E '"facesRestored"|"tracks"|"keyframes"' "$out/ours-$set.json" | tr -d '\n ' | tee -a "$out/log"; echo | tee -a "$out/log"
done
echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) done" | tee -a "$out/log"
