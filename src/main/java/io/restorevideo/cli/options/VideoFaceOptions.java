package io.restorevideo.cli.options;

import io.restorevideo.api.Preset;
import io.restorevideo.api.Tracking;
import io.restorevideo.api.VideoFaces;
import picocli.CommandLine.Option;

/** Face options that only a video has: tracking, smoothing, presets, and turning faces off. */
public final class VideoFaceOptions {
  @Option(names = "--detect-every", paramLabel = "N", defaultValue = "" + Tracking.DEFAULT_DETECT_EVERY,
      description = "Run the face detector on every Nth frame (and on scene cuts and lost tracks); optical "
          + "flow carries faces in between. 1 = every frame, as the official script (default: ${DEFAULT-VALUE}).")
  public int detectEvery;

  @Option(names = "--smoothing", paramLabel = "S", defaultValue = "" + Tracking.DEFAULT_SMOOTHING,
      description = "Landmark and parse-mask smoothing per face track, 0 (off) to 1 (strongest) "
          + "(default: ${DEFAULT-VALUE}). '--detect-every 1 --smoothing 0' gives the official per-frame result.")
  public double smoothing;

  @Option(names = "--miss-limit", paramLabel = "K", defaultValue = "" + Tracking.DEFAULT_MISS_LIMIT,
      description = "End a face track after the detector has missed it on more than K keyframes in a row; "
          + "until then it is carried (the gap filled) (default: ${DEFAULT-VALUE}).")
  public int missLimit;

  @Option(names = "--temporal", paramLabel = "S",
      description = "Temporal stabilisation of the restored faces, 0 (off) to 1: each face is blended with its "
          + "track's previous face moved onto it by the alignment and optical flow, where the input says the "
          + "two agree (so moving mouths and blinks are kept). Default: " + VideoFaces.DEFAULT_TEMPORAL
          + ", or 0 in the exact per-frame mode ('--detect-every 1 --smoothing 0').")
  public Double temporal;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Named option set: ${COMPLETION-CANDIDATES}, or a .properties file. Options given on the "
          + "command line win over it. See presets/*.properties for what each one sets.",
      completionCandidates = PresetNames.class)
  public String preset;

  @Option(names = "--no-faces",
      description = "Re-encode the video through the pipeline without face restoration (no models needed).")
  public boolean noFaces;

  /** The tracker's settings from these options. */
  public Tracking tracking() {
    return new Tracking(detectEvery, smoothing, missLimit);
  }

  /** The temporal strength these options ask for (see {@link VideoFaces#temporal}). */
  public double temporal() {
    return VideoFaces.temporal(temporal, tracking());
  }

  /** The preset names for {@code --help}. */
  public static final class PresetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Preset.names().iterator();
    }
  }
}
