package io.restorevideo.face.paste;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The rectangles the fast paste reports are all it changed (the encoder re-converts only those): random
 * canvases, faces turned and scaled, in the middle, over an edge and off the frame, with and without a parse
 * mask; every pixel outside the reported rectangles keeps its value, and each rectangle lies in the frame.
 */
class FastFaceCompositorRegionsTest {
  private static final int W = 640;
  private static final int H = 360;

  private static Mat noise(Random rnd, int w, int h) {
    byte[] px = new byte[w * h * 3];
    rnd.nextBytes(px);
    Mat m = new Mat(h, w, CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  private static AffineMatrix centredOn(double s, double angle, double cx, double cy) {
    AffineMatrix m = FaceCompositorRegionTest.similarity(s, angle, 0, 0);
    return m.translated(cx - m.applyX(256, 256), cy - m.applyY(256, 256));
  }

  @Test
  void nothingOutsideTheReportedRectanglesChanges() {
    Random rnd = new Random(11);
    int[] classes = new int[512 * 512];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = i / 512 < 150 ? 17 : 1 + rnd.nextInt(3);
    }
    double[][] placements = {{0.3, 0.2, 320, 180}, {0.5, -0.7, 20, 340}, {0.25, 1.2, 630.5, 10.2},
        {0.4, 0, 900, 180}};
    try (Mat face = noise(rnd, 512, 512); Mat parse = ParseMask.fromClasses(classes, 512, 512);
        FastFaceCompositor compositor = new FastFaceCompositor(1)) {
      for (boolean withParse : new boolean[] {false, true}) {
        List<FaceCompositor.Face> faces = new ArrayList<>();
        for (double[] p : placements) {
          AffineMatrix m = centredOn(p[0], p[1], p[2], p[3]);
          faces.add(withParse ? new FaceCompositor.Face(face, m, parse) : new FaceCompositor.Face(face, m));
        }
        try (Mat before = noise(rnd, W, H); Mat canvas = before.clone()) {
          compositor.paste(canvas, faces);
          boolean[] declared = new boolean[W * H];
          int[] count = {0};
          compositor.pastedRegions((x, y, w, h) -> {
            count[0]++;
            assertTrue(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= W && y + h <= H, "in the frame");
            for (int yy = y; yy < y + h; yy++) {
              for (int xx = x; xx < x + w; xx++) {
                declared[yy * W + xx] = true;
              }
            }
          });
          // the face off the frame pastes nothing
          assertEquals(3, count[0], "rectangles");
          byte[] a = MatData.bytes(before);
          byte[] b = MatData.bytes(canvas);
          int changedInside = 0;
          for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
              assertTrue(declared[i / 3], "pixel " + (i / 3 % W) + "," + (i / 3 / W) + " changed outside");
              changedInside++;
            }
          }
          assertTrue(changedInside > 1000, "the faces were pasted");
        }
      }
    }
  }
}
