package io.restorevideo.cli.options;

import io.restorevideo.api.VideoJob;
import picocli.CommandLine.Option;

/** Which part of a video to restore: {@code --start}, {@code --duration}, {@code --frames}. */
public final class RangeOptions {
  @Option(names = "--start", paramLabel = "T",
      description = "Start at T seconds into the video (or [[H:]M:]S.s); the output starts at 0 as with FFmpeg's -ss, "
          + "audio and subtitles cut to match.")
  public String start;

  @Option(names = "--duration", paramLabel = "D",
      description = "Restore and write at most D seconds (or [[H:]M:]S.s) from the start.")
  public String duration;

  @Option(names = "--frames", paramLabel = "N", description = "Restore and write at most N frames from the start.")
  public Long frames;

  /** The job builder with the range applied; a bad value is an IllegalArgumentException. */
  public VideoJob.Builder apply(VideoJob.Builder b) {
    return b.range(start == null ? null : seconds("--start", start),
        duration == null ? null : seconds("--duration", duration), frames);
  }

  /** Seconds from {@code 12.5}, {@code 1:02.5} or {@code 1:00:02.5}. */
  static double seconds(String option, String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException(option + " " + text + ": expected seconds or [[H:]M:]S.s");
    }
    double total = 0;
    try {
      for (String p : parts) {
        double v = Double.parseDouble(p);
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new NumberFormatException();
        }
        total = total * 60 + v;
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + text + ": expected seconds or [[H:]M:]S.s");
    }
    return total;
  }
}
