package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.align.FaceTemplate;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Template sizing, the helper's matrix arithmetic and the background rule, against hand-computed values. */
class GeometryTest {
  @Test
  void templateScalesAndPadsAsTheHelper() {
    FaceTemplate t = FaceTemplate.ffhq(1024, 1.25, 1);
    assertEquals(1024, t.width());
    assertEquals(1280, t.height());
    assertEquals(192.98138 * 2, t.x(0), 1e-9);
    assertEquals(239.94708 * 2 + 1024 * 0.25 / 2, t.y(0), 1e-9);
  }

  @Test
  void inverseForPasteAndForAnUpsampledFace() {
    // affine = 2 * rotation-free scale with translation (-10, -20): inverse = 0.5, translation (5, 10)
    AffineMatrix a = AffineMatrix.of(2, 0, -10, 0, 2, -20);
    assertArrayEquals(new double[] {0.5, 0, 5, 0, 0.5, 10}, PasteAffine.forPaste(a, 1).toArray(), 1e-12);
    // x2, then +0.5*2 on the translation
    assertArrayEquals(new double[] {1, 0, 11, 0, 1, 21}, PasteAffine.forPaste(a, 2).toArray(), 1e-12);
    // face upsampler: (inverse * 2) / 2 with translation * 2, no offset
    assertArrayEquals(new double[] {0.5, 0, 10, 0, 0.5, 20}, PasteAffine.forUpsampledFace(a, 2).toArray(), 1e-12);
  }

  @Test
  void invertMatchesOpenCvsFormulaIncludingSingularMatrices() {
    AffineMatrix m = AffineMatrix.of(4.08538, 0.07001, -563.237, -0.07001, 4.08538, -405.931);
    AffineMatrix back = m.invert().invert();
    assertArrayEquals(m.toArray(), back.toArray(), 1e-9);
    assertArrayEquals(new double[6], AffineMatrix.of(1, 2, 3, 2, 4, 6).invert().toArray(), 0);
  }

  @Test
  void pasteRegionCoversTheFootprintAndIsNullOffFrame() {
    AffineMatrix toFrame = AffineMatrix.of(0.25, 0, 300, 0, 0.25, 100); // 512 -> 128 px at (300, 100)
    Rect r = PasteRegion.of(toFrame, 512, 512, 960, 540, 2);
    assertEquals(0, r.x() % 32);
    assertTrue(r.x() <= 300 - 2 - 2 && r.y() <= 100 - 2 - 2);
    assertTrue(r.x() + r.width() >= 428 + 2 && r.y() + r.height() >= 228 + 2);
    assertNull(PasteRegion.of(AffineMatrix.of(0.25, 0, 2000, 0, 0.25, 100), 512, 512, 960, 540, 2));
  }

  @Test
  void backgroundIsLinearResizeOrTheUpsampledImageFitted() {
    try (Mat input = new Mat(10, 20, CV_8UC3, new Scalar(10, 20, 30, 0));
        Mat up = new Mat(20, 40, CV_8UC3, new Scalar(50, 60, 70, 0))) {
      Mat bg = FaceCompositor.background(input, 2);
      assertEquals(40, bg.cols());
      assertEquals(20, bg.rows());
      assertEquals(10, bg.data().get(0) & 0xff);
      Mat fitted = FaceCompositor.background(input, 2, up);
      assertEquals(50, fitted.data().get(0) & 0xff);
      try (Mat big = new Mat(30, 60, CV_8UC3, new Scalar(50, 60, 70, 0))) {
        Mat fittedBig = FaceCompositor.background(input, 2, big);
        assertEquals(40, fittedBig.cols());
        assertEquals(70, fittedBig.data().get(2) & 0xff);
      }
    }
  }
}
