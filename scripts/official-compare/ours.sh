#!/bin/bash
# ours.sh WEIGHTS_DIR IN OUT [args]: restore-video with its defaults on the same networks as official.sh
here=$(cd "$(dirname "$0")" && pwd)
tiny=${TINY:-$here/../../src/test/resources/golden/codeformer-tiny}
w=$1; in=$2; out=$3; shift 3
rm -f "$out"
exec "${RV:-$here/../../restore-video}" "$in" "$out" -w 0.5 -s 1 --weights codeformer=$tiny/weights.pth --codeformer-heads 4 \
  --weights detector=$w/r50.pth --weights parsenet=$w/parsenet.pth --offline --json "$@"
