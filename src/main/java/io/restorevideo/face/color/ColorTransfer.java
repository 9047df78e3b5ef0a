package io.restorevideo.face.color;

/**
 * {@code adain_npy} without its failure modes: per channel, the content is normalised by its mean and
 * standard deviation (variance + 1e-5, as {@code calc_mean_std}) and given the style's. The official function
 * returns unbounded float64 that the helper later casts to uint8 (wrapping around) or, once any value exceeds
 * 256, turns the whole output into a 16-bit image that displays as black; this happens on near-flat faces such
 * as black or gray frames. Here the arithmetic is in float64, a flat content channel (zero deviation) maps to
 * the style's mean, and the result is clamped to [0, 255].
 */
public final class ColorTransfer {
  private static final double EPS = 1e-5;

  private ColorTransfer() {}

  /**
   * @param content interleaved 3-channel values (e.g. a gray restored face)
   * @param style interleaved 3-channel 8-bit pixels (the input crop), any pixel count
   * @return content with the style's per-channel mean and deviation, in [0, 255]
   */
  public static double[] adain(double[] content, byte[] style) {
    if (content.length % 3 != 0 || style.length % 3 != 0 || content.length == 0 || style.length == 0) {
      throw new IllegalArgumentException("expected non-empty 3-channel arrays");
    }
    double[] styleValues = new double[style.length];
    for (int i = 0; i < style.length; i++) {
      styleValues[i] = style[i] & 0xff;
    }
    double[] out = new double[content.length];
    for (int c = 0; c < 3; c++) {
      double[] cs = meanStd(content, c);
      double[] ss = meanStd(styleValues, c);
      for (int i = c; i < content.length; i += 3) {
        double centred = content[i] - cs[0];
        double normalised = centred == 0 ? 0 : centred / cs[1];
        double v = normalised * ss[1] + ss[0];
        out[i] = Double.isFinite(v) ? Math.max(0, Math.min(255, v)) : Math.max(0, Math.min(255, ss[0]));
      }
    }
    return out;
  }

  /** Mean and {@code sqrt(var + 1e-5)} of channel {@code c}. */
  private static double[] meanStd(double[] v, int c) {
    int n = v.length / 3;
    double sum = 0;
    for (int i = c; i < v.length; i += 3) {
      sum += v[i];
    }
    double mean = sum / n;
    double sq = 0;
    for (int i = c; i < v.length; i += 3) {
      double d = v[i] - mean;
      sq += d * d;
    }
    return new double[] {mean, Math.sqrt(sq / n + EPS)};
  }
}
