package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lossless clips (ffv1, yuv420p) for tests that compare a job's output pixels exactly: the encoder adds
 * nothing, so what is decoded is what the pipeline handed it. Made and read with the ffmpeg executable, not
 * the code under test.
 */
final class LosslessClip {
  private LosslessClip() {}

  /** {@code frames} frames of testsrc2 (moving content) at {@code width x height}, as {@code dir/in.mkv}. */
  static Path make(Path dir, int width, int height, int frames) {
    Path in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25", "-frames:v",
        String.valueOf(frames), "-pix_fmt", "yuv420p", "-c:v", "ffv1", in.toString());
    return in;
  }

  /** Every frame of {@code video} as raw yuv420p, checked to be {@code bytes} long in all. */
  static byte[] yuv(Path dir, Path video, long bytes) throws IOException {
    Path yuv = dir.resolve(video.getFileName() + ".yuv");
    Ffmpeg.run(dir, "-i", video.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", yuv.toString());
    byte[] b = Files.readAllBytes(yuv);
    assertEquals(bytes, b.length, "decoded size of " + video.getFileName());
    return b;
  }
}
