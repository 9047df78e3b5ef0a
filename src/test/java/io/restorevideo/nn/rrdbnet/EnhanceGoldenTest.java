package io.restorevideo.nn.rrdbnet;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.restorevideo.testutil.Npy;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * The 8-bit path (RealESRGANer.enhance) on the golden crop. The expected image is made here from basicsr's
 * raw output, with enhance's post-processing spelled out: clamp, RGB to BGR, {@code * 255}, round, uint8.
 */
class EnhanceGoldenTest {
  /** Expected 8-bit BGR image from the golden raw output (1, 3, H, W) RGB. */
  private static byte[] expected(String npy, int[] size) {
    Npy out = Npy.resource(TinyRrdb.DIR + npy);
    float[] v = out.floats();
    int h = (int) out.shape[2];
    int w = (int) out.shape[3];
    size[0] = h;
    size[1] = w;
    byte[] bgr = new byte[h * w * 3];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < h * w; i++) {
        float clamped = Math.min(1f, Math.max(0f, v[c * h * w + i]));
        bgr[3 * i + (2 - c)] = (byte) Math.rint(clamped * 255f);
      }
    }
    return bgr;
  }

  private static Mat crop() {
    return imread(TinyRrdb.resource("input_crop.png").toString());
  }

  private static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.data().get(b);
    return b;
  }

  /** Largest difference in 8-bit levels; counts[0] receives how many values differ. */
  private static int maxLevelDiff(byte[] a, byte[] b, int[] counts) {
    assertEquals(a.length, b.length);
    int max = 0;
    for (int i = 0; i < a.length; i++) {
      int d = Math.abs((a[i] & 0xff) - (b[i] & 0xff));
      if (d != 0) {
        counts[0]++;
      }
      max = Math.max(max, d);
    }
    return max;
  }

  /**
   * Raw outputs agree to 1e-5, i.e. 0.003 of an 8-bit level, so a value can only round differently when
   * it sits within that of a .5 boundary: at most one level, on very few values.
   */
  @Test
  void eightBitOutputMatchesTheGoldenForBothScales() {
    for (int scale : new int[] {2, 4}) {
      try (NDManager m = NDManager.newBaseManager()) {
        TiledUpsampler up = TiledUpsampler.builder(TinyRrdb.net(scale, m), m).build();
        Mat got = up.enhance(crop());
        int[] size = new int[2];
        byte[] want = expected("out_x" + scale + ".npy", size);
        assertEquals(size[0], got.rows());
        assertEquals(size[1], got.cols());
        assertEquals(CV_8UC3, got.type());
        int[] differing = new int[1];
        int max = maxLevelDiff(want, bytes(got), differing);
        System.out.printf("enhance x%d: max %d level(s), %d of %d values differ%n", scale, max, differing[0],
            want.length);
        assertTrue(max <= 1 && differing[0] <= want.length / 1000, max + " levels, " + differing[0] + " values");
      }
    }
  }

  /** outscale 1 with the x2 network: the x2 image resized to 64x64 with LANCZOS4, as enhance(img, 1). */
  @Test
  void outscaleOtherThanTheNetworkScaleResizesWithLanczos() {
    try (NDManager m = NDManager.newBaseManager()) {
      TiledUpsampler up = TiledUpsampler.builder(TinyRrdb.net(2, m), m).build();
      int[] size = new int[2];
      byte[] want2x = expected("out_x2.npy", size);
      Mat x2 = new Mat(size[0], size[1], CV_8UC3);
      x2.data().put(want2x);
      Mat want = new Mat();
      resize(x2, want, new Size(64, 64), 0, 0, INTER_LANCZOS4);
      Mat got = up.enhance(crop(), 1.0);
      assertEquals(64, got.rows());
      assertEquals(64, got.cols());
      int[] differing = new int[1];
      assertTrue(maxLevelDiff(bytes(want), bytes(got), differing) <= 1);
      assertEquals(128, up.enhance(crop(), 2.0).cols());
      assertEquals(96, up.enhance(crop(), 1.5).cols());
    }
  }

  @Test
  void nonBgrImagesAreRefused() {
    try (NDManager m = NDManager.newBaseManager()) {
      TiledUpsampler up = TiledUpsampler.builder(TinyRrdb.net(2, m), m).build();
      Mat gray = new Mat(8, 8, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> up.enhance(gray));
      assertEquals("expected an 8-bit BGR image (CV_8UC3), got OpenCV type 0 with 1 channels", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> up.enhance(crop(), 0));
    }
  }
}
