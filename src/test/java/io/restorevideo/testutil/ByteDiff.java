package io.restorevideo.testutil;

/** Compares two 8-bit images given as raw bytes: the largest level difference and how many values differ. */
public record ByteDiff(int max, int count, int total) {
  public static ByteDiff of(byte[] expected, byte[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError("sizes differ: " + expected.length + " vs " + actual.length);
    }
    int max = 0;
    int count = 0;
    for (int i = 0; i < expected.length; i++) {
      int d = Math.abs((expected[i] & 0xff) - (actual[i] & 0xff));
      max = Math.max(max, d);
      count += d != 0 ? 1 : 0;
    }
    return new ByteDiff(max, count, expected.length);
  }

  /** As {@link #of(byte[], byte[])} for two 8-bit Mats of one shape. */
  public static ByteDiff of(org.bytedeco.opencv.opencv_core.Mat expected, org.bytedeco.opencv.opencv_core.Mat actual) {
    return of(bytes(expected), bytes(actual));
  }

  private static byte[] bytes(org.bytedeco.opencv.opencv_core.Mat m) {
    try (org.bytedeco.opencv.opencv_core.Mat c = m.clone()) {
      byte[] out = new byte[Math.toIntExact(c.total() * c.channels())];
      c.data().get(out);
      return out;
    }
  }

  /** The README's restored_u8 tolerance: at most one level, at most 0.5% of the values. */
  public boolean withinOneLevelOnHalfPercent() {
    return max <= 1 && count <= total * 0.005;
  }
}
