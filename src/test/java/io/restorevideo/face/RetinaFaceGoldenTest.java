package io.restorevideo.face;

import io.restorevideo.face.detect.DetectionResizer;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.face.detect.RetinaFaceInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.retinaface.RetinaFace;
import io.restorevideo.nn.retinaface.RetinaFaceOutput;
import io.restorevideo.testutil.Npy;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MobileNet-0.25 RetinaFace port on group.png against golden/retinaface-mobile0.25 (README section 2). */
class RetinaFaceGoldenTest {
  private static final String DIR = "/golden/retinaface-mobile0.25/";
  private static final float CONF_THRESHOLD = 0.825f;

  @TempDir static Path tmp;
  private static RetinaFaceDetector detector;
  private static Mat group;

  @BeforeAll
  static void load() {
    detector = RetinaFaceDetector.load(GoldenCheckpoints.read(DIR + "weights.pth", tmp), CONF_THRESHOLD, 0.4);
    group = GoldenImages.read("/golden/align-paste/group.png");
  }

  @AfterAll
  static void close() {
    detector.close();
    group.close();
  }

  @Test
  void rawHeadsMatch() {
    try (NDManager m = NDManager.newBaseManager()) {
      RetinaFace net = RetinaFace.load(GoldenCheckpoints.read(DIR + "weights.pth", tmp), m);
      assertSame(RetinaFace.Kind.MOBILENET_0_25, net.kind());
      NDArray x = RetinaFaceInput.of(List.of(group), m);
      long t0 = System.nanoTime();
      RetinaFaceOutput out = net.forward(x);
      long t1 = System.nanoTime();
      assertEquals(new ai.djl.ndarray.types.Shape(1, 21420, 4), out.loc().getShape());
      double loc = maxDiff(out.loc().toFloatArray(), Npy.resource(DIR + "loc.npy").floats());
      double conf = maxDiff(out.conf().toFloatArray(), Npy.resource(DIR + "conf.npy").floats());
      double landms = maxDiff(out.landms().toFloatArray(), Npy.resource(DIR + "landms.npy").floats());
      System.out.printf("retinaface mobile0.25 960x540: loc %.2e conf %.2e landms %.2e (%.0f ms)%n", loc, conf,
          landms, (t1 - t0) / 1e6);
      assertTrue(loc < 5e-5, "loc differs by " + loc);
      assertTrue(conf < 5e-5, "conf differs by " + conf);
      assertTrue(landms < 5e-5, "landms differs by " + landms);
    }
  }

  @Test
  void detectionsOnTheOriginalImageMatch() {
    double[] d = GoldenDetections.maxDiffs(detector.detect(group), Npy.resource(DIR + "dets.npy").floats(), 1f);
    System.out.printf("dets: coords %.2e px, score %.2e%n", d[0], d[1]);
    assertTrue(d[0] < 1e-3, "coordinates differ by " + d[0]);
    assertTrue(d[1] < 1e-5, "scores differ by " + d[1]);
  }

  @Test
  void resize640PathMatches() {
    float[] golden = Npy.resource(DIR + "dets_resize640.npy").floats();
    float scale = (float) (640.0 / 540);
    // from the helper's own 640 image, mapped back by the scale ...
    try (Mat resized = GoldenImages.read(DIR + "input_resized640.png")) {
      List<DetectedFace> back = DetectionResizer.forImage(group).toOriginal(detector.detect(resized));
      double[] d = GoldenDetections.maxDiffs(back, golden, scale);
      System.out.printf("dets_resize640 (from input_resized640.png): coords %.2e px, score %.2e%n", d[0], d[1]);
      assertTrue(d[0] < 2e-3 && d[1] < 2e-3, "differs by " + d[0] + " / " + d[1]);
    }
    // ... and through HelperDetection on the original, which resizes itself; eye-distance filter off to see
    // every row (random weights put the landmarks close together)
    double[] d =
        GoldenDetections.maxDiffs(new HelperDetection(detector, 640, 0, false).detect(group), golden, scale);
    System.out.printf("dets_resize640 (HelperDetection): coords %.2e px, score %.2e%n", d[0], d[1]);
    assertTrue(d[0] < 2e-3 && d[1] < 2e-3, "differs by " + d[0] + " / " + d[1]);
    // the official 5 px eye-distance rule drops all six (README): none survives here either
    assertEquals(0, HelperDetection.official(detector, false).detect(group).size());
  }

  @Test
  void aBatchGivesTheSameDetectionsAsSingleImages() {
    try (Mat flipped = new Mat()) {
      org.bytedeco.opencv.global.opencv_core.flip(group, flipped, 1);
      List<List<DetectedFace>> batch = detector.detect(List.of(group, flipped));
      List<DetectedFace> single = detector.detect(flipped);
      assertEquals(2, batch.size());
      double[] d0 = GoldenDetections.maxDiffs(batch.get(0), Npy.resource(DIR + "dets.npy").floats(), 1f);
      assertTrue(d0[0] < 1e-3 && d0[1] < 1e-5, "batch image 0 differs: " + d0[0] + " / " + d0[1]);
      assertEquals(single.size(), batch.get(1).size());
      assertTrue(single.size() > 0, "the mirrored image has detections");
      for (int i = 0; i < single.size(); i++) {
        assertEquals(single.get(i).x1(), batch.get(1).get(i).x1(), 1e-3);
        assertEquals(single.get(i).score(), batch.get(1).get(i).score(), 1e-5);
      }
    }
  }

  static double maxDiff(float[] a, float[] b) {
    assertEquals(b.length, a.length, "lengths");
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
