package io.restorevideo.face;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A 2x3 affine matrix in double precision, row-major {@code [a b tx; c d ty]}, mapping (x, y) to
 * (a x + b y + tx, c x + d y + ty). Immutable.
 */
public final class AffineMatrix {
  private final double[] m;

  private AffineMatrix(double[] m) {
    this.m = m;
  }

  /** {@code m} = a, b, tx, c, d, ty. */
  public static AffineMatrix of(double... m) {
    if (m.length != 6) {
      throw new IllegalArgumentException("a 2x3 affine matrix needs 6 values, got " + m.length);
    }
    return new AffineMatrix(m.clone());
  }

  /** Reads a 2x3 matrix of any depth (OpenCV returns CV_64F). */
  public static AffineMatrix fromMat(Mat mat) {
    if (mat.rows() != 2 || mat.cols() != 3 || mat.channels() != 1) {
      throw new IllegalArgumentException("not a 2x3 matrix: " + mat.rows() + "x" + mat.cols());
    }
    double[] v = new double[6];
    try (Mat d = new Mat()) {
      mat.convertTo(d, CV_64F);
      DoubleIndexer idx = d.createIndexer();
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) {
          v[3 * r + c] = idx.get(r, c);
        }
      }
      idx.release();
    }
    return new AffineMatrix(v);
  }

  public Mat toMat() {
    Mat out = new Mat(2, 3, CV_64F);
    DoubleIndexer idx = out.createIndexer();
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        idx.put(r, c, m[3 * r + c]);
      }
    }
    idx.release();
    return out;
  }

  /** Element at row r (0..1), column c (0..2). */
  public double get(int r, int c) {
    return m[3 * r + c];
  }

  public double[] toArray() {
    return m.clone();
  }

  /** The same arithmetic as {@code cv::invertAffineTransform} (a singular matrix gives zeros, as there). */
  public AffineMatrix invert() {
    double det = m[0] * m[4] - m[1] * m[3];
    det = det != 0 ? 1. / det : 0.;
    double a11 = m[4] * det;
    double a22 = m[0] * det;
    double a12 = -m[1] * det;
    double a21 = -m[3] * det;
    double b1 = -a11 * m[2] - a12 * m[5];
    double b2 = -a21 * m[2] - a22 * m[5];
    return new AffineMatrix(new double[] {a11, a12, b1, a21, a22, b2});
  }

  /** Every element times {@code f} (numpy's {@code matrix *= f}). */
  public AffineMatrix times(double f) {
    double[] v = new double[6];
    for (int i = 0; i < 6; i++) {
      v[i] = m[i] * f;
    }
    return new AffineMatrix(v);
  }

  /** Adds {@code dx}, {@code dy} to the translation column. */
  public AffineMatrix translated(double dx, double dy) {
    return new AffineMatrix(new double[] {m[0], m[1], m[2] + dx, m[3], m[4], m[5] + dy});
  }

  /** Linear part divided by {@code f}, translation times {@code f}, in that order (the face-upsampler path). */
  public AffineMatrix linearDividedTranslationTimes(double f) {
    return new AffineMatrix(new double[] {m[0] / f, m[1] / f, m[2] / f * f, m[3] / f, m[4] / f, m[5] / f * f});
  }

  public double applyX(double x, double y) {
    return m[0] * x + m[1] * y + m[2];
  }

  public double applyY(double x, double y) {
    return m[3] * x + m[4] * y + m[5];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AffineMatrix a && Arrays.equals(m, a.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "AffineMatrix" + Arrays.toString(m);
  }
}
