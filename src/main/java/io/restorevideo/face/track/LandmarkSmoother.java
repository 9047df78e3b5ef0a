package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;

/**
 * Causal per-track smoothing of the 5 alignment landmarks: one {@link OneEuroFilter} per coordinate, so the
 * similarity warp to the face template does not jitter from frame to frame.
 *
 * <p>The strength {@code smoothing} in [0, 1] maps to the filter parameters: 0 switches smoothing off (the
 * input comes back unchanged, bit for bit: the official-parity mode); from there the zero-speed cutoff falls
 * geometrically from {@value #LIGHTEST_CUTOFF_HZ} Hz to {@value #STRONGEST_CUTOFF_HZ} Hz at 1. The speed
 * that opens the filter is measured in eye distances per second, so the same strength behaves alike on a
 * small face far away and on a close-up.
 */
public final class LandmarkSmoother {
  /** Zero-speed cutoff just above 0: barely filters at 30 fps (alpha 0.8). */
  static final double LIGHTEST_CUTOFF_HZ = 20.0;
  /** Zero-speed cutoff at strength 1: a held face settles in about half a second. */
  static final double STRONGEST_CUTOFF_HZ = 0.3;
  /**
   * Hz of cutoff added per eye distance per second of speed: a face crossing its own eye distance in a
   * second (a brisk head turn) gets about 1.5 Hz more bandwidth, which keeps the lag of a pan small.
   */
  static final double BETA_PER_EYE_DISTANCE = 1.5;
  /** Cutoff of the speed estimate, the value recommended by the filter's authors. */
  static final double DERIVATIVE_CUTOFF_HZ = 1.0;

  private final double smoothing;
  private final OneEuroFilter[] filters;

  public LandmarkSmoother(double smoothing) {
    if (!(smoothing >= 0 && smoothing <= 1)) {
      throw new IllegalArgumentException("smoothing must be in [0, 1], got " + smoothing);
    }
    this.smoothing = smoothing;
    this.filters = new OneEuroFilter[smoothing == 0 ? 0 : 10];
    for (int i = 0; i < filters.length; i++) {
      filters[i] = new OneEuroFilter(minCutoffHz(smoothing), BETA_PER_EYE_DISTANCE, DERIVATIVE_CUTOFF_HZ);
    }
  }

  /** Zero-speed cutoff for a strength in (0, 1]. */
  static double minCutoffHz(double smoothing) {
    return LIGHTEST_CUTOFF_HZ * Math.pow(STRONGEST_CUTOFF_HZ / LIGHTEST_CUTOFF_HZ, smoothing);
  }

  public double smoothing() {
    return smoothing;
  }

  /** Smooths the landmarks observed at {@code timeSeconds} with no known motion. */
  public Landmarks5 smooth(Landmarks5 raw, double timeSeconds) {
    return smooth(raw, timeSeconds, null);
  }

  /**
   * Smooths the landmarks observed at {@code timeSeconds}; with strength 0 returns {@code raw} itself.
   *
   * @param motion the 10 coordinate displacements since the previous call known from optical flow, or null
   *     when unknown; known motion is followed without lag and only the rest is smoothed
   */
  public Landmarks5 smooth(Landmarks5 raw, double timeSeconds, float[] motion) {
    if (filters.length == 0) {
      return raw;
    }
    // a degenerate eye distance (a face seen edge-on) must not make the speed term explode
    double speedUnit = Math.max(raw.eyeDistance(), 1.0);
    float[] xy = raw.toArray();
    for (int i = 0; i < 10; i++) {
      double m = motion == null ? 0 : motion[i];
      xy[i] = (float) filters[i].filter(xy[i], timeSeconds, speedUnit, m);
    }
    return new Landmarks5(xy);
  }

  /** Forgets the history (after a cut or a re-detection far from the carried position). */
  public void reset() {
    for (OneEuroFilter f : filters) {
      f.reset();
    }
  }
}
