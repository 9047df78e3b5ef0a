package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.createHanningWindow;
import static org.bytedeco.opencv.global.opencv_imgproc.phaseCorrelate;

import io.restorevideo.face.AffineMatrix;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What the alignment matrices missed between a face's crop and its previous crop: the tracker's landmarks
 * are smoothed, so on a moving face they lag, and the crops then differ by a shift and a little zoom and roll
 * of the whole face (at 640x512 with the tiny detector, a sixth of the crop). Taken out before the per-pixel
 * flow, this leaves the flow a small residual (so a large per-pixel flow can still be refused as a mismatch,
 * a dark opened mouth matched to a nostril) and lets the agreement judge the face instead of the lag.
 *
 * <p>Two estimates, each a map from a pixel of the current crop to the same content in the other: a shift by
 * phase correlation (finds a large shift in one step, from all the pixels at once), and a similarity fitted
 * with RANSAC to the forward-backward consistent vectors of the dense flow (zoom and roll, to a pixel). Both
 * answer null when the motion is negligible (a still face is then copied, not resampled) or implausible.
 */
final class ResidualMotion {
  /** Grid step (small-crop pixels) of the flow vectors the similarity is fitted to. */
  private static final int STEP = 2;
  /** RANSAC's inlier distance, small-crop pixels. */
  private static final double INLIER = 1.0;
  /** Share of the sampled vectors that must be consistent for a fit to be tried. */
  private static final double MIN_CONSISTENT = 0.1;
  /** Share of the consistent vectors that must be inliers of the fit. */
  private static final double MIN_INLIERS = 0.3;
  /** Largest zoom and roll (radians) taken as a residual of the alignment. */
  private static final double MAX_ZOOM = 0.15;
  private static final double MAX_ROLL = 0.15;

  private ResidualMotion() {}

  /**
   * The shift from {@code current} to {@code other} (8-bit gray, same size) by Hanning-windowed phase
   * correlation; null when under {@code negligible} or over {@code maxShift} pixels.
   */
  static AffineMatrix shift(Mat current, Mat other, double negligible, double maxShift) {
    try (Mat a = new Mat(); Mat b = new Mat(); Mat window = new Mat();
        Size size = new Size(current.cols(), current.rows())) {
      current.convertTo(a, CV_32F);
      other.convertTo(b, CV_32F);
      createHanningWindow(window, size, CV_32F);
      try (Point2d p = phaseCorrelate(b, a, window, new double[1])) {
        double d = Math.hypot(p.x(), p.y());
        return d < negligible || d > maxShift ? null : AffineMatrix.of(1, 0, -p.x(), 0, 1, -p.y());
      }
    }
  }

  /**
   * The similarity the dense flow {@code forward} (current to other, CV_32FC2) describes, fitted to its
   * vectors that {@code backward} brings back; null when too few agree, when it moves no corner of the crop by
   * {@code negligible} pixels, or when it zooms, rolls or shifts the centre (over {@code maxShift}) too much.
   */
  static AffineMatrix fit(Mat forward, Mat backward, double negligible, double maxShift) {
    int w = forward.cols();
    int h = forward.rows();
    int sampled = ((w + STEP - 1) / STEP) * ((h + STEP - 1) / STEP);
    float[] from = new float[2 * sampled];
    float[] to = new float[2 * sampled];
    int n = 0;
    try (FloatIndexer f = forward.createIndexer(); FloatIndexer b = backward.createIndexer()) {
      for (int y = 0; y < h; y += STEP) {
        for (int x = 0; x < w; x += STEP) {
          float fx = f.get(y, x, 0);
          float fy = f.get(y, x, 1);
          if (TemporalFusion.consistent(b, x, y, fx, fy, w, h)) {
            from[2 * n] = x;
            from[2 * n + 1] = y;
            to[2 * n] = x + fx;
            to[2 * n + 1] = y + fy;
            n++;
          }
        }
      }
    }
    if (n < MIN_CONSISTENT * sampled) {
      return null;
    }
    AffineMatrix m;
    try (Mat a = points(from, n); Mat c = points(to, n); Mat inliers = new Mat();
        Mat fitted = estimateAffinePartial2D(a, c, inliers, RANSAC, INLIER, 2000, 0.99, 10)) {
      if (fitted.empty() || countNonZero(inliers) < MIN_INLIERS * n) {
        return null;
      }
      m = AffineMatrix.fromMat(fitted);
    }
    double zoom = Math.hypot(m.get(0, 0), m.get(1, 0));
    double roll = Math.atan2(m.get(1, 0), m.get(0, 0));
    double cx = m.applyX(w / 2.0, h / 2.0) - w / 2.0;
    double cy = m.applyY(w / 2.0, h / 2.0) - h / 2.0;
    if (Math.abs(zoom - 1) > MAX_ZOOM || Math.abs(roll) > MAX_ROLL || Math.hypot(cx, cy) > maxShift) {
      return null;
    }
    double most = 0;
    for (double[] p : new double[][] {{0, 0}, {w, 0}, {0, h}, {w, h}}) {
      most = Math.max(most, Math.hypot(m.applyX(p[0], p[1]) - p[0], m.applyY(p[0], p[1]) - p[1]));
    }
    return most < negligible ? null : m;
  }

  private static Mat points(float[] xy, int n) {
    Mat m = new Mat(n, 1, CV_32FC2);
    try (FloatIndexer idx = m.createIndexer()) {
      for (int i = 0; i < n; i++) {
        idx.put(i, 0, 0, xy[2 * i]);
        idx.put(i, 0, 1, xy[2 * i + 1]);
      }
    }
    return m;
  }
}
