package io.restorevideo.face.color;

import io.restorevideo.face.GoldenImages;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** is_gray and the overflow-free colour transfer for gray inputs. */
class GrayscaleTest {
  private static Mat image(int w, int h, java.util.function.IntUnaryOperator value) {
    byte[] px = new byte[w * h * 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) value.applyAsInt(i);
    }
    Mat m = new Mat(h, w, CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  @Test
  void isGrayFollowsTheChannelDifferenceVariance() {
    try (Mat colour = GoldenImages.read("/golden/align-paste/group.png")) {
      assertFalse(Grayscale.isGray(colour, Grayscale.DEFAULT_THRESHOLD));
    }
    assertTrue(Grayscale.isGray(new Mat(8, 8, CV_8UC3, new Scalar(0.0)), 10), "black");
    assertTrue(Grayscale.isGray(image(8, 8, i -> (i / 3) * 3), 10), "equal channels");
    // R = G + 8 on every other pixel, B = G: the B-R and R-G differences have variance 16, B-G 0:
    // mean 32/3 = 10.67 is above 10, and at most 11 it is gray
    Mat tinted = image(8, 8, i -> 100 + ((i % 3 == 2 && (i / 3) % 2 == 0) ? 8 : 0));
    assertFalse(Grayscale.isGray(tinted, 10));
    assertTrue(Grayscale.isGray(tinted, 11));
  }

  @Test
  void blackRestoredFaceTakesTheInputCropsMeanColour() {
    try (Mat black = new Mat(64, 64, CV_8UC3, new Scalar(0.0));
        Mat crop = image(64, 64, i -> (i % 3) * 60 + (i / 3) % 50)) {
      Mat out = Grayscale.restoredFaceForGrayInput(black, crop);
      byte[] px = MatData.bytes(out);
      // every pixel = the crop's per-channel mean (channel c: c*60 + mean of (k % 50) over 4096 pixels)
      double[] mean = new double[3];
      byte[] in = MatData.bytes(crop);
      for (int i = 0; i < in.length; i++) {
        mean[i % 3] += (in[i] & 0xff) / 4096.0;
      }
      for (int i = 0; i < px.length; i++) {
        assertEquals(Math.rint(mean[i % 3]), px[i] & 0xff, "channel " + i % 3);
      }
      assertTrue((px[2] & 0xff) > 100, "not black");
    }
  }

  @Test
  void nearFlatContentStaysInRangeWhereTheOfficialOverflows() {
    // one bright pixel on black: the official normalised value is (1 - 1/n) / sqrt(var + 1e-5), about 270,
    // times the style's deviation (about 80) is far beyond 255
    double[] content = new double[64 * 64 * 3];
    content[0] = content[1] = content[2] = 1;
    byte[] style = new byte[64 * 64 * 3];
    for (int i = 0; i < style.length; i++) {
      style[i] = (byte) ((i * 37) % 256);
    }
    double[] out = ColorTransfer.adain(content, style);
    for (double v : out) {
      assertTrue(Double.isFinite(v) && v >= 0 && v <= 255, "value " + v);
    }
    assertEquals(255, out[0], "the bright pixel saturates instead of wrapping around");
    assertTrue(out[3] > 100, "the rest sits at the style mean, not black");
  }

  @Test
  void blackInputAndBlackFaceGiveFiniteBlack() {
    double[] out = ColorTransfer.adain(new double[48], new byte[48]);
    for (double v : out) {
      assertEquals(0.0, v);
    }
  }
}
