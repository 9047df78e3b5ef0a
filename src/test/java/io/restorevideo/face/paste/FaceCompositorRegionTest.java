package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import io.restorevideo.face.NumpyFloatSum;
import io.restorevideo.face.WholeFramePaste;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * Region-limited paste-back equals the helper's whole-frame computation byte for byte: overlapping faces,
 * faces cut by every frame edge, a face too small for a blur edge, one off the frame, parse masks, upscale 2,
 * draw_box.
 */
class FaceCompositorRegionTest {
  private static final int W = 640;
  private static final int H = 360;

  /** crop-to-frame similarity: scale, angle (radians), translation of the crop's origin. */
  static AffineMatrix similarity(double s, double angle, double tx, double ty) {
    double c = s * Math.cos(angle);
    double n = s * Math.sin(angle);
    return AffineMatrix.of(c, -n, tx, n, c, ty);
  }

  private static Mat noise(Random rnd, int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * w + x) * 3 + c] = (byte) ((x * (c + 1) + y * 2) / 3 + rnd.nextInt(40));
        }
      }
    }
    Mat m = new Mat(h, w, CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  private static Mat parseMask(Random rnd) {
    int[] classes = new int[512 * 512];
    for (int by = 0; by < 16; by++) {
      for (int bx = 0; bx < 16; bx++) {
        int cls = rnd.nextInt(19);
        for (int y = 0; y < 32; y++) {
          Arrays.fill(classes, (by * 32 + y) * 512 + bx * 32, (by * 32 + y) * 512 + bx * 32 + 32, cls);
        }
      }
    }
    return ParseMask.fromClasses(classes, 512, 512);
  }

  private static List<FaceCompositor.Face> faces(Random rnd, int up, boolean parse) {
    AffineMatrix[] m = {
        similarity(0.35, 0.1, 100, 60), // overlaps the next one
        similarity(0.30, -0.3, 190, 90),
        similarity(0.40, 0.05, 540, 250), // cut by the right and bottom edges
        similarity(0.25, 0.6, -40, -30), // cut by the left and top edges
        similarity(0.03, 0.0, 400, 40), // about 15 px: area < 400, blur edge 0
        similarity(0.3, 0.0, 900, 500)}; // outside the frame
    List<FaceCompositor.Face> out = new ArrayList<>();
    for (AffineMatrix a : m) {
      out.add(new FaceCompositor.Face(noise(rnd, 512, 512), a.times(up), parse ? parseMask(rnd) : null));
    }
    return out;
  }

  private static void check(int up, boolean parse, boolean drawBox) {
    Random rnd = new Random(11 + up);
    Mat input = noise(rnd, W, H);
    List<FaceCompositor.Face> faces = faces(rnd, up, parse);
    Mat canvas = FaceCompositor.background(input, up);
    byte[] expected = WholeFramePaste.paste(canvas, faces, up, drawBox);
    new FaceCompositor(up, drawBox).paste(canvas, faces);
    byte[] ours = MatData.bytes(canvas);
    assertNotEquals(0, countDifferent(MatData.bytes(FaceCompositor.background(input, up)), ours),
        "the faces changed the image");
    assertEquals(0, countDifferent(expected, ours), "values differing from the whole-frame paste");
    assertArrayEquals(expected, ours);
  }

  private static int countDifferent(byte[] a, byte[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        n++;
      }
    }
    return n;
  }

  @Test
  void squareMaskUpscale1() {
    check(1, false, false);
  }

  @Test
  void parseMaskUpscale2WithBoxes() {
    check(2, true, true);
  }

  @Test
  void squareMaskUpscale2WithBoxes() {
    check(2, false, true);
  }

  @Test
  void numpySumFromTheRegionEqualsTheWholeArraySum() {
    Random rnd = new Random(3);
    for (int t = 0; t < 20; t++) {
      int fw = 50 + rnd.nextInt(400);
      int fh = 20 + rnd.nextInt(300);
      int rw = 1 + rnd.nextInt(fw);
      int rh = 1 + rnd.nextInt(fh);
      int x0 = rnd.nextInt(fw - rw + 1);
      int y0 = rnd.nextInt(fh - rh + 1);
      float[] region = new float[rw * rh];
      float[] whole = new float[fw * fh];
      for (int y = 0; y < rh; y++) {
        for (int x = 0; x < rw; x++) {
          float v = rnd.nextInt(4) == 0 ? 1f : rnd.nextFloat();
          region[y * rw + x] = v;
          whole[(y + y0) * fw + x + x0] = v;
        }
      }
      assertEquals(WholeFramePaste.pairwise(whole, 0, whole.length),
          NumpyFloatSum.sum(region, x0, y0, rw, rh, fw, fh));
    }
  }
}
