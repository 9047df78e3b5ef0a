package io.restorevideo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream the container cannot hold is transcoded (or, where impossible, left out) with one warning line naming it. */
class StreamFallbackTest {
  @TempDir Path dir;

  @Test
  void ac3IntoWebmBecomesOpusWithAWarning() {
    Path in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-f", "lavfi", "-i",
        "sine=frequency=440:sample_rate=44100", "-t", "1.5", "-c:v", "libx264", "-ac", "6", "-c:a", "ac3",
        "-metadata:s:a:0", "language=ita", in.toString());
    Path out = dir.resolve("out.webm");

    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet", "--no-faces");

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

  @Test
  void subripIntoMp4BecomesMovTextAndAviLeavesItOut() throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("subs.srt"), "1\n00:00:00,200 --> 00:00:00,800\nhello\n\n");
    Path in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-i", "subs.srt", "-t", "1", "-map", "0",
        "-map", "1", "-c:v", "libx264", "-c:s", "srt", "-metadata:s:s:0", "language=por", in.toString());

    Path mp4 = dir.resolve("out.mp4");
    CliRun r = CliRun.of(in.toString(), mp4.toString(), "--quiet", "--no-faces");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().strip().lines().count() == 1
        && r.err().contains("subtitle stream 1 (subrip) cannot be stored in mp4: transcoded to mov_text"), r.err());
    List<String> streams = Ffmpeg.streams(mp4);
    assertEquals(2, streams.size(), streams.toString());
    assertTrue(streams.get(1).contains("Subtitle: mov_text") && streams.get(1).contains("(por)"), streams.get(1));
    String cues = Ffmpeg.run(dir, "-v", "error", "-i", mp4.toString(), "-map", "0:s:0", "-f", "srt", "-");
    assertTrue(cues.contains("00:00:00,200 --> 00:00:00,800") && cues.contains("hello"), cues);

    Path avi = dir.resolve("out.avi");
    CliRun a = CliRun.of(in.toString(), avi.toString(), "--quiet", "--no-faces");
    assertEquals(0, a.exit(), a.err());
    assertTrue(a.err().contains("subtitle stream 1 (subrip) cannot be stored in avi, which holds no subtitles"),
        a.err());
    assertEquals(1, Ffmpeg.streams(avi).size());
  }
}
