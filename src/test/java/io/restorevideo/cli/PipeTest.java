package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** '-' for stdin and stdout (in a child JVM: the test JVM's own stdin belongs to the test runner), and --json. */
class PipeTest {
  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void clip() {
    in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
        "-t", "1", "-c:v", "libx264", "-c:a", "libopus", in.toString());
  }

  private int runPiped(Path out, String format) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "-", "-", "--format", format, "--quiet", "--no-faces").redirectInput(in.toFile()).redirectOutput(out.toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return p.exitValue();
  }

  @Test
  void stdinToStdoutInMatroskaAndFragmentedMp4() throws Exception {
    for (String format : new String[] {"mkv", "mp4"}) {
      Path out = dir.resolve("piped." + format);
      assertEquals(0, runPiped(out, format), Files.readString(dir.resolve("err.txt")));
      assertEquals("", Ffmpeg.decodeErrors(out), format);
      List<Double> want = Ffmpeg.videoFrameTimes(in);
      List<Double> got = Ffmpeg.videoFrameTimes(out);
      assertEquals(want.size(), got.size(), format + " frame count");
      // a fragmented mp4 (the only mp4 a pipe can carry) has no edit list, so its start moves by the
      // encoder delay; the spacing of the frames must still be the input's
      double shift = format.equals("mp4") ? got.get(0) - want.get(0) : 0;
      for (int i = 0; i < want.size(); i++) {
        assertEquals(want.get(i) + shift, got.get(i), 0.0011, format + " frame " + i);
      }
      assertEquals(Ffmpeg.audioPacketsMd5(in, 0), Ffmpeg.audioPacketsMd5(out, 0), format + " audio packets");
    }
  }

  @Test
  void stdoutNeedsAFormat() {
    CliRun r = CliRun.of(in.toString(), "-", "--quiet", "--no-faces");
    assertEquals(2, r.exit(), "a usage error");
    assertTrue(r.err().contains("--format"), r.err());
  }

  @Test
  void jsonSummaryOnStdout() {
    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--json", "--quiet", "--no-faces");
    assertEquals(0, r.exit(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(25, o.get("frames").getAsLong());
    assertEquals(2, o.getAsJsonArray("inputStreams").size());
    assertTrue(o.getAsJsonArray("outputStreams").get(1).getAsString().contains("opus (copied from stream 1)"),
        o.toString());
    assertTrue(o.get("fps").getAsDouble() > 0 && o.get("seconds").getAsDouble() > 0);
    assertEquals(0, o.getAsJsonArray("warnings").size());
  }
}
