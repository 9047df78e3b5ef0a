package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class OpticalFlowCarrierTest {
  private static final Landmarks5 START = new Landmarks5(new float[] {130, 95, 170, 95, 150, 120, 135, 142, 165, 142});
  private static final TrackBox BOX = new TrackBox(110, 65, 190, 162);

  /** The textured image translated by (tx, ty), as an 8-bit gray frame. */
  private static Mat shifted(Mat texture, double tx, double ty) {
    return warped(texture, 1, tx, ty);
  }

  /** The textured image scaled by {@code s} about the origin, then translated by (tx, ty), as gray. */
  private static Mat warped(Mat texture, double s, double tx, double ty) {
    try (Mat m = new Mat(2, 3, CV_64F);
        Mat moved = new Mat();
        Size size = new Size(320, 240)) {
      try (DoubleIndexer idx = m.createIndexer()) {
        idx.put(0L, new double[] {s, 0, tx, 0, s, ty});
      }
      warpAffine(texture, moved, m, size, INTER_LINEAR, org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT, null);
      Mat gray = new Mat();
      cvtColor(moved, gray, COLOR_BGR2GRAY);
      return gray;
    }
  }

  @Test
  void followsATranslatingTexturedImageWithinAPixel() {
    OpticalFlowCarrier flow = new OpticalFlowCarrier();
    double vx = 1.7;
    double vy = -0.8;
    try (Mat texture = SyntheticScene.texture(320, 240, 4, 1.5, 0, 255)) {
      Mat prev = shifted(texture, 0, 0);
      OpticalFlowCarrier.Face face = new OpticalFlowCarrier.Face(START, BOX);
      double worst = 0;
      for (int i = 1; i <= 20; i++) {
        Mat cur = shifted(texture, vx * i, vy * i);
        OpticalFlowCarrier.Carried c = PlainFrames.carry(flow, prev, cur, List.of(face)).get(0);
        assertTrue(c.ok(), "frame " + i);
        Landmarks5 truth = SyntheticScene.shifted(START, vx * i, vy * i);
        for (int k = 0; k < 5; k++) {
          worst = Math.max(worst, Math.hypot(c.landmarks().x(k) - truth.x(k), c.landmarks().y(k) - truth.y(k)));
        }
        assertEquals(BOX.centerX() + vx * i, c.box().centerX(), 1.0);
        assertEquals(BOX.width(), c.box().width(), 1.0);
        face = new OpticalFlowCarrier.Face(c.landmarks(), c.box());
        prev.close();
        prev = cur;
      }
      prev.close();
      System.out.printf("flow over 20 translated frames: worst landmark error %.3f px%n", worst);
      assertTrue(worst < 1.0, "worst error " + worst);
    }
  }

  @Test
  void followsAZoomAndScalesTheBox() {
    OpticalFlowCarrier flow = new OpticalFlowCarrier();
    double zoom = 1.03;
    // scale about the box centre: x' = zoom x + (1 - zoom) c
    double cx = BOX.centerX();
    double cy = BOX.centerY();
    try (Mat texture = SyntheticScene.texture(320, 240, 6, 1.5, 0, 255);
        Mat a = shifted(texture, 0, 0);
        Mat b = warped(texture, zoom, (1 - zoom) * cx, (1 - zoom) * cy)) {
      assertFollowsZoom(PlainFrames.carry(flow, a, b, List.of(new OpticalFlowCarrier.Face(START, BOX))).get(0), START, BOX, zoom, 1);
    }
  }

  /** The carried face is {@code start} zoomed about the box centre, within tolerances times {@code size}. */
  static void assertFollowsZoom(OpticalFlowCarrier.Carried c, Landmarks5 start, TrackBox box, double zoom,
      double size) {
    double cx = box.centerX();
    double cy = box.centerY();
    assertTrue(c.ok());
    assertEquals(box.width() * zoom, c.box().width(), 0.5 * size);
    assertEquals(cx, c.box().centerX(), 0.3 * size);
    for (int k = 0; k < 5; k++) {
      assertEquals(zoom * start.x(k) + (1 - zoom) * cx, c.landmarks().x(k), 0.3 * size, "x of landmark " + k);
      assertEquals(zoom * start.y(k) + (1 - zoom) * cy, c.landmarks().y(k), 0.3 * size, "y of landmark " + k);
    }
  }

  @Test
  void anUnrelatedNextFrameLosesTheFace() {
    OpticalFlowCarrier flow = new OpticalFlowCarrier();
    try (Mat a = SyntheticScene.texture(320, 240, 4, 1.5, 0, 255);
        Mat b = SyntheticScene.texture(320, 240, 5, 1.5, 0, 255);
        Mat ga = shifted(a, 0, 0);
        Mat gb = shifted(b, 0, 0)) {
      OpticalFlowCarrier.Carried c = PlainFrames.carry(flow, ga, gb, List.of(new OpticalFlowCarrier.Face(START, BOX))).get(0);
      assertFalse(c.ok(), "good points: " + c.goodPoints());
      assertEquals(START, c.landmarks(), "a lost face keeps its position");
    }
  }
}
