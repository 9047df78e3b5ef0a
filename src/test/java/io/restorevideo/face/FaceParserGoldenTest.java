package io.restorevideo.face;

import io.restorevideo.face.paste.FaceParser;
import io.restorevideo.face.paste.ParseMask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Npy;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ParseNet port and the helper's parse mask against golden/parsenet-tiny (README section 5). */
class FaceParserGoldenTest {
  private static final String DIR = "/golden/parsenet-tiny/";
  private static final int N = 512;
  private static final int CLASSES = 19;
  /** out_center64.npy is out[:, :, 224:288, 224:288] (DERIVED.md). */
  private static final int WINDOW_START = 224;
  private static final int WINDOW = 64;

  @TempDir static Path tmp;
  private static FaceParser parser;
  private static Mat face;

  @BeforeAll
  static void load() {
    parser = FaceParser.load(GoldenCheckpoints.read(DIR + "weights.pth", tmp));
    face = GoldenImages.read(DIR + "face_aligned.png");
  }

  @AfterAll
  static void close() {
    parser.close();
    face.close();
  }

  @Test
  void logitsArgmaxAndMaskMatch() {
    long t0 = System.nanoTime();
    float[] logits = parser.logits(List.of(face));
    long t1 = System.nanoTime();
    assertEquals(CLASSES * N * N, logits.length);

    float[] golden = Npy.resource(DIR + "out_center64.npy").floats();
    double out = 0;
    for (int c = 0; c < CLASSES; c++) {
      for (int y = 0; y < WINDOW; y++) {
        for (int x = 0; x < WINDOW; x++) {
          float ours = logits[(c * N + WINDOW_START + y) * N + WINDOW_START + x];
          out = Math.max(out, Math.abs(ours - golden[(c * WINDOW + y) * WINDOW + x]));
        }
      }
    }

    int[] argmax = ParseMask.argmax(logits, CLASSES, N, N);
    byte[] goldenArgmax = Npy.resource(DIR + "argmax_u8.npy").bytes();
    int mismatches = 0;
    for (int i = 0; i < argmax.length; i++) {
      if (argmax[i] != goldenArgmax[i]) {
        mismatches++;
      }
    }

    double mask = 0;
    try (Mat m = ParseMask.fromClasses(argmax, N, N)) {
      double[] ours = MatData.doubles(m);
      float[] g = Npy.resource(DIR + "mask.npy").floats();
      for (int i = 0; i < ours.length; i++) {
        mask = Math.max(mask, Math.abs(ours[i] - g[i]));
      }
    }
    System.out.printf("parsenet-tiny: out_center max diff %.2e, argmax mismatches %d, mask max diff %.2e"
        + " (%.0f ms)%n", out, mismatches, mask, (t1 - t0) / 1e6);
    assertTrue(out < 1e-2, "out_center differs by " + out);
    assertTrue(mismatches <= 10, mismatches + " argmax mismatches");
    assertTrue(mask < 2e-3, "mask differs by " + mask);
  }

  @Test
  void aBatchGivesEachFaceItsOwnMask() {
    try (Mat flipped = new Mat()) {
      org.bytedeco.opencv.global.opencv_core.flip(face, flipped, 1);
      List<Mat> masks = parser.masks(List.of(face, flipped));
      float[] g = Npy.resource(DIR + "mask.npy").floats();
      double d0 = 0;
      double d1 = 0;
      double[] m0 = MatData.doubles(masks.get(0));
      double[] m1 = MatData.doubles(masks.get(1));
      for (int i = 0; i < m0.length; i++) {
        d0 = Math.max(d0, Math.abs(m0[i] - g[i]));
        d1 = Math.max(d1, Math.abs(m1[i] - g[i]));
      }
      masks.forEach(Mat::close);
      assertTrue(d0 < 2e-3, "batch face 0 differs by " + d0);
      assertTrue(d1 > 0.05, "the mirrored face has its own mask (max diff to the original " + d1 + ")");
    }
  }

  @Test
  void aFaceOfAnotherSizeIsResizedTo512() {
    try (Mat small = new Mat()) {
      org.bytedeco.opencv.global.opencv_imgproc.resize(face, small, new org.bytedeco.opencv.opencv_core.Size(256, 256));
      try (Mat m = parser.mask(small)) {
        assertEquals(N, m.rows());
        assertEquals(N, m.cols());
      }
    }
  }
}
