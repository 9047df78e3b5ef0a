package io.restorevideo.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which frames a preview restores: a count spread over the video, or explicit times. */
public final class PreviewOptions {
  @Option(names = "--frames", paramLabel = "N", defaultValue = "4",
      description = "Frames to restore, spread evenly over the video (default: ${DEFAULT-VALUE}).")
  public int frames;

  @Option(names = "--at", paramLabel = "T", split = ",",
      description = "Restore the frames at these times instead (seconds or [[H:]M:]S.s, comma-separated).")
  public List<String> at = new ArrayList<>();

  /** The --at times in seconds; a bad one is an IllegalArgumentException. */
  public List<Double> times() {
    List<Double> out = new ArrayList<>();
    for (String t : at) {
      out.add(RangeOptions.seconds("--at", t));
    }
    if (at.isEmpty() && frames < 1) {
      throw new IllegalArgumentException("--frames must be at least 1");
    }
    return out;
  }
}
