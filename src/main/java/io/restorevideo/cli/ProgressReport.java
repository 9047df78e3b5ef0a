package io.restorevideo.cli;

import com.google.gson.Gson;
import io.restorevideo.api.JobProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where {@code --progress} sends the job's reports: the human line, JSON lines (stderr, stdout or a file),
 * or nowhere. Closing it ends the human line or closes the file.
 */
final class ProgressReport implements AutoCloseable {
  private static final Gson GSON = new Gson();

  private final Consumer<JobProgress> listener;
  private final Runnable close;

  private ProgressReport(Consumer<JobProgress> listener, Runnable close) {
    this.listener = listener;
    this.close = close;
  }

  /**
   * The report {@code mode} asks for (null: the human line if stderr is a terminal). {@code stdoutTaken}: the
   * video goes to stdout, so '-' is refused (IllegalArgumentException, a usage error).
   */
  static ProgressReport open(String mode, boolean quiet, boolean stdoutTaken, PrintWriter out, PrintWriter err) {
    if (mode == null) {
      mode = !quiet && Terminal.stderrIsTerminal() ? "line" : "none";
    }
    switch (mode) {
      case "none":
        return new ProgressReport(null, () -> {});
      case "line": {
        ProgressLine line = new ProgressLine(err);
        return new ProgressReport(line, line::end);
      }
      case "json":
        return new ProgressReport(jsonLines(err), () -> {});
      case "-":
        if (stdoutTaken) {
          throw new IllegalArgumentException("--progress -: stdout carries the video (OUTPUT is '-'); use "
              + "--progress json (stderr) or --progress FILE");
        }
        return new ProgressReport(jsonLines(out), () -> {});
      default: {
        PrintWriter file;
        try {
          file = new PrintWriter(Files.newBufferedWriter(Path.of(mode), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("--progress " + mode + ": cannot write (" + e.getMessage() + ")", e);
        }
        return new ProgressReport(jsonLines(file), file::close);
      }
    }
  }

  private static Consumer<JobProgress> jsonLines(PrintWriter w) {
    return p -> {
      synchronized (w) {
        w.println(GSON.toJson(p));
        w.flush();
      }
    };
  }

  /** The listener for the job, or null for no reports. */
  Consumer<JobProgress> listener() {
    return listener;
  }

  @Override
  public void close() {
    close.run();
  }
}
