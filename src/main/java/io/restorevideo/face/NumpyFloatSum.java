package io.restorevideo.face;

/**
 * {@code np.sum} of a C-contiguous float32 image that is zero outside one rectangle, computed from that
 * rectangle alone. NumPy sums float32 pairwise over the flattened array (blocks of at most 128 elements with
 * 8 running partial sums, halves split at multiples of 8); the grouping depends on each element's flat index
 * in the whole frame, so the frame width takes part even though zeros add nothing. Used for the paste mask's
 * area, whose square root sets the blend edge width.
 */
public final class NumpyFloatSum {
  private static final int BLOCK = 128;

  private final float[] values;
  private final int frameWidth;
  private final int x0;
  private final int y0;
  private final int width;
  private final int height;

  private NumpyFloatSum(float[] values, int frameWidth, int x0, int y0, int width, int height) {
    this.values = values;
    this.frameWidth = frameWidth;
    this.x0 = x0;
    this.y0 = y0;
    this.width = width;
    this.height = height;
  }

  /**
   * @param region row-major values of the rectangle ({@code width x height}) at {@code (x0, y0)}
   * @param frameWidth width of the whole (virtual) frame, whose height is {@code frameHeight}
   */
  public static float sum(float[] region, int x0, int y0, int width, int height, int frameWidth, int frameHeight) {
    if (region.length != width * height) {
      throw new IllegalArgumentException("region holds " + region.length + " values, expected " + width * height);
    }
    NumpyFloatSum s = new NumpyFloatSum(region, frameWidth, x0, y0, width, height);
    return 0f + s.pairwise(0, (long) frameWidth * frameHeight);
  }

  private float pairwise(long start, long n) {
    if (width == 0 || height == 0 || start + n <= first() || start > last()) {
      return 0f;
    }
    if (n <= BLOCK) {
      return leaf(start, n);
    }
    long n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(start, n2) + pairwise(start + n2, n - n2);
  }

  private long first() {
    return (long) y0 * frameWidth + x0;
  }

  private long last() {
    return (long) (y0 + height - 1) * frameWidth + x0 + width - 1;
  }

  /**
   * One block: 8 interleaved partial sums over the largest multiple of 8 (none below 8 elements), combined
   * as a tree, then the rest added in order. Only the rectangle's elements are visited: adding the zeros
   * around it would leave every partial sum unchanged.
   */
  private float leaf(long start, long n) {
    long end = start + n;
    long unrolledEnd = n < 8 ? start : end - n % 8;
    float[] r = new float[8];
    forEachInRange(start, end, (flat, v) -> {
      if (flat < unrolledEnd) {
        r[(int) ((flat - start) % 8)] += v;
      }
    });
    float[] res = {((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))};
    forEachInRange(Math.max(start, unrolledEnd), end, (flat, v) -> res[0] += v);
    return res[0];
  }

  private interface Visitor {
    void accept(long flat, float value);
  }

  /** Visits the rectangle's elements whose flat index lies in [from, to), in index order. */
  private void forEachInRange(long from, long to, Visitor visitor) {
    if (from >= to) {
      return;
    }
    long firstRow = Math.max(from / frameWidth, y0);
    long lastRow = Math.min((to - 1) / frameWidth, y0 + height - 1);
    for (long y = firstRow; y <= lastRow; y++) {
      long rowStart = y * frameWidth;
      long a = Math.max(from, rowStart + x0);
      long b = Math.min(to, rowStart + x0 + width);
      int base = (int) ((y - y0) * width - x0 - rowStart);
      for (long flat = a; flat < b; flat++) {
        visitor.accept(flat, values[(int) (base + flat)]);
      }
    }
  }
}
