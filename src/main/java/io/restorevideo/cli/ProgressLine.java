package io.restorevideo.cli;

import io.restorevideo.api.JobProgress;
import io.restorevideo.cli.options.Clock;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** The human progress line on stderr: frames, fps, media time, and an ETA when the length is known. */
final class ProgressLine implements Consumer<JobProgress> {
  private final PrintWriter err;
  private boolean printed;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void accept(JobProgress p) {
    String eta = p.etaSeconds() >= 0 && !p.done() ? ", ETA " + Clock.format(p.etaSeconds()) : "";
    String faces = p.faces() >= 0 ? ", " + p.faces() + " faces" : "";
    err.printf(Locale.ROOT, "\rframes %d, %.1f fps%s, %s / %s%s   ", p.frames(), p.fps(), faces, Clock.format(p.mediaSeconds()),
        p.totalSeconds() > 0 ? Clock.format(p.totalSeconds()) : "?", eta);
    err.flush();
    printed = true;
  }

  /** Ends the line so that later output starts on a fresh one. */
  synchronized void end() {
    if (printed) {
      err.println();
      err.flush();
    }
  }
}
