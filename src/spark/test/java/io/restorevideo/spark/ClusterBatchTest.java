package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.cli.Main;
import io.restorevideo.spark.cluster.SharedCluster;
import io.restorevideo.spark.cluster.SparkEventLog;
import io.restorevideo.spark.cluster.StandaloneCluster;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, acceptance 2: {@code batch --master spark://...} on a real standalone cluster (a Master and two
 * Workers, each a JVM of its own), its driver a child JVM as a user's would be. One Worker is killed with SIGKILL,
 * with its executor, while both executors run a segment: Spark runs the lost segment again on the other, the
 * batch completes, its outputs are frame for frame and packet for packet those of the in-process batch, and its
 * journal is whole.
 */
@ExtendWith(SharedCluster.class)
class ClusterBatchTest {
  private static final List<String> PATTERNS = List.of("testsrc2", "smptehdbars", "rgbtestsrc");

  @TempDir Path dir;

  /** What a run on the cluster left: the --json report, Spark's event log and the time the kill was sent. */
  private record ClusterRun(JsonObject report, SparkEventLog events, long killedAt, double killSeconds,
      double seconds) {}

  /**
   * Clips of 6 s, 960x540 at 25 fps, a keyframe every second, a tone of their own. An executor's first segment
   * takes seconds (FFmpeg's and JavaCPP's native libraries load) and the two executors start together, so both
   * are at work on a segment at some moment; the frames are large enough that the later segments take a while
   * too, should one executor start late.
   */
  private Path patternClips() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int i = 0; i < PATTERNS.size(); i++) {
      Ffmpeg.run(dir, "-f", "lavfi", "-i", PATTERNS.get(i) + "=size=960x540:rate=25", "-f", "lavfi", "-i",
          "sine=frequency=" + (330 + 110 * i) + ":sample_rate=44100", "-t", "6", "-c:v", "libx264", "-preset",
          "ultrafast", "-g", "25", "-c:a", "aac", "-shortest", in.resolve(PATTERNS.get(i) + ".mp4").toString());
    }
    return in;
  }

  @Test
  void aWorkerKilledMidBatchLosesNothing(StandaloneCluster cluster) throws Exception {
    Path in = patternClips();
    // three segments of 2 s per clip, one Spark task each, a second or more of work per task
    List<String> options = List.of("--no-faces", "--segment-seconds", "2");
    StandaloneCluster.Node victim = cluster.workers().get(0);
    ClusterRun run = runOnCluster(cluster, in, PATTERNS.size(), options, victim);
    assertEquals(9, run.report().get("segmentsRun").getAsInt(), run.report().toString());

    List<SparkEventLog.TaskEnd> lost = run.events().lost();
    assertFalse(lost.isEmpty(), "Spark lost the task running on the killed Worker: " + run.events().tasks());
    long noticedMs = Long.MAX_VALUE;
    long rerunMs = Long.MAX_VALUE;
    for (SparkEventLog.TaskEnd t : lost) {
      SparkEventLog.TaskEnd rerun = run.events().rerunOf(t).orElseThrow(() -> new AssertionError(
          "lost task " + t + " run again and succeeded: " + run.events().tasks()));
      assertNotEquals(t.executor(), rerun.executor(), "run again on the other executor: " + rerun);
      noticedMs = Math.min(noticedMs, t.finished() - run.killedAt());
      rerunMs = Math.min(rerunMs, rerun.launched() - run.killedAt());
    }
    System.out.println("tasks (executor, launch and end in ms after the kill, reason):");
    run.events().tasks().forEach(t -> System.out.printf("  stage %d attempt %d on %s: %d..%d %s%n", t.stage(),
        t.attempt(), t.executor(), t.launched() - run.killedAt(), t.finished() - run.killedAt(), t.reason()));
    Reference local = assertSameAsInProcess(in, options, PATTERNS.stream().map(p -> p + ".mkv").toList(), 150);
    System.out.printf("cluster batch: cluster up in %.1f s; batch %.1f s on the cluster (%.1f s in-process), %s "
        + "killed at %.1f s with both executors mid-segment; %d task(s) lost, noticed %d ms and run again %d ms "
        + "after the kill%n", cluster.startTime().toMillis() / 1e3, run.seconds(), local.seconds(), victim.name(),
        run.killSeconds(), lost.size(), noticedMs, rerunMs);
  }

  @Test
  void tinyNetworksOnTheClusterMatchTheInProcessBatch(StandaloneCluster cluster) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path zoom = GroupClip.zoom(dir, "160x128", 4);
    // a keyframe on every frame: a segment, and so a Spark task, per frame
    Ffmpeg.run(dir, "-i", zoom.toString(), "-c:v", "libx264", "-preset", "ultrafast", "-g", "1", "-c:a", "copy",
        in.resolve("faces.mp4").toString());
    List<String> options = new ArrayList<>(TinyModels.cliArgs(dir));
    options.addAll(List.of("--detect-every", "1", "--smoothing", "0", "--offline", "--segment-seconds", "0.1",
        "--segment-warmup", "1"));
    ClusterRun run = runOnCluster(cluster, in, 1, options, null);
    assertEquals(4, run.report().get("segmentsRun").getAsInt(), run.report().toString());
    Reference local = assertSameAsInProcess(in, options, List.of("faces.mkv"), 4);
    assertTrue(faces(run.report()) > 0, "faces were restored: " + run.report());
    assertEquals(faces(local.report()), faces(run.report()), "faces restored, in-process and on the cluster");
    System.out.printf("cluster batch, tiny networks: %.1f s on the cluster (%.1f s in-process), %d faces%n",
        run.seconds(), local.seconds(), faces(run.report()));
  }

  /**
   * Runs the batch of {@code in} on the cluster into OUTDIR {@code cluster}; with a {@code victim}, kills that
   * Worker and its executor as soon as both executors run a segment. Checks what every cluster run must give:
   * exit 0, its {@code videos} done, every Spark job succeeded, the journal whole.
   */
  private ClusterRun runOnCluster(StandaloneCluster cluster, Path in, int videos, List<String> options,
      StandaloneCluster.Node victim) throws Exception {
    Path out = dir.resolve("cluster");
    Path events = Files.createDirectories(dir.resolve("events"));
    long t0 = System.nanoTime();
    Process driver = startDriver(cluster, in, out, options, events);
    long killedAt = 0;
    double killSeconds = 0;
    try {
      if (victim != null) {
        // each executor has one core: two attempts writing a part means both are half way through a segment
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (attemptParts(out) < 2) {
          assertTrue(driver.isAlive(), "the batch ended before both executors ran a segment\n" + tails(cluster));
          assertTrue(System.nanoTime() < deadline, "two segments at once within 180 s\n" + tails(cluster));
          Thread.sleep(10);
        }
        for (StandaloneCluster.Node n : cluster.workers()) {
          assertTrue(n.jvm().handle().children().findAny().isPresent(), n.name() + " started an executor");
        }
        killedAt = System.currentTimeMillis();
        killSeconds = (System.nanoTime() - t0) / 1e9;
        cluster.kill(victim);
      }
      assertTrue(driver.waitFor(180, TimeUnit.SECONDS), "the batch ends within 180 s\n" + tails(cluster));
    } finally {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(0, driver.exitValue(), "the batch's exit code\n" + tails(cluster));
    JsonObject report = JsonParser.parseString(Files.readString(dir.resolve("driver.json"))).getAsJsonObject();
    assertEquals(videos, report.get("done").getAsInt(), report.toString());
    SparkEventLog log = SparkEventLog.read(events);
    assertFalse(log.jobResults().isEmpty(), "Spark ran jobs");
    assertTrue(log.jobResults().stream().allMatch("JobSucceeded"::equals), "every job succeeded: " + log.jobResults());
    assertJournalWhole(out, videos, report);
    return new ClusterRun(report, log, killedAt, killSeconds, seconds);
  }

  /** Every video and segment DONE, and no part left behind, half or whole. */
  private static void assertJournalWhole(Path out, int count, JsonObject report) throws IOException {
    JsonObject videos = JsonParser.parseString(Files.readString(out.resolve(".restore-video/journal.json")))
        .getAsJsonObject().getAsJsonObject("videos");
    assertEquals(count, videos.size(), videos.toString());
    int segments = 0;
    for (String name : videos.keySet()) {
      JsonObject v = videos.getAsJsonObject(name);
      assertEquals("DONE", v.get("state").getAsString(), name + ": " + v);
      for (var s : v.getAsJsonArray("segments")) {
        assertEquals("DONE", s.getAsJsonObject().get("state").getAsString(), name + ": " + s);
        segments++;
      }
    }
    assertEquals(report.get("segmentsRun").getAsInt(), segments, "the journal's segments are the report's");
    try (Stream<Path> files = Files.walk(out)) {
      List<String> left = files.filter(Files::isRegularFile).map(f -> out.relativize(f).toString())
          .filter(f -> !f.endsWith(".mkv") || f.startsWith(".")).sorted().toList();
      assertEquals(List.of(".restore-video/journal.json", ".restore-video/lock"), left,
          "nothing in OUTDIR but the outputs and the journal");
    }
  }

  /** What the in-process batch gave: its --json report and its wall time. */
  private record Reference(JsonObject report, double seconds) {}

  /**
   * The same batch without --master: its outputs' decoded frames and audio packets are the cluster's. It runs in a
   * JVM of its own with one PyTorch thread, as each executor does: Spark starts executors with OMP_NUM_THREADS set
   * to spark.task.cpus (1) unless spark.executorEnv.OMP_NUM_THREADS says otherwise, and the networks' sums, so
   * their last bits, depend on the thread count (measured: with two threads, three of the four frames of the tiny
   * run differ). The rest of its environment is the executors' too.
   */
  private Reference assertSameAsInProcess(Path in, List<String> options, List<String> outputs, int frames)
      throws Exception {
    Path local = dir.resolve("local");
    List<String> cmd = javaCommand("-Xmx2g");
    cmd.addAll(command(in, local, options, List.of()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("local.json").toFile()).redirectError(dir.resolve("local.log").toFile());
    pb.environment().putAll(StandaloneCluster.TOOL_ENV);
    pb.environment().put("OMP_NUM_THREADS", "1");
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the in-process batch ends within 180 s");
    } finally {
      p.destroyForcibly();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("local.log")));
    for (String output : outputs) {
      Path expected = local.resolve(output);
      Path actual = dir.resolve("cluster").resolve(output);
      List<String> md5 = Ffmpeg.videoFrameMd5(expected);
      assertEquals(frames, md5.size(), "frames of " + expected);
      assertEquals(md5, Ffmpeg.videoFrameMd5(actual), "decoded frames and timestamps of " + actual);
      assertEquals(Ffmpeg.audioPacketsMd5(expected, 0), Ffmpeg.audioPacketsMd5(actual, 0), "audio of " + actual);
    }
    return new Reference(JsonParser.parseString(Files.readString(dir.resolve("local.json"))).getAsJsonObject(),
        seconds);
  }

  /** Faces restored in the one video of a --json report. */
  private static long faces(JsonObject report) {
    return report.getAsJsonArray("videos").get(0).getAsJsonObject().get("faces").getAsLong();
  }

  private static List<String> command(Path in, Path out, List<String> options, List<String> extra) {
    List<String> args = new ArrayList<>(List.of("batch", in.toString(), "-o", out.toString(), "--json", "--quiet",
        "--video-codec", "ffv1", "--format", "mkv"));
    args.addAll(options);
    args.addAll(extra);
    return args;
  }

  /**
   * The batch's driver in a JVM of its own, as a user runs it (with the JDK openings Spark needs), its report in
   * driver.json, its log in driver.log, Spark's event log in {@code events}.
   */
  private Process startDriver(StandaloneCluster cluster, Path in, Path out, List<String> options, Path events)
      throws IOException {
    List<String> cmd = javaCommand("-Xmx1g");
    List<String> spark = new ArrayList<>(List.of("--master", cluster.masterUrl()));
    for (String conf : List.of("spark.driver.host=127.0.0.1", "spark.driver.bindAddress=127.0.0.1",
        "spark.ui.enabled=false", "spark.executor.memory=" + StandaloneCluster.EXECUTOR_MEMORY,
        "spark.eventLog.enabled=true", "spark.eventLog.compress=false", "spark.eventLog.rolling.enabled=false",
        "spark.eventLog.dir=" + events.toUri())) {
      spark.addAll(List.of("--spark-conf", conf));
    }
    cmd.addAll(command(in, out, options, spark));
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("driver.json").toFile())
        .redirectError(dir.resolve("driver.log").toFile()).start();
  }

  /**
   * {@code java MAIN} of the command line, from this JVM's class path, with the JDK openings Spark needs and the
   * system properties that keep it offline and find the native caches.
   */
  private static List<String> javaCommand(String heap) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap));
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    for (String p : List.of("ai.djl.offline", "DJL_CACHE_DIR", "org.bytedeco.javacpp.cachedir")) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    return cmd;
  }

  /** How many task attempts are writing a part (a finished attempt's file is renamed to the part's name). */
  private static long attemptParts(Path out) {
    Path parts = out.resolve(".restore-video").resolve("parts");
    try (Stream<Path> files = Files.walk(parts)) {
      return files.filter(f -> f.getFileName().toString().contains(".attempt-")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // not made yet, or a part renamed while the folder was read: look again
    }
  }

  private String tails(StandaloneCluster cluster) {
    String driverLog;
    try {
      List<String> lines = Files.readAllLines(dir.resolve("driver.log"), StandardCharsets.UTF_8);
      driverLog = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      driverLog = "(no driver log: " + e.getMessage() + ")";
    }
    return "--- driver ---\n" + driverLog + "\n" + cluster.tails();
  }
}
