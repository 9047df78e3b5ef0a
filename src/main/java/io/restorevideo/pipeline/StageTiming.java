package io.restorevideo.pipeline;

/**
 * Busy time and frame count of one stage, read after the job. A stage run by several workers adds the busy
 * time of each (so its seconds can exceed the job's wall time).
 */
public final class StageTiming {
  private final String name;
  private volatile long nanos;
  private volatile long frames;

  StageTiming(String name) {
    this.name = name;
  }

  synchronized void add(long dt, long n) {
    nanos += dt;
    frames += n;
  }

  public String name() {
    return name;
  }

  public double seconds() {
    return nanos / 1e9;
  }

  /** Milliseconds of busy time per frame. */
  public double msPerFrame() {
    return frames == 0 ? 0 : nanos / 1e6 / frames;
  }
}
