package io.restorevideo.face.track;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.Landmarks5;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * A face of 240 px eye distance (a close-up on a 1080p frame) is followed on the quarter-size level of the
 * frame, as precisely relative to its size as {@link OpticalFlowCarrierTest}'s 40 px face is at full size; small
 * faces stay on the full frame.
 */
class LargeFaceFlowTest {
  private static final int W = 1600;
  private static final int H = 1000;
  private static final float S = 6;
  private static final Landmarks5 START =
      new Landmarks5(new float[] {130 * S, 95 * S, 170 * S, 95 * S, 150 * S, 120 * S, 135 * S, 142 * S, 165 * S, 142 * S});
  private static final TrackBox BOX = new TrackBox(110 * S, 65 * S, 190 * S, 162 * S);

  private static Mat warped(Mat texture, double s, double tx, double ty) {
    try (Mat m = new Mat(2, 3, CV_64F); Mat moved = new Mat(); Size size = new Size(W, H)) {
      try (DoubleIndexer idx = m.createIndexer()) {
        idx.put(0L, new double[] {s, 0, tx, 0, s, ty});
      }
      warpAffine(texture, moved, m, size, INTER_LINEAR, BORDER_REFLECT, null);
      Mat gray = new Mat();
      cvtColor(moved, gray, COLOR_BGR2GRAY);
      return gray;
    }
  }

  @Test
  void levelFollowsTheEyeDistance() {
    assertEquals(0, OpticalFlowCarrier.level(new Landmarks5(new float[] {0, 0, 95, 0, 50, 50, 10, 90, 80, 90})));
    assertEquals(1, OpticalFlowCarrier.level(new Landmarks5(new float[] {0, 0, 120, 0, 50, 50, 10, 90, 80, 90})));
    assertEquals(2, OpticalFlowCarrier.level(START));
  }

  @Test
  void followsALargeTranslatingFaceWithinAPixelOnAQuarterSizeLevel() {
    OpticalFlowCarrier flow = new OpticalFlowCarrier();
    double vx = 1.7 * S;
    double vy = -0.8 * S;
    try (Mat texture = SyntheticScene.texture(W, H, 4, 1.5 * S, 0, 255)) {
      Mat prev = warped(texture, 1, 0, 0);
      OpticalFlowCarrier.Face face = new OpticalFlowCarrier.Face(START, BOX);
      double worst = 0;
      for (int i = 1; i <= 12; i++) {
        Mat cur = warped(texture, 1, vx * i, vy * i);
        OpticalFlowCarrier.Carried c = PlainFrames.carry(flow, prev, cur, List.of(face)).get(0);
        assertTrue(c.ok(), "frame " + i);
        Landmarks5 truth = SyntheticScene.shifted(START, vx * i, vy * i);
        for (int k = 0; k < 5; k++) {
          worst = Math.max(worst, Math.hypot(c.landmarks().x(k) - truth.x(k), c.landmarks().y(k) - truth.y(k)));
        }
        assertEquals(BOX.width(), c.box().width(), S);
        face = new OpticalFlowCarrier.Face(c.landmarks(), c.box());
        prev.close();
        prev = cur;
      }
      prev.close();
      System.out.printf("large face, 12 translated frames: worst landmark error %.3f px (eye distance %.0f)%n",
          worst, START.eyeDistance());
      // the 40 px face's bound (1 px) scaled to this face would be 6 px
      assertTrue(worst < 2.0, "worst error " + worst);
    }
  }

  @Test
  void followsALargeZoom() {
    OpticalFlowCarrier flow = new OpticalFlowCarrier();
    double zoom = 1.03;
    double cx = BOX.centerX();
    double cy = BOX.centerY();
    try (Mat texture = SyntheticScene.texture(W, H, 6, 1.5 * S, 0, 255);
        Mat a = warped(texture, 1, 0, 0);
        Mat b = warped(texture, zoom, (1 - zoom) * cx, (1 - zoom) * cy)) {
      OpticalFlowCarrierTest.assertFollowsZoom(
          PlainFrames.carry(flow, a, b, List.of(new OpticalFlowCarrier.Face(START, BOX))).get(0), START, BOX, zoom, S);
    }
  }
}
