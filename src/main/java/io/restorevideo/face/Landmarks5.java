package io.restorevideo.face;

import java.util.Arrays;

/**
 * Five facial landmarks in image pixels, in the official order: left eye, right eye, nose tip, left mouth
 * corner, right mouth corner ("left" = smaller x in the image). Immutable.
 */
public final class Landmarks5 {
  private final float[] xy;

  /** {@code xy} = x0, y0, x1, y1, ..., x4, y4. */
  public Landmarks5(float[] xy) {
    if (xy.length != 10) {
      throw new IllegalArgumentException("5 landmarks need 10 coordinates, got " + xy.length);
    }
    this.xy = xy.clone();
  }

  public float x(int i) {
    return xy[2 * i];
  }

  public float y(int i) {
    return xy[2 * i + 1];
  }

  public float[] toArray() {
    return xy.clone();
  }

  /** Distance between the two eyes (the official eye-distance filter and the jitter normaliser). */
  public double eyeDistance() {
    return Math.hypot(x(0) - x(1), y(0) - y(1));
  }

  public Landmarks5 scaled(double factor) {
    float[] out = new float[10];
    for (int i = 0; i < 10; i++) {
      out[i] = (float) (xy[i] * factor);
    }
    return new Landmarks5(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Landmarks5 l && Arrays.equals(xy, l.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "Landmarks5" + Arrays.toString(xy);
  }
}
