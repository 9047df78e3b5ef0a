#!/bin/bash
# networks-ab.sh ROUNDS NETWORK...: per call, alternated: the official network classes (bench_official.py, Debian's
# PyTorch, 2 threads) and `restore-video bench networks --random-weights` (with the launcher's own settings).
here=$(cd "$(dirname "$0")" && pwd)
rounds=$1; shift
for n in "$@"; do
  for r in $(seq 1 "$rounds"); do
    echo "# $n round $r load $(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/python3 "$here/bench_official.py" "$n" 1 3 2 | sed 's/^/official /'
    "$here/../../restore-video" bench networks --random-weights --networks "$n" --device cpu --warmups 1 --runs 3 \
      --json 2>/dev/null | tr -d '\n ' | grep -o '"median":[0-9.eE-]*' | sed "s/^/ours $n /"
  done
done
