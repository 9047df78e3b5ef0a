package io.restorevideo.spark.cluster;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Spark itself recorded of an application ({@code spark.eventLog.enabled}, uncompressed, one JSON event per
 * line): the end of every task attempt and the result of every job. The test's witness of what the scheduler
 * did, independent of the application's own account.
 */
public record SparkEventLog(List<TaskEnd> tasks, List<String> jobResults) {
  /** One task attempt's end: its stage, index in the stage, attempt, executor, times (epoch ms) and reason. */
  public record TaskEnd(int stage, int index, int attempt, String executor, long launched, long finished,
      String reason) {
    public boolean lostWithItsExecutor() {
      return reason.equals("ExecutorLostFailure");
    }

    public boolean succeeded() {
      return reason.equals("Success");
    }
  }

  /** Reads the one application log in {@code folder} (written with {@code spark.eventLog.rolling.enabled=false}). */
  public static SparkEventLog read(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      // Hadoop's checksum files beside it are hidden
      List<Path> logs = files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
          .toList();
      if (logs.size() != 1) {
        throw new IllegalStateException("one event log expected in " + folder + ", found " + logs);
      }
      return parse(Files.readAllLines(logs.get(0), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SparkEventLog parse(List<String> lines) {
    List<TaskEnd> tasks = new ArrayList<>();
    List<String> jobs = new ArrayList<>();
    for (String line : lines) {
      JsonObject e = JsonParser.parseString(line).getAsJsonObject();
      switch (e.get("Event").getAsString()) {
        case "SparkListenerTaskEnd" -> {
          JsonObject info = e.getAsJsonObject("Task Info");
          tasks.add(new TaskEnd(e.get("Stage ID").getAsInt(), info.get("Index").getAsInt(),
              info.get("Attempt").getAsInt(), info.get("Executor ID").getAsString(),
              info.get("Launch Time").getAsLong(), info.get("Finish Time").getAsLong(),
              e.getAsJsonObject("Task End Reason").get("Reason").getAsString()));
        }
        case "SparkListenerJobEnd" -> jobs.add(e.getAsJsonObject("Job Result").get("Result").getAsString());
        default -> {
          // the other events say nothing the test asks
        }
      }
    }
    return new SparkEventLog(tasks, jobs);
  }

  /** The successful attempt of the same task as {@code lost}, if Spark ran it again. */
  public java.util.Optional<TaskEnd> rerunOf(TaskEnd lost) {
    return tasks.stream().filter(t -> t.stage() == lost.stage() && t.index() == lost.index()
        && t.attempt() > lost.attempt() && t.succeeded()).findFirst();
  }

  public List<TaskEnd> lost() {
    return tasks.stream().filter(TaskEnd::lostWithItsExecutor).toList();
  }
}
