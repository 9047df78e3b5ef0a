package io.restorevideo.face.color;

import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The helper's grayscale handling: {@code is_gray} decides per image, and a gray image's restored faces are
 * turned gray ({@code bgr2gray}) and given the input crop's colour statistics ({@link ColorTransfer}).
 */
public final class Grayscale {
  /** {@code read_image} and {@code inference_codeformer.py} use 10. */
  public static final double DEFAULT_THRESHOLD = 10;

  private Grayscale() {}

  /**
   * {@code is_gray}: the mean over the three channel pairs of the variance of their per-pixel difference is at
   * most {@code threshold}. One-channel images are gray.
   */
  public static boolean isGray(Mat bgr, double threshold) {
    if (bgr.channels() == 1) {
      return true;
    }
    requireBgr(bgr);
    byte[] px = bytes(bgr);
    int n = px.length / 3;
    double v01 = differenceVariance(px, n, 0, 1);
    double v12 = differenceVariance(px, n, 1, 2);
    double v20 = differenceVariance(px, n, 2, 0);
    return (v01 + v12 + v20) / 3.0 <= threshold;
  }

  /** {@code bgr2gray}: {@code 0.2989 R + 0.5870 G + 0.1140 B} in float64, per pixel, the same on all channels. */
  public static double[] toGray(Mat bgr) {
    requireBgr(bgr);
    byte[] px = bytes(bgr);
    double[] out = new double[px.length];
    for (int i = 0; i < px.length; i += 3) {
      double g = 0.2989 * (px[i + 2] & 0xff) + 0.5870 * (px[i + 1] & 0xff) + 0.1140 * (px[i] & 0xff);
      out[i] = g;
      out[i + 1] = g;
      out[i + 2] = g;
    }
    return out;
  }

  /**
   * {@code add_restored_face} for a gray input image: the restored face made gray and, when the input crop is
   * given, coloured like it. Returned as 8-bit (the helper keeps float64 until the paste; rounding here moves
   * a pixel by at most half a level).
   */
  public static Mat restoredFaceForGrayInput(Mat restored, Mat inputCrop) {
    double[] gray = toGray(restored);
    double[] out = inputCrop == null ? gray : ColorTransfer.adain(gray, bytes(inputCrop));
    byte[] px = new byte[out.length];
    for (int i = 0; i < out.length; i++) {
      px[i] = (byte) Math.rint(Math.max(0, Math.min(255, out[i])));
    }
    Mat m = new Mat(restored.rows(), restored.cols(), CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  private static double differenceVariance(byte[] px, int n, int c1, int c2) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (px[3 * i + c1] & 0xff) - (px[3 * i + c2] & 0xff);
    }
    double mean = sum / n;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double d = (px[3 * i + c1] & 0xff) - (px[3 * i + c2] & 0xff) - mean;
      sq += d * d;
    }
    return sq / n;
  }

  private static void requireBgr(Mat m) {
    if (m.type() != CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit BGR image (CV_8UC3)");
    }
  }

  private static byte[] bytes(Mat m) {
    requireBgr(m);
    if (m.isContinuous()) {
      return MatData.bytes(m);
    }
    try (Mat c = m.clone()) {
      return MatData.bytes(c);
    }
  }
}
