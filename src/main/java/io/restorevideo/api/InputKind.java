package io.restorevideo.api;

import io.restorevideo.media.StillImages;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which path an INPUT of the restore command takes: a video (file, URL or stdin) through {@link VideoJob}, still
 * images (a file or a folder) through {@link ImageRestorer}, or aligned face stills through
 * {@link AlignedFaceJob}. A video of aligned faces is still a {@link #VIDEO}.
 */
public enum InputKind {
  VIDEO,
  STILLS,
  ALIGNED_STILLS;

  /** The path for {@code input}; {@code hasAligned} says its faces are already cropped and aligned. */
  public static InputKind of(String input, boolean hasAligned) {
    if (hasAligned && !isVideo(input)) {
      return ALIGNED_STILLS;
    }
    if (!hasAligned && !"-".equals(input) && !input.contains("://")) {
      Path p = Path.of(input);
      if (StillImages.isImageName(p) || Files.isDirectory(p)) {
        return STILLS;
      }
    }
    return VIDEO;
  }

  /** A video input: stdin, or neither a folder nor an image file name. */
  public static boolean isVideo(String input) {
    if ("-".equals(input)) {
      return true;
    }
    Path p = Path.of(input);
    return !Files.isDirectory(p) && !StillImages.isImageName(p);
  }
}
