package io.restorevideo.media;

import java.util.Locale;
import java.util.Map;

/** Chooses the FFmpeg muxer of an output from its extension or an explicit {@code --format}. */
public final class ContainerFormat {
  private static final Map<String, String> BY_EXTENSION =
      Map.of("mp4", "mp4", "m4v", "mp4", "mov", "mov", "mkv", "matroska", "webm", "webm", "avi", "avi");

  private ContainerFormat() {}

  /** The muxer name for {@code output}; {@code format} (may be null) wins and is required for {@code -}. */
  public static String choose(String output, String format) {
    if (format != null && !format.isBlank()) {
      String f = format.toLowerCase(Locale.ROOT);
      String muxer = BY_EXTENSION.get(f);
      if (muxer == null) {
        throw new MediaException(
            "--format " + format + ": unsupported container (use one of mp4, mov, mkv, webm, avi)");
      }
      return muxer;
    }
    if ("-".equals(output)) {
      throw new MediaException("-: writing to stdout needs --format (mp4, mov, mkv, webm or avi)");
    }
    String name = output.replaceAll("[?#].*$", "");
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String muxer = BY_EXTENSION.get(ext);
    if (muxer == null) {
      throw new MediaException(output + ": unknown output container '" + ext
          + "' (use .mp4, .mov, .mkv, .webm or .avi, or --format)");
    }
    return muxer;
  }
}
