package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_TRANSPARENT;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Synthetic test frames: a textured background and textured "face" patches placed at sub-pixel positions.
 * A patch is {@value #PATCH_W}x{@value #PATCH_H} pixels with its 5 landmarks at fixed places inside it
 * (eye distance 40 px), so the true landmarks of every frame are known exactly.
 */
public final class SyntheticScene {
  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final int PATCH_W = 100;
  static final int PATCH_H = 120;
  /** Landmarks inside a patch: eyes, nose, mouth corners. */
  static final float[] PATCH_LANDMARKS = {30, 45, 70, 45, 50, 70, 35, 92, 65, 92};

  private SyntheticScene() {}

  /** Smooth random texture (blurred uniform noise), 8-bit BGR, reproducible from the seed. */
  static Mat texture(int width, int height, long seed, double blurSigma, int low, int high) {
    Random rnd = new Random(seed);
    try (Mat noise = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_32FC3)) {
      try (FloatIndexer idx = noise.createIndexer()) {
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            for (int c = 0; c < 3; c++) {
              idx.put(y, x, c, rnd.nextFloat());
            }
          }
        }
      }
      try (Mat blurred = new Mat(); Size k = new Size(0, 0)) {
        GaussianBlur(noise, blurred, k, blurSigma, blurSigma, BORDER_REFLECT);
        // stretch the blurred noise (which clusters near 0.5) back to the requested range
        Mat out = new Mat(height, width, CV_8UC3);
        try (FloatIndexer in = blurred.createIndexer();
            UByteIndexer o = out.createIndexer()) {
          double spread = 0.3 / Math.max(blurSigma, 0.5);
          for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
              for (int c = 0; c < 3; c++) {
                double v = 0.5 + (in.get(y, x, c) - 0.5) / (2 * spread);
                v = Math.max(0, Math.min(1, v));
                o.put(y, x, c, (int) Math.round(low + v * (high - low)));
              }
            }
          }
        }
        return out;
      }
    }
  }

  /**
   * A background for one shot: large random shapes in random colours (what survives a thumbnail, so two
   * shots differ) over fine texture (what optical flow locks onto).
   */
  static Mat background(long seed) {
    return background(seed, WIDTH, HEIGHT);
  }

  static Mat background(long seed, int width, int height) {
    Mat out = texture(width, height, seed, 3.0, 40, 200);
    Random rnd = new Random(seed);
    try (Mat shapes = new Mat(height, width, CV_8UC3, randomColour(rnd))) {
      for (int s = 0; s < 8; s++) {
        try (Scalar colour = randomColour(rnd)) {
          int x = rnd.nextInt(width);
          int y = rnd.nextInt(height);
          int r = 20 + rnd.nextInt(60);
          if (s % 2 == 0) {
            try (Point p = new Point(x, y)) {
              circle(shapes, p, r, colour, FILLED, LINE_8, 0);
            }
          } else {
            try (Rect box = new Rect(x - r, y - r / 2, 2 * r, r)) {
              rectangle(shapes, box, colour, FILLED, LINE_8, 0);
            }
          }
        }
      }
      addWeighted(shapes, 0.7, out, 0.3, 0, out);
    }
    return out;
  }

  private static Scalar randomColour(Random rnd) {
    return new Scalar(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), 0);
  }

  /** A face patch with fine texture, which the optical flow can lock onto. */
  static Mat facePatch(long seed) {
    return texture(PATCH_W, PATCH_H, seed, 1.5, 0, 255);
  }

  /** Copies {@code background} and draws each patch with its top-left corner at the given sub-pixel spot. */
  static Mat render(Mat background, List<Mat> patches, List<double[]> topLefts) {
    Mat frame = background.clone();
    for (int i = 0; i < patches.size(); i++) {
      double[] p = topLefts.get(i);
      try (Mat m = new Mat(2, 3, CV_64F);
          Size size = new Size(WIDTH, HEIGHT);
          Scalar border = new Scalar(0)) {
        try (DoubleIndexer idx = m.createIndexer()) {
          idx.put(0L, new double[] {1, 0, p[0], 0, 1, p[1]});
        }
        warpAffine(patches.get(i), frame, m, size, INTER_LINEAR, BORDER_TRANSPARENT, border);
      }
    }
    return frame;
  }

  /** True landmarks of a patch drawn at this top-left corner. */
  static Landmarks5 landmarksAt(double[] topLeft) {
    return shifted(new Landmarks5(PATCH_LANDMARKS), topLeft[0], topLeft[1]);
  }

  /** The landmarks translated by (dx, dy). */
  static Landmarks5 shifted(Landmarks5 landmarks, double dx, double dy) {
    float[] xy = landmarks.toArray();
    for (int i = 0; i < 10; i += 2) {
      xy[i] += (float) dx;
      xy[i + 1] += (float) dy;
    }
    return new Landmarks5(xy);
  }

  /** The face box the detector reports for a patch at this corner: the patch's inner area. */
  static TrackBox boxAt(double[] topLeft) {
    return new TrackBox(
        (float) topLeft[0] + 10, (float) topLeft[1] + 15, (float) topLeft[0] + 90, (float) topLeft[1] + 112);
  }

  /** Adds independent Gaussian noise of this standard deviation (pixels) to every coordinate. */
  static Landmarks5 noisy(Landmarks5 truth, double sigma, Random rnd) {
    float[] xy = truth.toArray();
    for (int i = 0; i < 10; i++) {
      xy[i] += (float) (sigma * rnd.nextGaussian());
    }
    return new Landmarks5(xy);
  }

  static List<Mat> list(Mat... mats) {
    return new ArrayList<>(List.of(mats));
  }

  static double[] at(double x, double y) {
    return new double[] {x, y};
  }
}
