package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed mid-way leaves nothing at OUTPUT; a terminated one (Ctrl-C, SIGTERM) also removes its temp file. */
class InterruptedRunTest {
  @TempDir Path dir;
  private Path in;
  private Path out;

  @BeforeEach
  void clip() {
    in = dir.resolve("long.mp4");
    out = dir.resolve("out.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "40", "-c:v", "libx264", "-preset",
        "ultrafast", in.toString());
  }

  private Process start() throws IOException {
    return start(List.of("--no-faces", "--encoder-preset", "veryslow"));
  }

  private Process start(List<String> options) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, "-Dorg.bytedeco.javacpp.cachedir="
        + System.getProperty("org.bytedeco.javacpp.cachedir", System.getProperty("user.home") + "/.cache/restore-video/javacpp"),
        Main.class.getName(), in.toString(), out.toString(), "--quiet");
    pb.command().addAll(options);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
    return pb.start();
  }

  /** Waits until the job has written some of its temporary file. */
  private Path awaitTempFile(Process p) throws Exception {
    return awaitTempFile(p, 10_000);
  }

  private Path awaitTempFile(Process p, long minBytes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Optional<Path> temp = temps().stream().filter(f -> f.toFile().length() > minBytes).findFirst();
      if (temp.isPresent()) {
        return temp.get();
      }
      assertTrue(p.isAlive(), "job still running: " + Files.readString(dir.resolve("log.txt")));
      Thread.sleep(50);
    }
    throw new AssertionError("no temporary output appeared");
  }

  private List<Path> temps() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  @Test
  void sigkillLeavesNothingAtOutput() throws Exception {
    Process p = start();
    Path temp = awaitTempFile(p);
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(out), "OUTPUT must not exist after SIGKILL");
    assertTrue(temp.getFileName().toString().startsWith(".out.mp4."), "temporary name differs from OUTPUT: " + temp);
  }

  @Test
  void sigkillWithTheFaceStagesRunningLeavesNothingAtOutput() throws Exception {
    in = GroupClip.zoom(dir, "256x192", 40);
    List<String> options = new ArrayList<>(TinyModels.cliArgs(dir));
    options.addAll(List.of("--only-center-face", "--encoder-preset", "ultrafast", "--offline"));
    Process p = start(options);
    // the temporary file opens after the networks have loaded; a few seconds later faces are in flight
    Path temp = awaitTempFile(p, 0);
    Thread.sleep(3000);
    assertTrue(p.isAlive(), "still restoring 40 frames: " + Files.readString(dir.resolve("log.txt")));
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertFalse(Files.exists(out), "OUTPUT must not exist after SIGKILL");
    assertTrue(temp.getFileName().toString().startsWith(".out.mp4."), "temporary name differs from OUTPUT: " + temp);
  }

  @Test
  void terminationRemovesTheTemporaryFile() throws Exception {
    Process p = start();
    awaitTempFile(p);
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits on SIGTERM");
    assertFalse(Files.exists(out), "OUTPUT must not exist after termination");
    assertTrue(temps().isEmpty(), "shutdown hook removed the temporary file: " + temps());
  }
}
