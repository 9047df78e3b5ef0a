#!/usr/bin/env bash
# Runs samples' EmbedExample (JavaCV grabber -> api.FaceRestorer -> JavaCV recorder) in one command:
#   samples/embed-example.sh IN.mp4 OUT.mp4
# Builds the library and the sample first (the library's dependencies land in target/lib).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${RESTORE_VIDEO_HOME:-$HOME/.cache/restore-video}"
(cd "$here" && mvn -B -q -DskipTests package test-compile) >&2
exec java ${RESTORE_VIDEO_JAVA_OPTS:--Xmx8g} \
  -Dai.djl.offline=true \
  -DDJL_CACHE_DIR="$home/djl" \
  -Dorg.bytedeco.javacpp.cachedir="$home/javacpp" \
  -cp "$here/target/classes:$here/target/test-classes:$here/target/lib/*" \
  io.restorevideo.samples.EmbedExample "$@"
