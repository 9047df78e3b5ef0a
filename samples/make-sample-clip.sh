#!/bin/sh
# Makes samples/sample.mp4: 5 s of a slow zoom into the public-domain astronaut group picture of the test
# set (src/test/resources/golden/align-paste/group.png, built from scikit-image's astronaut.png), with a tone.
# Needs an ffmpeg on PATH, or FFMPEG=/path/to/ffmpeg (the one inside the bytedeco jar works).
set -e
here=$(cd "$(dirname "$0")" && pwd)
ffmpeg=${FFMPEG:-ffmpeg}
"$ffmpeg" -y -loop 1 -i "$here/../src/test/resources/golden/align-paste/group.png" \
  -f lavfi -i sine=frequency=440:sample_rate=44100 \
  -filter_complex "[0:v]zoompan=z='1+0.002*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=960x540:fps=25,format=yuv420p[v]" \
  -map "[v]" -map 1:a -t 5 -c:v libx264 -crf 20 -c:a aac "$here/sample.mp4"
echo "wrote $here/sample.mp4"
