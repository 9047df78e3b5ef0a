package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --start}, {@code --duration}, {@code --frames}: only that part is written, audio cut to match, from zero. */
class RangeTest {
  private static final int RATE = 44100;

  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void clip() {
    in = dir.resolve("in.mkv");
    // 4 s at 10 fps with a tone in 16-bit PCM (one packet per few ms), so the audio can be measured exactly
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10", "-f", "lavfi", "-i",
        "sine=frequency=440:sample_rate=" + RATE, "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-c:a",
        "pcm_s16le", in.toString());
  }

  /** Seconds of audio in a file's first audio stream, from its decoded samples (mono 16-bit). */
  private double audioSeconds(Path file) throws IOException {
    Path pcm = dir.resolve(file.getFileName() + ".pcm");
    Ffmpeg.run(dir, "-i", file.toString(), "-map", "0:a:0", "-f", "s16le", "-ac", "1", "-ar", "" + RATE, "-y",
        pcm.toString());
    return Files.size(pcm) / 2.0 / RATE;
  }

  @Test
  void startAndDurationGiveThatPartWithItsAudioFromZero() throws IOException {
    Path out = dir.resolve("part.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--start", "1", "--duration", "2", "--no-faces", "--json");
    assertEquals(0, r.exit(), r.err());
    List<Double> times = Ffmpeg.videoFrameTimes(out);
    assertEquals(20, times.size(), "2 s at 10 fps: " + times);
    assertEquals(0.0, times.get(0), 0.0011, "video starts at zero");
    assertEquals(1.9, times.get(19), 0.0011);
    double audio = audioSeconds(out);
    assertEquals(2.0, audio, 0.05, "audio cut to the range");
    Map<Integer, Double> first = Ffmpeg.firstPacketTimes(out);
    assertEquals(0.0, first.get(1), 0.03, "audio starts at zero too: " + first);
    assertEquals(20, JsonParser.parseString(r.out()).getAsJsonObject().get("frames").getAsLong());
    System.out.printf("--start 1 --duration 2 of 4 s: %d frames %.3f..%.3f s, audio %.3f s from %.3f s%n",
        times.size(), times.get(0), times.get(19), audio, first.get(1));
  }

  @Test
  void framesLimitsTheCount() throws IOException {
    Path out = dir.resolve("ten.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--frames", "10", "--no-faces", "--quiet");
    assertEquals(0, r.exit(), r.err());
    List<Double> times = Ffmpeg.videoFrameTimes(out);
    assertEquals(10, times.size(), times.toString());
    assertEquals(0.0, times.get(0), 0.0011);
    double audio = audioSeconds(out);
    assertEquals(1.0, audio, 0.05, "audio cut to the 10 frames");
    System.out.printf("--frames 10: %d frames, audio %.3f s%n", times.size(), audio);
  }

  @Test
  void aBadStartIsAUsageError() {
    CliRun r = CliRun.of(in.toString(), dir.resolve("x.mkv").toString(), "--start", "-1", "--no-faces");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--start"), r.err());
  }
}
