package io.restorevideo.face;

import io.restorevideo.face.detect.DetectionDecoder;
import io.restorevideo.face.detect.DetectionResizer;
import io.restorevideo.face.detect.PriorBox;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Npy;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Priors, decode, threshold, NMS and the helper's resize-640 rule against golden/retinaface-mobile0.25. */
class RetinaFacePostprocessGoldenTest {
  private static final String DIR = "/golden/retinaface-mobile0.25/";
  /** The golden set's threshold (README section 2); NMS 0.4 is the official default. */
  private static final float CONF_THRESHOLD = 0.825f;

  @Test
  void priorsMatchExactly() {
    float[] golden = Npy.resource(DIR + "priors.npy").floats();
    assertEquals(21420, PriorBox.count(540, 960));
    assertArrayEquals(golden, PriorBox.priors(540, 960));
  }

  @Test
  void decodedDetectionsMatch() {
    float[] loc = Npy.resource(DIR + "loc.npy").floats();
    float[] conf = Npy.resource(DIR + "conf.npy").floats();
    float[] landms = Npy.resource(DIR + "landms.npy").floats();
    float[] golden = Npy.resource(DIR + "dets.npy").floats();
    List<DetectedFace> dets = new DetectionDecoder(CONF_THRESHOLD, 0.4).decode(loc, conf, landms, 540, 960);
    double[] d = GoldenDetections.maxDiffs(dets, golden, 1f);
    double coord = d[0];
    double score = d[1];
    System.out.printf("dets: %d rows, max coord diff %.2e px, max score diff %.2e%n", dets.size(), coord, score);
    assertTrue(coord < 1e-3, "coordinates differ by " + coord);
    assertTrue(score < 1e-5, "scores differ by " + score);
  }

  @Test
  void thresholdIsStrictAndNmsUsesIouAboveThreshold() {
    // two priors of a 32x32 input with identical boxes: the second is suppressed (IoU 1 > 0.4); a third prior
    // exactly at the threshold is dropped before NMS
    int p = PriorBox.count(32, 32);
    float[] loc = new float[4 * p];
    float[] conf = new float[2 * p];
    float[] landms = new float[10 * p];
    conf[2 * 0 + 1] = 0.9f;
    conf[2 * 1 + 1] = 0.85f;
    conf[2 * 2 + 1] = 0.8f;
    List<DetectedFace> dets = new DetectionDecoder(0.8f, 0.4).decode(loc, conf, landms, 32, 32);
    // prior 0 and 1 share the centre (4, 4) with sizes 16 and 32: IoU 0.25, both kept
    assertEquals(2, dets.size());
    assertEquals(0.9f, dets.get(0).score());
    assertEquals(-4f, dets.get(0).x1());
    assertEquals(12f, dets.get(0).x2());
    assertEquals(-12f, dets.get(1).x1());
    assertEquals(4f, dets.get(0).landmarks().x(3));
    conf[2 * 1 + 1] = 0f;
    conf[2 * 2 + 1] = 0.85f; // prior 2: centre (12, 4), size 16: IoU with prior 0 = 64/(256+256-64) = 0.14
    loc[4 * 2] = -5f; // moves its centre by -5 * 0.1 * 16 = -8 px onto prior 0: IoU 1
    dets = new DetectionDecoder(0.8f, 0.4).decode(loc, conf, landms, 32, 32);
    assertEquals(1, dets.size());
    assertEquals(0.9f, dets.get(0).score());
  }

  @Test
  void detectorInputIsTheHelpersResize() {
    try (Mat group = GoldenImages.read("/golden/align-paste/group.png");
        Mat golden = GoldenImages.read(DIR + "input_resized640.png")) {
      DetectionResizer r = DetectionResizer.forImage(group);
      assertEquals(1137, r.width());
      assertEquals(640, r.height());
      try (Mat ours = r.resized(group)) {
        int[] d = GoldenImages.diff(ours, golden);
        System.out.printf("input_resized640: max diff %d levels, %d values differ%n", d[0], d[1]);
        assertEquals(0, d[0]);
      }
    }
  }

  @Test
  void scaleBackDividesCoordinatesInFloat32AndKeepsTheRawScore() {
    // the golden resize-640 rows are the 640-image detections divided by scale = 640/540 in float32 (score
    // included); multiplying them back and scaling down again must land on the same values
    float[] golden = Npy.resource(DIR + "dets_resize640.npy").floats();
    DetectionResizer r = DetectionResizer.forImage(960, 540, 640);
    assertEquals(640.0 / 540, r.scale());
    float s = (float) r.scale();
    List<DetectedFace> onResized = new java.util.ArrayList<>();
    for (int i = 0; i < golden.length / 15; i++) {
      float[] lm = new float[10];
      for (int k = 0; k < 10; k++) {
        lm[k] = golden[15 * i + 5 + k] * s;
      }
      onResized.add(new DetectedFace(golden[15 * i] * s, golden[15 * i + 1] * s, golden[15 * i + 2] * s,
          golden[15 * i + 3] * s, golden[15 * i + 4] * s, new Landmarks5(lm)));
    }
    List<DetectedFace> back = r.toOriginal(onResized);
    double max = 0;
    for (int i = 0; i < back.size(); i++) {
      float[] row = GoldenDetections.row(back.get(i));
      for (int c = 0; c < 15; c++) {
        if (c != 4) {
          max = Math.max(max, Math.abs(row[c] - golden[15 * i + c]));
        }
      }
      assertEquals(onResized.get(i).score(), back.get(i).score(), "raw confidence kept");
      assertEquals(golden[15 * i + 4], back.get(i).score() / s, 1e-6, "the helper's score is raw / scale");
    }
    assertTrue(max < 1e-4, "scale-back differs by " + max);
    // a point at the far corner of the 1137.78 x 640 continuous image maps to the original corner
    DetectedFace corner = new DetectedFace(0, 0, 960 * s, 540 * s, 0.9f, new Landmarks5(new float[10]));
    DetectedFace c = r.toOriginal(List.of(corner)).get(0);
    assertEquals(960f, c.x2(), 1e-3);
    assertEquals(540f, c.y2(), 1e-3);
  }
}
