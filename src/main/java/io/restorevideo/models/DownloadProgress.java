package io.restorevideo.models;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for one download: redrawn in place on a terminal at most 4 times a second, or
 * printed as a new line at most every 10 seconds when stderr is a log file.
 */
final class DownloadProgress {
  private final PrintStream out;
  private final String label;
  private final boolean terminal;
  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  private final long startBytes;
  private long lastNanos = startNanos;

  /** {@code startBytes}: what a resumed download already had, so the rate counts only this session. */
  DownloadProgress(PrintStream out, String label, long startBytes) {
    this.out = out;
    this.label = label;
    this.startBytes = startBytes;
    this.terminal = System.console() != null;
    this.intervalNanos = terminal ? 250_000_000L : 10_000_000_000L;
  }

  /** {@code total} may be -1 when the size is unknown. */
  void update(long done, long total) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastNanos < intervalNanos) {
      return;
    }
    lastNanos = now;
    draw(done, total, now);
  }

  void finish(long done, long total) {
    if (out == null) {
      return;
    }
    draw(done, total, System.nanoTime());
    if (terminal) {
      out.println();
    }
    out.flush();
  }

  private void draw(long done, long total, long now) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = (done - startBytes) / seconds / 1e6;
    String text = total > 0
        ? String.format(Locale.ROOT, "%s %3d%% %s / %s  %.1f MB/s", label, done * 100 / total, mb(done), mb(total), rate)
        : String.format(Locale.ROOT, "%s %s  %.1f MB/s", label, mb(done), rate);
    if (terminal) {
      out.print("\r" + text + "   ");
    } else {
      out.println(text);
    }
    out.flush();
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
