package io.restorevideo.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * One Spark daemon (Master or Worker) in a JVM of its own, started from the test JVM's class path with the
 * JDK openings Spark needs, its output in a log file.
 */
public final class ClusterJvm {
  private final String name;
  private final Process process;
  private final Path log;

  private ClusterJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass args} with {@code env} added to this JVM's environment; output to {@code log}. */
  static ClusterJvm start(String name, String mainClass, List<String> args, Map<String, String> env, Path log,
      Path workDir) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the daemons only schedule: a small heap, and C1 alone, which starts them sooner than the full JIT
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
    // the JDK openings Spark's own scripts give its JVMs on Java 17
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ExitWithParent.class.getName(), mainClass));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // only the settings given here: none of the calling shell's Spark or Hadoop ones
    pb.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_") || k.startsWith("YARN_"));
    pb.environment().putAll(env);
    try {
      return new ClusterJvm(name, pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + " JVM", e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * SIGKILL to the daemon and every process under it (a Worker's executors), as when its machine is lost:
   * the children are listed first, since once their parent is gone they are no longer its descendants.
   */
  public void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      for (ProcessHandle c : children) {
        c.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException(name + " or its children did not die after SIGKILL", e);
    }
  }

  /** The last {@code lines} lines of its log, headed by its name, for a failure message. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(ClusterJvm::shortLine).toList();
      return "--- " + name + " (" + log + ", pid " + pid() + (isAlive() ? "" : ", exited") + ") ---\n"
          + String.join("\n", last);
    } catch (IOException e) {
      return "--- " + name + ": no log (" + e.getMessage() + ") ---";
    }
  }

  /** A log line cut to a readable length (a Worker logs each executor's launch command, thousands of characters). */
  static String shortLine(String line) {
    return line.length() <= 300 ? line : line.substring(0, 300) + " [...]";
  }
}
