package io.restorevideo.metrics;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Per-frame error figures of two 8-bit BGR images of one size, over a mask (CV_8U, non-zero = counted; null =
 * the whole picture). An empty mask gives NaN: "not measured", never 0.
 */
public final class ImageErrors {
  /** PSNR of identical images, and the most any frame reports: JSON has no infinity. */
  public static final double PSNR_CAP = 100;
  private static final double C1 = (0.01 * 255) * (0.01 * 255);
  private static final double C2 = (0.03 * 255) * (0.03 * 255);

  private ImageErrors() {}

  /** Mean absolute difference in levels (0..255), averaged over the three channels. */
  public static double meanAbs(Mat a, Mat b, Mat mask) {
    if (empty(mask)) {
      return Double.NaN;
    }
    try (Mat d = new Mat()) {
      absdiff(a, b, d);
      return channelMean(d, mask);
    }
  }

  /** Mean absolute difference of the luminance (BT.601 gray, as OpenCV converts), in levels. */
  public static double meanAbsLuma(Mat a, Mat b, Mat mask) {
    if (empty(mask)) {
      return Double.NaN;
    }
    try (Mat ga = gray(a); Mat gb = gray(b); Mat d = new Mat()) {
      absdiff(ga, gb, d);
      return channelMean(d, mask);
    }
  }

  /** Peak signal-to-noise ratio in dB (peak 255), at most {@link #PSNR_CAP}. */
  public static double psnr(Mat a, Mat b, Mat mask) {
    if (empty(mask)) {
      return Double.NaN;
    }
    double mse;
    try (Mat d = new Mat(); Mat f = new Mat(); Mat sq = new Mat()) {
      absdiff(a, b, d);
      d.convertTo(f, CV_32F);
      multiply(f, f, sq);
      mse = channelMean(sq, mask);
    }
    if (mse == 0) {
      return PSNR_CAP;
    }
    return Math.min(PSNR_CAP, 10 * Math.log10(255.0 * 255.0 / mse));
  }

  /**
   * Structural similarity of the luminance (Wang et al. 2004: Gaussian window 11, sigma 1.5, K1 0.01, K2 0.03),
   * the mean of its map over the mask.
   */
  public static double ssim(Mat a, Mat b, Mat mask) {
    if (empty(mask)) {
      return Double.NaN;
    }
    try (Mat ga = gray(a); Mat gb = gray(b); Mat x = new Mat(); Mat y = new Mat(); Size win = new Size(11, 11)) {
      ga.convertTo(x, CV_32F);
      gb.convertTo(y, CV_32F);
      try (Mat mx = blur(x, win); Mat my = blur(y, win); Mat xx = times(x, x); Mat yy = times(y, y);
          Mat xy = times(x, y); Mat sxx = blur(xx, win); Mat syy = blur(yy, win); Mat sxy = blur(xy, win);
          Mat map = new Mat(x.rows(), x.cols(), CV_32F)) {
        var imx = mx.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        var imy = my.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        var ixx = sxx.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        var iyy = syy.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        var ixy = sxy.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        var out = map.<org.bytedeco.javacpp.indexer.FloatIndexer>createIndexer();
        for (int r = 0; r < x.rows(); r++) {
          for (int c = 0; c < x.cols(); c++) {
            double ux = imx.get(r, c);
            double uy = imy.get(r, c);
            double vx = ixx.get(r, c) - ux * ux;
            double vy = iyy.get(r, c) - uy * uy;
            double cxy = ixy.get(r, c) - ux * uy;
            double s = ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
            out.put(r, c, (float) s);
          }
        }
        for (var idx : new org.bytedeco.javacpp.indexer.Indexer[] {imx, imy, ixx, iyy, ixy, out}) {
          idx.release();
        }
        return channelMean(map, mask);
      }
    }
  }

  static Mat gray(Mat bgr) {
    Mat g = new Mat();
    cvtColor(bgr, g, COLOR_BGR2GRAY);
    return g;
  }

  private static Mat blur(Mat m, Size win) {
    Mat out = new Mat();
    GaussianBlur(m, out, win, 1.5);
    return out;
  }

  private static Mat times(Mat a, Mat b) {
    Mat out = new Mat();
    multiply(a, b, out);
    return out;
  }

  private static boolean empty(Mat mask) {
    return mask != null && countNonZero(mask) == 0;
  }

  private static double channelMean(Mat m, Mat mask) {
    try (Scalar s = mask == null ? mean(m) : mean(m, mask)) {
      double sum = 0;
      for (int c = 0; c < m.channels(); c++) {
        sum += s.get(c);
      }
      return sum / m.channels();
    }
  }
}
