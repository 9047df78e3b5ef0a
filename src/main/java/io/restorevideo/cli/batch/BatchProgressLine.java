package io.restorevideo.cli.batch;

import io.restorevideo.batch.BatchListener;
import java.io.PrintWriter;
import io.restorevideo.cli.options.Clock;
import java.util.Locale;

/** The batch's progress line on stderr (videos, frames, fps, ETA) and its notes, each on a line of its own. */
final class BatchProgressLine implements BatchListener {
  private final PrintWriter err;
  private final boolean quiet;
  private final long start = System.nanoTime();
  private long lastPrint;
  private boolean open;

  BatchProgressLine(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public synchronized void progress(int videosDone, int videosTotal, long framesDone, long framesTotal) {
    long now = System.nanoTime();
    if (quiet || now - lastPrint < 500_000_000L && videosDone < videosTotal) {
      return;
    }
    lastPrint = now;
    double wall = (now - start) / 1e9;
    double fps = wall > 0 ? framesDone / wall : 0;
    String eta = fps > 0 && framesTotal > framesDone ? ", ETA " + Clock.format((framesTotal - framesDone) / fps) : "";
    err.printf(Locale.ROOT, "\rvideos %d/%d, frames %d/%d, %.1f fps%s   ", videosDone, videosTotal, framesDone,
        framesTotal, fps, eta);
    err.flush();
    open = true;
  }

  @Override
  public synchronized void note(String line) {
    end();
    err.println("restore-video: " + line);
    err.flush();
  }

  synchronized void end() {
    if (open) {
      err.println();
      err.flush();
      open = false;
    }
  }
}
