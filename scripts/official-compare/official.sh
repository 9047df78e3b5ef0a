#!/bin/bash
# official.sh WEIGHTS_DIR IN OUTDIR: the official video path (inference_codeformer.py, unchanged) on IN with
# the tiny golden CodeFormer and WEIGHTS_DIR's r50.pth and parsenet.pth. Needs OFFICIAL (a CodeFormer checkout
# with basicsr/version.py written) and Debian's python3-torch, python3-torchvision, python3-opencv, python3-tqdm.
here=$(cd "$(dirname "$0")" && pwd)
tiny=${TINY:-$here/../../src/test/resources/golden/codeformer-tiny}
export E2E_WORKDIR=${E2E_WORKDIR:-/tmp} E2E_CODEFORMER=$tiny/weights.pth E2E_CODEFORMER_CONFIG=$tiny/config.json \
  E2E_DETECTOR=$1/r50.pth E2E_PARSENET=$1/parsenet.pth
# PyTorch here defaults to one intra-op thread (its core detection sees one); the official side gets every
# core, as restore-video does
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(nproc)}
rm -rf "$3"
exec /usr/bin/python3 "$here/run_official.py" -i "$2" -w 0.5 -s 1 -o "$3"
