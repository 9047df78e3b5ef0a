package io.restorevideo.face.track;

/**
 * The One-Euro filter (Casiez, Roussel, Vogel, CHI 2012) for one scalar signal: a first-order low-pass whose
 * cutoff rises with the signal's speed, so a still face is held steady while a moving one is followed with
 * little lag. Causal: each output depends only on the current and past samples. The time step comes from
 * the samples' timestamps, so variable frame rates are handled.
 */
public final class OneEuroFilter {
  private final double minCutoff;
  private final double beta;
  private final double derivativeCutoff;

  private boolean started;
  private double lastTime;
  private double lastDt;
  private double value;
  private double derivative;

  /**
   * @param minCutoff cutoff frequency in Hz at zero speed (lower = steadier, more lag)
   * @param beta how much the cutoff rises per unit of speed (speed in value units per second, divided by the
   *     {@code speedUnit} given to {@link #filter(double, double, double, double)})
   * @param derivativeCutoff cutoff in Hz of the low-pass applied to the speed estimate
   */
  public OneEuroFilter(double minCutoff, double beta, double derivativeCutoff) {
    if (!(minCutoff > 0) || !(derivativeCutoff > 0) || !(beta >= 0)) {
      throw new IllegalArgumentException(
          "One-Euro needs positive cutoffs and beta >= 0, got minCutoff=" + minCutoff + " beta=" + beta
              + " dCutoff=" + derivativeCutoff);
    }
    this.minCutoff = minCutoff;
    this.beta = beta;
    this.derivativeCutoff = derivativeCutoff;
  }

  /** Filters {@code x} sampled at {@code timeSeconds}, with speed measured in value units per second. */
  public double filter(double x, double timeSeconds) {
    return filter(x, timeSeconds, 1.0, 0.0);
  }

  /**
   * Filters {@code x} sampled at {@code timeSeconds}.
   *
   * <p>{@code knownMotion} is how far the signal is known to have moved since the previous sample (e.g.
   * measured by optical flow; 0 when unknown). The filter moves its state by that much before blending in
   * the new sample, so only the unexplained part of the change (measurement noise, drift) is low-passed: a
   * steady pan then costs no lag however strong the smoothing. The speed that raises the cutoff is the
   * speed of that unexplained part, divided by {@code speedUnit} so callers can express beta in a scale-free
   * unit (e.g. face sizes per second). With {@code knownMotion} 0 this is the plain One-Euro filter.
   *
   * <p>A timestamp that does not advance reuses the last positive time step (1/30 s before there is one), so
   * a duplicated timestamp never divides by zero.
   */
  public double filter(double x, double timeSeconds, double speedUnit, double knownMotion) {
    if (!started) {
      started = true;
      lastTime = timeSeconds;
      value = x;
      derivative = 0;
      return x;
    }
    double dt = timeSeconds - lastTime;
    if (dt > 0) {
      lastDt = dt;
    } else {
      dt = lastDt > 0 ? lastDt : 1.0 / 30;
    }
    lastTime = timeSeconds;
    double predicted = value + knownMotion;
    double rawDerivative = (x - predicted) / dt;
    derivative += alpha(derivativeCutoff, dt) * (rawDerivative - derivative);
    double cutoff = minCutoff + beta * Math.abs(derivative) / speedUnit;
    value = predicted + alpha(cutoff, dt) * (x - predicted);
    return value;
  }

  /** Forgets the history: the next sample passes through unchanged. */
  public void reset() {
    started = false;
    lastDt = 0;
  }

  /** Smoothing factor of an exponential low-pass with this cutoff, for this time step. */
  static double alpha(double cutoffHz, double dt) {
    double tau = 1.0 / (2 * Math.PI * cutoffHz);
    return 1.0 / (1.0 + tau / dt);
  }
}
