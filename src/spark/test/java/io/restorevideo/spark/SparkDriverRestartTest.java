package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.cli.Main;
import io.restorevideo.testutil.BatchClips;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark driver killed with SIGKILL half way through a {@code --master local[2]} batch and started again:
 * the segments the journal recorded are reused, not redone, and the output is the in-process batch's.
 */
class SparkDriverRestartTest {
  private static final int SEGMENTS = 12;
  private static final List<String> OPTIONS = List.of("--segment-seconds", "5", "--video-codec", "ffv1",
      "--no-faces", "--format", "mkv", "--quiet");

  @TempDir Path dir;

  /** 60 s at 10 fps, 320x240, a keyframe every second, AAC audio: twelve segments of 5 s. */
  private Path clip() throws Exception {
    return BatchClips.minute(dir, dir.resolve("in").resolve("minute.mp4"), "320x240");
  }

  /** The CLI in a JVM of its own, with the JDK opens Spark needs (this JVM's), logging to log.txt. */
  private Process startDriver(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    for (String p : List.of("ai.djl.offline", "DJL_CACHE_DIR", "org.bytedeco.javacpp.cachedir")) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log.txt").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  /** Segments the journal records as done (0 before it exists); -1 once the video itself is done. */
  private static int segmentsDone(Path journal) throws Exception {
    if (!Files.exists(journal)) {
      return 0;
    }
    JsonObject videos = JsonParser.parseString(Files.readString(journal, StandardCharsets.UTF_8)).getAsJsonObject()
        .getAsJsonObject("videos");
    int n = 0;
    for (var video : videos.entrySet()) {
      JsonObject v = video.getValue().getAsJsonObject();
      if ("DONE".equals(v.get("state").getAsString())) {
        return -1;
      }
      for (JsonElement s : v.getAsJsonArray("segments")) {
        n += "DONE".equals(s.getAsJsonObject().get("state").getAsString()) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void killedDriverRestartsWithItsFinishedSegments() throws Exception {
    Path in = clip();
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("batch", in.toString(), "-o", out.toString(), "--master",
        "local[2]"));
    args.addAll(OPTIONS);
    Path journal = out.resolve(".restore-video/journal.json");
    Process driver = startDriver(args);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (segmentsDone(journal) < 3) {
        assertTrue(driver.isAlive(), "driver still running: " + Files.readString(dir.resolve("log.txt")));
        assertTrue(segmentsDone(journal) >= 0, "killed before the video was joined");
        assertTrue(System.nanoTime() < deadline, "three segments done in time");
        Thread.sleep(20);
      }
    } finally {
      driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    int finished = segmentsDone(journal);
    assertTrue(finished >= 3 && finished < SEGMENTS, "killed part way: " + finished + " of " + SEGMENTS + " done");
    assertFalse(Files.exists(out.resolve("minute.mkv")), "nothing at the final name after SIGKILL");

    List<String> again = new ArrayList<>(args);
    again.add("--json");
    CliRun restarted = CliRun.of(again.toArray(String[]::new));
    assertEquals(0, restarted.exit(), restarted.err());
    JsonObject report = JsonParser.parseString(restarted.out()).getAsJsonObject();
    assertEquals(finished, report.get("segmentsReused").getAsInt(), "the journal's segments are reused: " + report);
    assertEquals(SEGMENTS - finished, report.get("segmentsRun").getAsInt(), "only the others run: " + report);
    assertEquals(-1, segmentsDone(journal), "the journal says the video is done");

    List<String> local = new ArrayList<>(List.of("batch", in.toString(), "-o", dir.resolve("local").toString()));
    local.addAll(OPTIONS);
    CliRun reference = CliRun.of(local.toArray(String[]::new));
    assertEquals(0, reference.exit(), reference.err());
    Path expected = dir.resolve("local/minute.mkv");
    List<String> frames = Ffmpeg.videoFrameMd5(expected);
    assertEquals(600, frames.size());
    assertEquals(frames, Ffmpeg.videoFrameMd5(out.resolve("minute.mkv")), "decoded frames and timestamps");
    assertEquals(Ffmpeg.audioPacketsMd5(expected, 0), Ffmpeg.audioPacketsMd5(out.resolve("minute.mkv"), 0),
        "audio packets");
    System.out.printf("driver restart: %d of %d segments reused after SIGKILL, 600 frames identical%n", finished,
        SEGMENTS);
  }
}
