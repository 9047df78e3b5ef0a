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
  /** Paints every face the same BGR colour (40, 90, 200); says whether gray inputs stay gray. */
  private static FaceBatchRestorer painting(boolean grayStaysGray) {
    return new FaceBatchRestorer() {
      @Override
      public List<Mat> restore(List<Mat> aligned, double fidelity) {
        return aligned.stream().map(m -> new Mat(m.rows(), m.cols(), CV_8UC3, new Scalar(40, 90, 200, 0))).toList();
      }

      @Override
      public boolean grayInputStaysGray() {
        return grayStaysGray;
      }
    };
  }

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
    Mat out = FaceBatch.restore(painting(true), grayFace(), 0.5, true).get(0);
    byte[] px = pixel(out);
    assertEquals(px[0], px[1]);
    assertEquals(px[1], px[2]);
  }

  @Test
  void aColorizingRestorerKeepsItsColoursOnAGrayFrame() {
    Mat out = FaceBatch.restore(painting(false), grayFace(), 0.5, true).get(0);
    assertArrayEquals(new byte[] {40, 90, (byte) 200}, pixel(out));
  }
}
