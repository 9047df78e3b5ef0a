package io.restorevideo.face.paste;

import static org.bytedeco.opencv.global.opencv_core.CMP_LT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import io.restorevideo.face.AffineMatrix;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Where a face's blend weight is 1: there the float32 blend gives the warped face itself, so the paste can warp
 * the face straight into the frame and blend only the band around it (about 40 % of a face's footprint with the
 * helper's soft mask, less where the parse mask cuts deeper).
 *
 * <p>Inside means a weight of at least {@value #FULL}: the blend of an 8-bit warped face {@code v} over a
 * background {@code b} is then {@code v + (b - v)(1 - w)}, less than half a level from {@code v}, so it rounds to
 * {@code v} exactly as a warp does. In the crop, the interior is the largest square centred on the crop whose
 * weights are all that high; in the frame, the largest axis-aligned rectangle whose every pixel's bilinear
 * footprint (the inverse-mapped point and its right and lower neighbours, with a margin for warpAffine's
 * fixed-point coordinates) falls in that square.
 */
final class PasteInterior {
  static final double FULL = 1 - 1.0 / 1024;
  /** Crop pixels kept clear of the square's edge: warpAffine rounds source positions to 1/32 pixel. */
  private static final double MARGIN = 0.1;

  private PasteInterior() {}

  /** A square of crop pixels, {@code [x0, x1] x [y0, y1]} inclusive. */
  record CropSquare(int x0, int y0, int x1, int y1) {}

  /**
   * The largest square centred on the crop where {@code mask} (CV_32FC1, crop-sized) is at least
   * {@link #FULL}, or null when even its centre pixel is below.
   */
  static CropSquare of(Mat mask) {
    int w = mask.cols();
    int h = mask.rows();
    // a parse-masked face asks this on every frame: a byte map and a few counts, no float sums
    try (Mat below = new Mat(); Mat full = new Mat(1, 1, CV_32FC1, new Scalar(FULL))) {
      compare(mask, full, below, CMP_LT);
      int cx = (w - 1) / 2;
      int cy = (h - 1) / 2;
      int lo = -1;
      int hi = Math.min(Math.min(cx, cy), Math.min(w - 1 - cx, h - 1 - cy));
      // a centred square's low weights only grow in number with its half-side: bisect the largest without any
      while (lo < hi) {
        int k = (lo + hi + 1) / 2;
        try (Rect square = new Rect(cx - k, cy - k, 2 * k + 1, 2 * k + 1); Mat roi = new Mat(below, square)) {
          if (countNonZero(roi) == 0) {
            lo = k;
          } else {
            hi = k - 1;
          }
        }
      }
      return lo < 0 ? null : new CropSquare(cx - lo, cy - lo, cx + lo, cy + lo);
    }
  }

  /**
   * The rectangle of {@code region} (frame coordinates) whose pixels the crop-to-frame {@code forward}
   * matrix draws from inside {@code square} only, or null when there is none worth the split.
   */
  static Rect inFrame(CropSquare square, AffineMatrix forward, Rect region) {
    if (square == null) {
      return null;
    }
    AffineMatrix back = forward.invert();
    double lo = square.x0() + MARGIN;
    double hiX = square.x1() - 1 - MARGIN;
    double loY = square.y0() + MARGIN;
    double hiY = square.y1() - 1 - MARGIN;
    if (hiX <= lo || hiY <= loY) {
      return null;
    }
    double ccx = (lo + hiX) / 2;
    double ccy = (loY + hiY) / 2;
    double fx = forward.applyX(ccx, ccy);
    double fy = forward.applyY(ccx, ccy);
    // an axis-aligned square inscribed in the turned and scaled crop square
    double a = Math.abs(back.get(0, 0)) + Math.abs(back.get(0, 1));
    double b = Math.abs(back.get(1, 0)) + Math.abs(back.get(1, 1));
    double half = Math.min((hiX - lo) / 2 / Math.max(a, 1e-9), (hiY - loY) / 2 / Math.max(b, 1e-9));
    int x0 = Math.max(region.x(), (int) Math.ceil(fx - half));
    int y0 = Math.max(region.y(), (int) Math.ceil(fy - half));
    int x1 = Math.min(region.x() + region.width() - 1, (int) Math.floor(fx + half));
    int y1 = Math.min(region.y() + region.height() - 1, (int) Math.floor(fy + half));
    // the rectangle's image is convex: its four corner pixels inside means all of it is
    while (x1 - x0 >= 8 && y1 - y0 >= 8) {
      if (inside(back, x0, y0, lo, hiX, loY, hiY) && inside(back, x1, y0, lo, hiX, loY, hiY)
          && inside(back, x0, y1, lo, hiX, loY, hiY) && inside(back, x1, y1, lo, hiX, loY, hiY)) {
        return new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
      }
      x0++;
      y0++;
      x1--;
      y1--;
    }
    return null;
  }

  private static boolean inside(AffineMatrix back, int x, int y, double lo, double hiX, double loY, double hiY) {
    double u = back.applyX(x, y);
    double v = back.applyY(x, y);
    return u >= lo && u <= hiX && v >= loY && v <= hiY;
  }
}
