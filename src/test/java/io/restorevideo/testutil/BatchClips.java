package io.restorevideo.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Small clips for batch tests, made at test time. */
public final class BatchClips {
  private BatchClips() {}

  /**
   * A 2 s clip at 10 fps of an FFmpeg test pattern ({@code testsrc}, {@code smptebars}, ...) at 160x128, a
   * keyframe every 5 frames (so four segments of 0.5 s), with AAC audio; {@code dir} is ffmpeg's working folder.
   */
  public static Path twoSeconds(Path dir, Path file, String pattern) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Ffmpeg.run(dir, "-f", "lavfi", "-i", pattern + "=size=160x128:rate=10", "-f", "lavfi", "-i",
        "sine=frequency=330:sample_rate=44100", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-g", "5",
        "-c:a", "aac", "-shortest", file.toString());
    return file;
  }

  /**
   * One minute of {@code testsrc} at {@code size} (WxH), 10 fps, a keyframe every second, AAC audio; flat enough
   * for ffv1 to be quick.
   */
  public static Path minute(Path dir, Path file, String size) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=10", "-f", "lavfi", "-i",
        "sine=frequency=440:sample_rate=44100", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-g", "10",
        "-c:a", "aac", "-shortest", file.toString());
    return file;
  }
}
