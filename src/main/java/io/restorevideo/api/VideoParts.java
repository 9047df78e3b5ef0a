package io.restorevideo.api;

import io.restorevideo.media.ContainerFormat;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.PartJoiner;
import io.restorevideo.media.VideoIndex;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two verbs a segmented job needs beside {@link VideoJob.Builder#segment}: the frame index that places
 * the cuts on keyframes, and the join that concatenates the parts by stream copy and muxes them once with
 * every other stream of the source (written to a temporary name, renamed on success).
 */
public final class VideoParts {
  private VideoParts() {}

  /** Every frame's pts and keyframe flag, from the packets of {@code input} (no decoding). */
  public static VideoIndex scan(String input) {
    try {
      return VideoIndex.scan(input);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * Writes {@code output}: the video packets of {@code parts} in order, and the audio, subtitle and metadata
   * of {@code source}, as a whole-file {@link VideoJob} would have written them.
   *
   * @param format the output container, or null for the one {@code output}'s extension names
   * @return video packets written
   */
  public static long join(String source, List<String> parts, String output, String format, Consumer<String> warn) {
    try {
      String muxer = ContainerFormat.choose(output, format);
      try (OutputFile target = OutputFile.prepare(output, source);
          MediaInput in = MediaInput.open(source)) {
        long packets = PartJoiner.join(in, parts, target.url(), output, muxer, warn);
        target.commit();
        return packets;
      }
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
