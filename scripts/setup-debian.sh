#!/usr/bin/env bash
# Installs the few system libraries the bundled FFmpeg needs on a fresh Debian/Ubuntu machine
# (its libavdevice links libpulse), and jemalloc, which the launcher uses for speed when present. Java 17 and Maven are expected; everything else comes from Maven Central.
set -euo pipefail
need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
ldconfig -p | grep -q 'libpulse.so.0' || need+=(libpulse0)
# optional, for speed: the launcher preloads jemalloc when present (docs/benchmarks.md, "Speed on the CPU")
ldconfig -p | grep -q 'libjemalloc.so.2' || need+=(libjemalloc2)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
