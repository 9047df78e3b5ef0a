package io.restorevideo.cli;

import io.restorevideo.pipeline.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** The progress line on stderr: frames, fps, media time, and an ETA when the duration is known. */
final class ProgressLine implements ProgressListener {
  private final PrintWriter err;
  private double totalSeconds;
  private long start = System.nanoTime();
  private boolean printed;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void started(double totalSeconds) {
    this.totalSeconds = totalSeconds;
    this.start = System.nanoTime();
  }

  @Override
  public synchronized void progress(long frames, double mediaSeconds) {
    double wall = (System.nanoTime() - start) / 1e9;
    double fps = wall > 0 ? frames / wall : 0;
    String eta = "";
    if (totalSeconds > 0 && mediaSeconds > 0) {
      double left = wall * (totalSeconds - mediaSeconds) / mediaSeconds;
      eta = String.format(Locale.ROOT, ", ETA %s", clock(Math.max(0, left)));
    }
    err.printf(Locale.ROOT, "\rframes %d, %.1f fps, %s / %s%s   ", frames, fps, clock(mediaSeconds),
        totalSeconds > 0 ? clock(totalSeconds) : "?", eta);
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

  static String clock(double s) {
    long t = Math.round(s);
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
  }
}
