package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** The region warp equals the whole-frame cv::warpAffine on every pixel of the region, for every depth used. */
class RegionWarpTest {
  private static final AffineMatrix[] PASTE = {
      PasteAffine.forPaste(AffineMatrix.of(4.0853806, 0.070009433, -563.23682, -0.070009433, 4.0853806, -405.93106), 1),
      PasteAffine.forPaste(AffineMatrix.of(5.2491384, -0.099698015, -3124.6140, 0.099698015, 5.2491384, -762.81549), 2),
      // a rotated, non-uniform case
      AffineMatrix.of(0.731, -0.402, 311.37, 0.391, 0.688, -20.77)};

  @Test
  void regionMatchesWholeFrame() {
    Random rnd = new Random(7);
    byte[] px = new byte[512 * 512 * 3];
    rnd.nextBytes(px);
    float[] fl = new float[512 * 512];
    double[] db = new double[512 * 512];
    for (int i = 0; i < fl.length; i++) {
      fl[i] = rnd.nextFloat();
      db[i] = rnd.nextDouble();
    }
    try (Mat src8 = new Mat(512, 512, CV_8UC3); Mat src32 = new Mat(512, 512, CV_32FC1);
        Mat src64 = new Mat(512, 512, CV_64FC1)) {
      MatData.put(src8, px);
      MatData.put(src32, fl);
      MatData.put(src64, db);
      for (AffineMatrix fwd : PASTE) {
        int w = 960 * 2;
        int h = 540 * 2;
        for (Mat src : new Mat[] {src8, src32, src64}) {
          try (Mat full = new Mat(); Mat m = fwd.toMat(); Scalar zero = new Scalar(0.0)) {
            warpAffine(src, full, m, new Size(w, h), INTER_LINEAR, BORDER_CONSTANT, zero);
            // the face's footprint with odd margins, then random rectangles anywhere
            int fx = (int) Math.max(0, Math.min(fwd.applyX(0, 0), fwd.applyX(0, 512)) - 3);
            int fy = (int) Math.max(0, Math.min(fwd.applyY(0, 0), fwd.applyY(512, 0)) - 5);
            for (int t = 0; t < 6; t++) {
              int x = t < 2 ? fx + t : rnd.nextInt(w - 10);
              int y = t < 2 ? fy : rnd.nextInt(h - 10);
              Rect r = t < 2 ? new Rect(x, y, 300 + 7 * t, 301) : new Rect(x, y, 1 + rnd.nextInt(w - x), 1 + rnd.nextInt(h - y));
              try (RegionWarp rw = new RegionWarp(fwd, r); Mat part = new Mat(r.height(), r.width(), src.type());
                  Mat expected = new Mat(full, r).clone()) {
                rw.warp(src, part, zero);
                if (t < 2) {
                  assertTrue(countNonZero(part.reshape(1, 0)) > 10000, "footprint inside the rectangle");
                }
                if (src == src8) {
                  assertArrayEquals(MatData.bytes(expected), MatData.bytes(part));
                } else if (src == src32) {
                  assertArrayEquals(MatData.floats(expected), MatData.floats(part));
                } else {
                  assertArrayEquals(MatData.doubles(expected), MatData.doubles(part));
                }
              }
            }
          }
        }
      }
    }
  }
}
