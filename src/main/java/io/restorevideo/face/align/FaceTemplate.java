package io.restorevideo.face.align;

import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The 5-point FFHQ face template the official helper aligns to, and the size of the aligned crop.
 * Points are in the official landmark order (left eye, right eye, nose, left and right mouth corner).
 */
public final class FaceTemplate {
  /** facexlib's template for a 512x512 face. */
  private static final double[][] FFHQ_512 = {
      {192.98138, 239.94708}, {318.90277, 240.1936}, {256.63416, 314.01935},
      {201.26117, 371.41043}, {313.08905, 371.15118}};

  private final double[] xy;
  private final int width;
  private final int height;

  private FaceTemplate(double[] xy, int width, int height) {
    this.xy = xy;
    this.width = width;
    this.height = height;
  }

  /** The official default: 512x512. */
  public static FaceTemplate ffhq512() {
    return ffhq(512, 1, 1);
  }

  /**
   * The template scaled to {@code faceSize} and padded by {@code cropRatioH}, {@code cropRatioW} (both >= 1),
   * as {@code FaceRestoreHelper.__init__}: crop size {@code int(faceSize * ratio)}, points shifted by
   * {@code faceSize * (ratio - 1) / 2}.
   */
  public static FaceTemplate ffhq(int faceSize, double cropRatioH, double cropRatioW) {
    if (faceSize <= 0 || cropRatioH < 1 || cropRatioW < 1) {
      throw new IllegalArgumentException("face size must be > 0 and crop ratios >= 1");
    }
    double[] xy = new double[10];
    for (int i = 0; i < 5; i++) {
      xy[2 * i] = FFHQ_512[i][0] * (faceSize / 512.0);
      xy[2 * i + 1] = FFHQ_512[i][1] * (faceSize / 512.0);
      if (cropRatioH > 1) {
        xy[2 * i + 1] += faceSize * (cropRatioH - 1) / 2;
      }
      if (cropRatioW > 1) {
        xy[2 * i] += faceSize * (cropRatioW - 1) / 2;
      }
    }
    return new FaceTemplate(xy, (int) (faceSize * cropRatioW), (int) (faceSize * cropRatioH));
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public double x(int i) {
    return xy[2 * i];
  }

  public double y(int i) {
    return xy[2 * i + 1];
  }

  /** 5x1 CV_32FC2: {@code estimateAffinePartial2D} converts its points to float32 anyway. */
  Mat toPoints() {
    float[] v = new float[10];
    for (int i = 0; i < 10; i++) {
      v[i] = (float) xy[i];
    }
    Mat out = new Mat(5, 1, CV_32FC2);
    MatData.put(out, v);
    return out;
  }
}
