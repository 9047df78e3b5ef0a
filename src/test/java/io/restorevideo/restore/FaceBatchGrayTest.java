package io.restorevideo.restore;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.align.AlignedFace;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The gray decision of a frame or track against restorers that restore or colorize. */
class FaceBatchGrayTest {
  private static List<AlignedFace> grayFace() {
    Mat crop = new Mat(32, 32, CV_8UC3, new Scalar(100, 100, 100, 0));
    return List.of(new AlignedFace(crop, AffineMatrix.of(1, 0, 0, 0, 1, 0), null));
  }

  private static byte[] pixel(Mat m) {
    byte[] px = new byte[3];
    m.data().get(px);
    return px;
  }

  @Test
  void aRestoringRestorerMakesTheFaceOfAGrayFrameGray() {
    Mat out = FaceBatch.restore(new PaintingRestorer(true), grayFace(), 0.5, true).get(0);
    byte[] px = pixel(out);
    assertEquals(px[0], px[1]);
    assertEquals(px[1], px[2]);
  }

  @Test
  void aColorizingRestorerKeepsItsColoursOnAGrayFrame() {
    Mat out = FaceBatch.restore(new PaintingRestorer(false), grayFace(), 0.5, true).get(0);
    assertArrayEquals(new byte[] {40, 90, (byte) 200}, pixel(out));
  }
}
