package io.restorevideo.media;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the FFmpeg muxer of an output from its extension or an explicit {@code --format}: the file
 * containers, and the frame pipes other programs read (y4m, nut, rawvideo).
 */
public final class ContainerFormat {
  private static final Map<String, String> BY_NAME = Map.ofEntries(Map.entry("mp4", "mp4"), Map.entry("m4v", "mp4"),
      Map.entry("mov", "mov"), Map.entry("mkv", "matroska"), Map.entry("webm", "webm"), Map.entry("avi", "avi"),
      Map.entry("y4m", "yuv4mpegpipe"), Map.entry("nut", "nut"), Map.entry("rawvideo", "rawvideo"));
  /** Muxers that hold one video stream and nothing else (no audio, no subtitles). */
  private static final Set<String> VIDEO_ONLY = Set.of("yuv4mpegpipe", "rawvideo");
  /** Muxers without per-frame timestamps: the frame rate alone times the frames. */
  private static final Set<String> FRAME_INDEXED = Set.of("avi", "yuv4mpegpipe", "rawvideo");
  private static final String NAMES = "mp4, mov, mkv, webm, avi, y4m, nut or rawvideo";

  private ContainerFormat() {}

  /** The muxer name for {@code output}; {@code format} (may be null) wins and is required for {@code -}. */
  public static String choose(String output, String format) {
    if (format != null && !format.isBlank()) {
      String muxer = BY_NAME.get(format.toLowerCase(Locale.ROOT));
      if (muxer == null) {
        throw new MediaException("--format " + format + ": unsupported output format (use one of " + NAMES + ")");
      }
      return muxer;
    }
    if ("-".equals(output)) {
      throw new MediaException("-: writing to stdout needs --format (" + NAMES + ")");
    }
    String name = output.replaceAll("[?#].*$", "");
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String muxer = "rawvideo".equals(ext) ? null : BY_NAME.get(ext);
    if (muxer == null) {
      throw new MediaException(output + ": unknown output container '" + ext
          + "' (use .mp4, .mov, .mkv, .webm, .avi, .y4m or .nut, or --format)");
    }
    return muxer;
  }

  /** True for a muxer that carries the video stream only (audio and subtitles are left out). */
  public static boolean videoOnly(String muxer) {
    return VIDEO_ONLY.contains(muxer);
  }

  /** True for a muxer that times frames by their index at a constant rate. */
  static boolean frameIndexed(String muxer) {
    return FRAME_INDEXED.contains(muxer);
  }
}
