package io.restorevideo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio the container cannot hold is transcoded, with one warning line naming the stream and why. */
class AudioFallbackTest {
  @TempDir Path dir;

  @Test
  void ac3IntoWebmBecomesOpusWithAWarning() {
    Path in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-f", "lavfi", "-i",
        "sine=frequency=440:sample_rate=44100", "-t", "1.5", "-c:v", "libx264", "-ac", "6", "-c:a", "ac3",
        "-metadata:s:a:0", "language=ita", in.toString());
    Path out = dir.resolve("out.webm");

    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet");

    assertEquals(0, r.exit(), r.err());
    List<String> warnings = r.err().strip().lines().toList();
    assertEquals(1, warnings.size(), r.err());
    assertTrue(warnings.get(0).contains(in + ": audio stream 1 (ac3) cannot be stored in webm: transcoded to libopus"),
        warnings.get(0));
    assertEquals("", Ffmpeg.decodeErrors(out));
    List<String> streams = Ffmpeg.streams(out);
    assertEquals(2, streams.size(), streams.toString());
    assertTrue(streams.get(1).contains("Audio: opus") && streams.get(1).contains("5.1"), streams.get(1));
    assertTrue(streams.get(1).contains("(ita)"), "language kept: " + streams.get(1));
    assertEquals(Ffmpeg.videoFrameTimes(in).size(), Ffmpeg.videoFrameTimes(out).size());
  }
}
