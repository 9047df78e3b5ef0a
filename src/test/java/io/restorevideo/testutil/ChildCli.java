package io.restorevideo.testutil;

import io.restorevideo.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM, the way a user's shell runs it: its real stdin and stdout (FFmpeg reads
 * and writes file descriptors 0 and 1, which in the test JVM belong to the test runner) and a fresh logging
 * setup (the levels are fixed when the first logger is made, so {@code --debug} needs its own JVM).
 */
public final class ChildCli {
  private ChildCli() {}

  /** What a run left: its exit code and its stderr. */
  public record Result(int exit, String err) {}

  /** {@code restore-video ARGS > stdout} with stdin from the file {@code stdin} (null: none). */
  public static Result run(Path dir, Path stdin, Path stdout, List<String> args) {
    ProcessBuilder cli = command(args);
    if (stdin != null) {
      cli.redirectInput(stdin.toFile());
    }
    return finish(dir, List.of(cli), stdout);
  }

  /** {@code ffmpeg FFMPEG_ARGS | restore-video ARGS > stdout}: the bundled ffmpeg writes the input pipe. */
  public static Result piped(Path dir, List<String> ffmpegArgs, Path stdout, List<String> args) {
    List<String> ff = new ArrayList<>(List.of(Ffmpeg.exe(), "-hide_banner", "-nostdin", "-v", "error"));
    ff.addAll(ffmpegArgs);
    ProcessBuilder producer = new ProcessBuilder(ff).directory(dir.toFile())
        .redirectError(dir.resolve("ffmpeg-producer.txt").toFile());
    return finish(dir, List.of(producer, command(args)), stdout);
  }

  private static ProcessBuilder command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : List.of("ai.djl.offline", "DJL_CACHE_DIR", "org.bytedeco.javacpp.cachedir")) {
      if (System.getProperty(p) != null) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    cmd.addAll(List.of("-Xmx2g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd);
  }

  private static Result finish(Path dir, List<ProcessBuilder> chain, Path stdout) {
    Path err = dir.resolve("child-stderr.txt");
    ProcessBuilder last = chain.get(chain.size() - 1);
    last.directory(dir.toFile()).redirectError(err.toFile());
    if (stdout != null) {
      last.redirectOutput(stdout.toFile());
    } else {
      last.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    try {
      List<Process> ps = ProcessBuilder.startPipeline(chain);
      Process p = ps.get(ps.size() - 1);
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        ps.forEach(Process::destroyForcibly);
        throw new AssertionError("restore-video did not end within 180 s");
      }
      for (Process other : ps) {
        other.waitFor(10, TimeUnit.SECONDS);
      }
      return new Result(p.exitValue(), Files.readString(err));
    } catch (IOException e) {
      throw new AssertionError("cannot start the child JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
