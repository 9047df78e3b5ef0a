package io.restorevideo.cli.options;

import io.restorevideo.api.VideoJob;
import picocli.CommandLine.Option;

/** How to read a video input that FFmpeg cannot probe: a frame pipe from another program (y4m, nut, raw). */
public final class InputOptions {
  @Option(names = "--input-format", paramLabel = "FMT",
      description = "Read INPUT as this format instead of probing it: y4m, nut, rawvideo, or any FFmpeg demuxer "
          + "name. rawvideo needs --input-size, --input-pix-fmt and --input-rate (--input-size alone implies it).")
  public String format;

  @Option(names = "--input-size", paramLabel = "WxH", description = "Picture size of a rawvideo input, e.g. 1280x720.")
  public String size;

  @Option(names = "--input-pix-fmt", paramLabel = "FMT",
      description = "Pixel format of a rawvideo input (FFmpeg name, e.g. yuv420p, rgb24).")
  public String pixFmt;

  @Option(names = "--input-rate", paramLabel = "R",
      description = "Frame rate of a rawvideo input: frames per second, e.g. 25 or 30000/1001.")
  public String rate;

  /** The job builder with the input format applied; a bad combination is an IllegalArgumentException. */
  public VideoJob.Builder apply(VideoJob.Builder b) {
    boolean raw = "rawvideo".equalsIgnoreCase(format) || (format == null && size != null);
    if (raw) {
      if (size == null || pixFmt == null || rate == null) {
        throw new IllegalArgumentException("a rawvideo input needs --input-size WxH, --input-pix-fmt FMT and "
            + "--input-rate R (raw frames carry no header)");
      }
      return b.rawVideoInput(size, pixFmt, rate);
    }
    if (size != null || pixFmt != null || rate != null) {
      throw new IllegalArgumentException("--input-size, --input-pix-fmt and --input-rate are for a rawvideo input; "
          + (format == null ? "this one is probed" : format + " carries its own"));
    }
    return b.inputFormat(format);
  }
}
