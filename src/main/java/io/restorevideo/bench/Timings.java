package io.restorevideo.bench;

import java.util.Arrays;

/** Minimum and median of repeated timings, in seconds. */
public record Timings(double min, double median, int runs) {
  public static Timings of(double[] seconds) {
    if (seconds.length == 0) {
      throw new IllegalArgumentException("no timings");
    }
    double[] s = seconds.clone();
    Arrays.sort(s);
    int n = s.length;
    double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    return new Timings(s[0], median, n);
  }
}
