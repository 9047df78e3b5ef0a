package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.BatchClips;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segmented batch killed with SIGKILL and run again reuses its finished segments and gives, frame for
 * frame, what one unsegmented run gives; a second batch on the same OUTDIR is refused while one runs.
 */
class BatchResumeTest {
  @TempDir Path dir;

  /** One minute of 720p at 10 fps, a keyframe every second, AAC audio; flat enough for ffv1 to be quick. */
  private Path minuteClip() throws Exception {
    return BatchClips.minute(dir, dir.resolve("in").resolve("minute.mp4"), "1280x720");
  }

  private Process startBatch(Path in, Path out, List<String> options) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir",
            System.getProperty("user.home") + "/.cache/restore-video/javacpp"),
        Main.class.getName(), "batch", in.toString(), "-o", out.toString(), "--quiet"));
    cmd.addAll(options);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
  }

  private static int segmentsDone(Path journal) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    Matcher m = Pattern.compile("\"state\": \"DONE\"").matcher(Files.readString(journal, StandardCharsets.UTF_8));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void killedHalfWayResumesWithFinishedSegmentsAndMatchesAnUnsegmentedRun() throws Exception {
    Path in = minuteClip();
    Path out = dir.resolve("out");
    Path result = out.resolve("minute.mkv");
    Path journal = out.resolve(".restore-video/journal.json");
    List<String> options = List.of("--segment-seconds", "10", "--video-codec", "ffv1", "--no-faces", "--format",
        "mkv");
    Process p = startBatch(in, out, options);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (segmentsDone(journal) < 3) {
      assertTrue(p.isAlive(), "batch still running: " + Files.readString(dir.resolve("log.txt")));
      assertTrue(System.nanoTime() < deadline, "three segments done in time");
      assertFalse(Files.exists(result), "nothing at the final name before the end");
      Thread.sleep(20);
    }
    CliRun second = CliRun.of("batch", in.toString(), "-o", out.toString(), "--quiet", "--json");
    assertEquals(1, second.exit(), "a second batch on a locked OUTDIR is refused: " + second.err());
    assertTrue(second.err().contains("another batch is running"), second.err());
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    int finished = segmentsDone(journal);
    assertFalse(Files.exists(result), "nothing at the final name after SIGKILL");
    assertTrue(finished >= 3 && finished < 6, "killed about half way: " + finished + " of 6 segments done");

    List<String> args = new ArrayList<>(List.of("batch", in.toString(), "-o", out.toString(), "--quiet", "--json"));
    args.addAll(options);
    CliRun resumed = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    JsonObject json = JsonParser.parseString(resumed.out()).getAsJsonObject();
    assertEquals(finished, json.get("segmentsReused").getAsInt(), resumed.out());
    assertEquals(6 - finished, json.get("segmentsRun").getAsInt(), resumed.out());
    assertTrue(resumed.err().contains(finished + " of 6 segments reused"), resumed.err());

    Path whole = dir.resolve("whole.mkv");
    CliRun ref = CliRun.of(in.toString(), whole.toString(), "--video-codec", "ffv1", "--no-faces", "--quiet");
    assertEquals(0, ref.exit(), ref.err());
    List<String> expected = Ffmpeg.videoFrameMd5(whole);
    assertEquals(600, expected.size());
    assertEquals(expected, Ffmpeg.videoFrameMd5(result), "decoded frames and their timestamps");
    assertEquals(Ffmpeg.audioPacketsMd5(whole, 0), Ffmpeg.audioPacketsMd5(result, 0), "audio packets");
    System.out.printf("resume: %d of 6 segments reused after SIGKILL, 600 frames identical%n", finished);
  }

  @Test
  void segmentedFacesInParityModeMatchAnUnsegmentedRun() throws Exception {
    Path zoom = GroupClip.zoom(dir, "160x128", 4);
    Path in = dir.resolve("in").resolve("faces.mp4");
    in.getParent().toFile().mkdirs();
    Ffmpeg.run(dir, "-i", zoom.toString(), "-c:v", "libx264", "-preset", "ultrafast", "-g", "1", "-c:a", "copy",
        in.toString());
    List<String> options = new ArrayList<>(TinyModels.cliArgs(dir));
    options.addAll(List.of("--video-codec", "ffv1", "--detect-every", "1", "--smoothing", "0", "--offline",
        "--only-center-face", "--quiet"));
    Path whole = dir.resolve("whole.mkv");
    List<String> ref = new ArrayList<>(List.of(in.toString(), whole.toString()));
    ref.addAll(options);
    CliRun r = CliRun.of(ref.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());

    Path out = dir.resolve("out");
    List<String> batch = new ArrayList<>(List.of("batch", in.toString(), "-o", out.toString(), "--format", "mkv",
        "--segment-seconds", "0.1", "--segment-warmup", "1", "--json"));
    batch.addAll(options);
    CliRun b = CliRun.of(batch.toArray(String[]::new));
    assertEquals(0, b.exit(), b.err());
    JsonObject video = JsonParser.parseString(b.out()).getAsJsonObject().getAsJsonArray("videos").get(0)
        .getAsJsonObject();
    assertEquals(4, video.get("segments").getAsInt(), b.out());
    assertTrue(video.get("faces").getAsLong() > 0, "faces were restored: " + b.out());
    List<String> expected = Ffmpeg.videoFrameMd5(whole);
    assertEquals(4, expected.size());
    assertEquals(expected, Ffmpeg.videoFrameMd5(out.resolve("faces.mkv")), "decoded frames and their timestamps");
  }
}
