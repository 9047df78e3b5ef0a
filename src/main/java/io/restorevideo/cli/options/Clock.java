package io.restorevideo.cli.options;

import java.util.Locale;

/** Seconds as h:mm:ss, the one way the progress lines of the main command and of batch show a time. */
public final class Clock {
  private Clock() {}

  public static String format(double seconds) {
    long t = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
  }
}
