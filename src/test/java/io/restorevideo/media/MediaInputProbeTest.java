package io.restorevideo.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe reports what ffmpeg was told to write: rotation, depth, colour tags, languages, frame rate kind. */
class MediaInputProbeTest {
  @TempDir Path dir;

  @Test
  void rotatedTaggedTenBitClipWithLanguages() {
    Path plain = dir.resolve("plain.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-f", "lavfi", "-i", "sine", "-t", "0.5",
        "-c:v", "libx265", "-x265-params", "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc",
        "-pix_fmt", "yuv420p10le", "-colorspace", "bt2020nc",
        "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-c:a", "aac", "-metadata:s:a:0", "language=jpn",
        "-t", "0.5", plain.toString());
    Path in = dir.resolve("rotated.mp4");
    Ffmpeg.run(dir, "-display_rotation", "270", "-i", plain.toString(), "-c", "copy", in.toString());
    try (MediaInput m = MediaInput.open(in.toString())) {
      StreamInfo v = m.info().streams().get(0);
      StreamInfo a = m.info().streams().get(1);
      assertEquals("video", v.type());
      assertEquals("hevc", v.codec());
      assertEquals(10, v.bitDepth());
      assertEquals(-90, v.rotation(), 1e-6, "270 counter-clockwise is reported as -90");
      assertEquals("bt2020", v.colorPrimaries());
      assertEquals("smpte2084", v.colorTransfer());
      assertEquals("bt2020nc", v.colorSpace());
      assertEquals(25, v.fps(), 1e-6);
      assertFalse(v.variableFrameRate());
      assertEquals("audio", a.type());
      assertEquals("jpn", a.language());
      assertEquals(0.5, m.info().durationSeconds(), 0.1);
    }
  }

  @Test
  void variableFrameRateIsFlagged() {
    Path in = dir.resolve("vfr.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=30", "-t", "2", "-vf",
        "select='lt(mod(n\\,10)\\,4)'", "-fps_mode", "vfr", "-c:v", "libx264", in.toString());
    try (MediaInput m = MediaInput.open(in.toString())) {
      assertTrue(m.info().streams().get(0).variableFrameRate(), m.info().toString());
    }
  }
}
