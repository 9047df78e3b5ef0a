#!/usr/bin/env bash
# The GPU check for the day a GPU machine is lent: builds with -Pcuda (the CUDA libtorch), times every network
# at fp32 and fp16 (`bench networks`), runs the CPU-side stages at 1080p (`bench pipeline --stand-in-faces`,
# 1 and 4 faces, against --no-faces) and, when the official weights are in the model store, the whole job on
# the GPU at both precisions; then prints one table. Steps that cannot run here are printed as SKIPPED with
# the reason, so the script also runs (and checks itself) on a CPU-only machine.
#
#   scripts/gpu-check.sh [--quick] [--random-weights]
#     --quick           short clips and one timed run each (a smoke run of the script itself)
#     --random-weights  time the networks on random weights with the official shapes (no download needed)
#
# Results go to target/gpu-check/ (one JSON file per step) and the table to stdout.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/target/gpu-check"
quick=0
weights=()
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --random-weights) weights=(--random-weights) ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "gpu-check: unknown argument $a" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
rows=()
row() { rows+=("$(printf '%-40s %-8s %s' "$1" "$2" "$3")"); }
skip() { row "$1" "SKIPPED" "$2"; echo "gpu-check: SKIPPED $1: $2" >&2; }
median() { # prints "network=median s" pairs of a bench networks JSON file
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(", ".join("%s %.4f s" % (r["network"], r["seconds"]["median"]) for r in d["rows"]))' "$1" 2>/dev/null \
    || grep -o '"median": [0-9.e-]*' "$1" | tr '\n' ' '
}
fps() { python3 -c 'import json,sys; print("%.1f fps" % json.load(open(sys.argv[1]))["fps"])' "$1" 2>/dev/null \
    || grep -o '"fps": [0-9.]*' "$1"; }

# 1. Is there a GPU, and a CUDA build of the tool?
gpu_reason=""
if ! command -v nvidia-smi >/dev/null 2>&1; then
  gpu_reason="no nvidia-smi on this machine (no NVIDIA driver)"
elif ! nvidia-smi -L >/dev/null 2>&1; then
  gpu_reason="nvidia-smi finds no GPU: $(nvidia-smi -L 2>&1 | head -1)"
fi
if [ -z "$gpu_reason" ]; then
  nvidia-smi -L >&2
  echo "gpu-check: building with -Pcuda (the CUDA libtorch jar is about 2.4 GB on the first build)" >&2
  if (cd "$here" && mvn -B -q -Pcuda -DskipTests package) >"$out/build.log" 2>&1; then
    row "build -Pcuda" "ok" "target/restore-video.jar with pytorch-native-cu124"
  else
    gpu_reason="the -Pcuda build failed (see $out/build.log: $(tail -1 "$out/build.log"))"
    row "build -Pcuda" "FAILED" "$gpu_reason"
  fi
else
  skip "build -Pcuda" "$gpu_reason"
fi
rv="$here/restore-video"
runs=3; [ $quick -eq 1 ] && runs=1

# 2. Every network per call on the GPU, fp32 and fp16 (fp16: the networks ported at half precision).
for p in fp32 fp16; do
  if [ -n "$gpu_reason" ]; then
    skip "bench networks gpu $p" "$gpu_reason"
    continue
  fi
  f="$out/networks-gpu-$p.json"
  if "$rv" bench networks "${weights[@]}" --device gpu --precision "$p" --warmups 3 --runs $((runs * 5)) \
      --json >"$f" 2>"$out/networks-gpu-$p.log"; then
    row "bench networks gpu $p" "ok" "$(median "$f")"
  else
    row "bench networks gpu $p" "FAILED" "$(tail -1 "$out/networks-gpu-$p.log")"
  fi
done

# 3. The CPU-side stages at 1080p with stand-in networks: 1 and 4 faces against no faces (they must keep up).
ffmpeg_bin="$(command -v ffmpeg || true)"
if [ -z "$ffmpeg_bin" ]; then
  "$rv" --help >/dev/null 2>&1 # unpacks the bundled FFmpeg into the cache on first use
  ffmpeg_bin="$(find "${RESTORE_VIDEO_HOME:-$HOME/.cache/restore-video}/javacpp" -type f -name ffmpeg -perm -u+x 2>/dev/null | head -1)"
fi
seconds=20; [ $quick -eq 1 ] && seconds=2
clip="$out/clip-1080p-${seconds}s.mp4"
if [ -z "$ffmpeg_bin" ]; then
  skip "bench pipeline 1080p" "no ffmpeg found (system or the bundled one)"
else
  [ -f "$clip" ] || "$ffmpeg_bin" -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$seconds" \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$clip"
  # 4-serial: the 4-face job with one composite worker, to show what the parallel paste adds on this machine;
  # 4-one-prep: one prepare and one align worker, to show what taking their work off track and restore adds;
  # 4-1conv: one thread converting frames back to the encoder's format (what the convert workers add)
  for mode in no-faces 1 4 4-serial 4-one-prep 4-1conv; do
    f="$out/pipeline-$mode.json"
    args=(--encoder-preset ultrafast --json)
    opts="${RESTORE_VIDEO_JAVA_OPTS:--Xmx8g}"
    if [ "$mode" = "no-faces" ]; then
      label="bench pipeline 1080p no faces"
    elif [ "$mode" = "4-serial" ]; then
      label="bench pipeline 1080p 4 faces 1 paster"
      args+=(--stand-in-faces --faces 4)
      opts="$opts -Drestorevideo.composite.workers=1"
    elif [ "$mode" = "4-one-prep" ]; then
      label="bench pipeline 1080p 4 faces 1 prep/aln"
      args+=(--stand-in-faces --faces 4)
      opts="$opts -Drestorevideo.prepare.workers=1 -Drestorevideo.align.workers=1"
    elif [ "$mode" = "4-1conv" ]; then
      label="bench pipeline 1080p 4 faces 1 converter"
      args+=(--stand-in-faces --faces 4)
      opts="$opts -Drestorevideo.convert.workers=1"
    else
      label="bench pipeline 1080p $mode stand-in face(s)"
      args+=(--stand-in-faces)
      args+=(--faces "$mode")
    fi
    if RESTORE_VIDEO_JAVA_OPTS="$opts" "$rv" bench pipeline "$clip" "${args[@]}" >"$f" 2>"$out/pipeline-$mode.log"; then
      row "$label" "ok" "$(fps "$f")"
    else
      row "$label" "FAILED" "$(tail -1 "$out/pipeline-$mode.log")"
    fi
  done
fi

# 4. The whole job on the GPU with the official networks, fp32 and fp16 (needs the weights in the store).
store="${RESTORE_VIDEO_HOME:-$HOME/.cache/restore-video}/models"
for p in fp32 fp16; do
  if [ -n "$gpu_reason" ]; then
    skip "restore-video 1080p gpu $p" "$gpu_reason"
  elif [ ! -f "$store/codeformer.pth" ]; then
    skip "restore-video 1080p gpu $p" "official weights not in $store (run: restore-video models download)"
  elif [ -z "$ffmpeg_bin" ]; then
    skip "restore-video 1080p gpu $p" "no clip (no ffmpeg)"
  else
    f="$out/job-gpu-$p.json"
    if "$rv" "$clip" "$out/job-gpu-$p.mkv" --device gpu --precision "$p" --offline --json >"$f" \
        2>"$out/job-gpu-$p.log"; then
      row "restore-video 1080p gpu $p" "ok" "$(fps "$f")"
    else
      row "restore-video 1080p gpu $p" "FAILED" "$(tail -1 "$out/job-gpu-$p.log")"
    fi
  fi
done

echo
printf '%-40s %-8s %s\n' "step" "result" "figures"
printf '%s\n' "${rows[@]}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); JSON in $out"
