package io.restorevideo.face;

import io.restorevideo.face.paste.ParseMask;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Npy;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The helper's parse-mask post-processing against golden/parsenet-tiny/mask.npy. */
class ParseMaskGoldenTest {
  private static final String DIR = "/golden/parsenet-tiny/";

  @Test
  void maskFromTheOfficialArgmaxMatches() {
    long[] classes = Npy.resource(DIR + "argmax_u8.npy").longs();
    int[] c = new int[classes.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (int) classes[i];
    }
    float[] golden = Npy.resource(DIR + "mask.npy").floats();
    ParseMask.fromClasses(c, 512, 512).close(); // warm-up: the first call loads OpenCV
    long t0 = System.nanoTime();
    try (Mat mask = ParseMask.fromClasses(c, 512, 512)) {
      long t1 = System.nanoTime();
      double[] ours = MatData.doubles(mask);
      double max = 0;
      for (int i = 0; i < ours.length; i++) {
        max = Math.max(max, Math.abs(ours[i] - golden[i]));
      }
      System.out.printf("parse mask: max diff %.2e (%.1f ms)%n", max, (t1 - t0) / 1e6);
      assertTrue(max < 2e-3, "mask differs by " + max);
      assertEquals(0.0, ours[5 * 512 + 200], "10-pixel border is zero");
    }
  }

  @Test
  void argmaxTakesTheFirstMaximumOverChannels() {
    // (C=3, H=1, W=2) planes: pixel 0 has 0, 5, 5 over the channels (tie: the first, 1), pixel 1 has 7, 2, 1
    float[] logits = {0f, 7f, 5f, 2f, 5f, 1f};
    assertArrayEquals(new int[] {1, 0}, ParseMask.argmax(logits, 3, 1, 2));
  }

  @Test
  void rejectsClassesOutsideTheColormap() {
    assertThrows(IllegalArgumentException.class, () -> ParseMask.fromClasses(new int[] {19}, 1, 1));
  }
}
