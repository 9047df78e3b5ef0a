package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * {@code cv::warpAffine(src, M, frameSize)} (INTER_LINEAR, BORDER_CONSTANT) evaluated only on a rectangle of
 * the destination frame, bit for bit. warpAffine rounds the source coordinates of each destination pixel to a
 * fixed-point grid (1/1024 pixel per row start and per column step, then 1/32 pixel) and then calls
 * {@code remap} with integer maps; rebuilding those maps for the full-frame coordinates of the rectangle and
 * calling {@code remap} gives the same pixels as the whole-frame warp, which a plain warp with a shifted
 * matrix would not (the rounding would fall differently).
 */
public final class RegionWarp implements AutoCloseable {
  private static final int AB_BITS = 10;
  private static final int AB_SCALE = 1 << AB_BITS;
  private static final int INTER_BITS = 5;
  private static final int INTER_TAB_SIZE = 1 << INTER_BITS;
  private static final int ROUND_DELTA = AB_SCALE / INTER_TAB_SIZE / 2;

  private final Mat xy;
  private final Mat alpha;

  /** {@code forward} maps source pixels to frame pixels, as the matrix given to warpAffine. */
  RegionWarp(AffineMatrix forward, Rect region) {
    // warpAffine inverts the forward matrix itself, with this arithmetic.
    double[] m = forward.toArray();
    double d = m[0] * m[4] - m[1] * m[3];
    d = d != 0 ? 1. / d : 0.;
    double a11 = m[4] * d;
    double a22 = m[0] * d;
    m[0] = a11;
    m[1] *= -d;
    m[3] *= -d;
    m[4] = a22;
    double b1 = -m[0] * m[2] - m[1] * m[5];
    double b2 = -m[3] * m[2] - m[4] * m[5];
    m[2] = b1;
    m[5] = b2;

    int w = region.width();
    int h = region.height();
    int[] adelta = new int[w];
    int[] bdelta = new int[w];
    for (int i = 0; i < w; i++) {
      int x = region.x() + i;
      adelta[i] = cvRound(m[0] * x * AB_SCALE);
      bdelta[i] = cvRound(m[3] * x * AB_SCALE);
    }
    short[] xyData = new short[2 * w * h];
    short[] alphaData = new short[w * h];
    for (int j = 0; j < h; j++) {
      int y = region.y() + j;
      int x0 = cvRound((m[1] * y + m[2]) * AB_SCALE) + ROUND_DELTA;
      int y0 = cvRound((m[4] * y + m[5]) * AB_SCALE) + ROUND_DELTA;
      for (int i = 0; i < w; i++) {
        int bigX = (x0 + adelta[i]) >> (AB_BITS - INTER_BITS);
        int bigY = (y0 + bdelta[i]) >> (AB_BITS - INTER_BITS);
        int k = j * w + i;
        xyData[2 * k] = saturateShort(bigX >> INTER_BITS);
        xyData[2 * k + 1] = saturateShort(bigY >> INTER_BITS);
        alphaData[k] = (short) ((bigY & (INTER_TAB_SIZE - 1)) * INTER_TAB_SIZE + (bigX & (INTER_TAB_SIZE - 1)));
      }
    }
    xy = new Mat(h, w, CV_16SC2);
    alpha = new Mat(h, w, CV_16UC1);
    MatData.put(xy, xyData);
    MatData.put(alpha, alphaData);
  }

  /** Warps {@code src} into {@code dst} (allocated with the rectangle's size and src's type). */
  void warp(Mat src, Mat dst, Scalar border) {
    remap(src, dst, xy, alpha, INTER_LINEAR, BORDER_CONSTANT, border);
  }

  /** OpenCV's {@code saturate_cast<int>(double)}: round half to even. */
  private static int cvRound(double v) {
    return (int) Math.rint(v);
  }

  private static short saturateShort(int v) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }

  @Override
  public void close() {
    xy.close();
    alpha.close();
  }
}
