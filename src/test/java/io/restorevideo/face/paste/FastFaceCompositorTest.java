package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The float32 paste with crop-space soft masks stays close to the helper-faithful one: same pixels far from
 * the face and in its middle, a small mean difference at the blended edge; with a parse mask too, and with
 * the cached mask reused for a moved face.
 */
class FastFaceCompositorTest {
  private static final int W = 640;
  private static final int H = 360;

  /** A similarity that puts the crop's centre (256, 256) on (cx, cy). */
  private static AffineMatrix centredOn(double s, double angle, double cx, double cy) {
    AffineMatrix m = FaceCompositorRegionTest.similarity(s, angle, 0, 0);
    return m.translated(cx - m.applyX(256, 256), cy - m.applyY(256, 256));
  }

  private static Mat background() {
    byte[] px = new byte[W * H * 3];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * W + x) * 3 + c] = (byte) ((x * (c + 1) + y * 2) / 4);
        }
      }
    }
    Mat m = new Mat(H, W, CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  private static int[] diff(Mat a, Mat b) {
    byte[] x = MatData.bytes(a);
    byte[] y = MatData.bytes(b);
    int[] d = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Math.abs((x[i] & 0xff) - (y[i] & 0xff));
    }
    return d;
  }

  private static int at(Mat m, int x, int y, int c) {
    return MatData.bytes(m)[(y * m.cols() + x) * 3 + c] & 0xff;
  }

  private static void check(List<FaceCompositor.Face> faces, int cx, int cy) {
    try (Mat exact = background(); Mat fast = background(); Mat before = background();
        FastFaceCompositor compositor = new FastFaceCompositor(1)) {
      new FaceCompositor(1, false).paste(exact, faces);
      compositor.paste(fast, faces);
      int[] d = diff(exact, fast);
      double mean = Arrays.stream(d).average().orElse(0);
      int max = Arrays.stream(d).max().orElse(0);
      assertTrue(mean < 0.5, "mean difference " + mean);
      assertTrue(max <= 64, "largest difference " + max);
      for (int c = 0; c < 3; c++) {
        assertEquals(at(before, 5, 5, c), at(fast, 5, 5, c), "far from the face");
        assertEquals(at(exact, cx, cy, c), at(fast, cx, cy, c), 1, "middle of the face");
      }
      assertTrue(Arrays.stream(diff(before, fast)).sum() > 0, "the face was pasted");
    }
  }

  @Test
  void squareMaskPasteIsCloseToTheExactOne() {
    try (Mat face = new Mat(512, 512, CV_8UC3, new Scalar(200, 40, 90, 0))) {
      check(List.of(new FaceCompositor.Face(face, centredOn(0.35, 0.2, 320, 180))), 320, 180);
      // same size, moved and turned: the cached mask serves
      check(List.of(new FaceCompositor.Face(face, centredOn(0.35, -0.3, 250.3, 170.6))), 250, 171);
    }
  }

  @Test
  void parseMaskLowersTheBlendAsTheExactPasteDoes() {
    Random rnd = new Random(7);
    int[] classes = new int[512 * 512];
    for (int i = 0; i < classes.length; i++) {
      int y = i / 512;
      classes[i] = y < 200 ? 17 : 1 + rnd.nextInt(2);
    }
    try (Mat face = new Mat(512, 512, CV_8UC3, new Scalar(30, 220, 140, 0));
        Mat parse = ParseMask.fromClasses(classes, 512, 512)) {
      check(List.of(new FaceCompositor.Face(face, centredOn(0.4, 0.1, 300, 190), parse)), 300, 230);
    }
  }
}
