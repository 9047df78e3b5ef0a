package io.restorevideo.batch;

import io.restorevideo.api.VideoParts;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last step of a video: its parts, in segment order, concatenated by stream copy and muxed once with every
 * other stream of the source (audio, subtitles, metadata) into the output, which appears only when complete.
 */
public final class PartJoin {
  private PartJoin() {}

  /** Returns the video packets written. */
  public static long join(String source, List<Path> parts, Path output, String format, Consumer<String> warnings) {
    return VideoParts.join(source, parts.stream().map(Path::toString).toList(), output.toString(), format, warnings);
  }
}
