package io.restorevideo.face.track;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class SceneCutDetectorTest {
  private static Mat gray(Mat bgr) {
    Mat g = new Mat();
    cvtColor(bgr, g, COLOR_BGR2GRAY);
    return g;
  }

  /** A 320x240 window of a larger scene at (x, y), with sensor-like noise of this many gray levels. */
  private static Mat window(Mat scene, int x, int y, double noise, Random rnd) {
    Mat g;
    try (Rect r = new Rect(x, y, 320, 240); Mat crop = new Mat(scene, r)) {
      g = gray(crop.clone());
    }
    try (UByteIndexer idx = g.createIndexer()) {
      for (int yy = 0; yy < g.rows(); yy++) {
        for (int xx = 0; xx < g.cols(); xx++) {
          int v = (int) Math.round(idx.get(yy, xx) + noise * rnd.nextGaussian());
          idx.put(yy, xx, Math.max(0, Math.min(255, v)));
        }
      }
    }
    return g;
  }

  @Test
  void panAndGrainDoNotCutButAnUnrelatedShotDoes() {
    Random rnd = new Random(3);
    SceneCutDetector cuts = new SceneCutDetector();
    double worstPan = 0;
    try (Mat sceneA = SyntheticScene.background(21, 400, 300);
        Mat sceneB = SyntheticScene.background(22, 400, 300)) {
      assertTrue(isCut(cuts, window(sceneA, 0, 0, 4, rnd)), "the first frame starts a shot");
      // a pan of 4 px right and 1 px down per frame, with grain
      for (int i = 1; i <= 15; i++) {
        assertFalse(isCut(cuts, window(sceneA, 4 * i, i, 4, rnd)), "pan frame " + i + " score " + cuts.lastScore());
        worstPan = Math.max(worstPan, cuts.lastScore());
      }
      assertTrue(isCut(cuts, window(sceneB, 60, 15, 4, rnd)), "cut to another shot");
      double cutScore = cuts.lastScore();
      assertFalse(isCut(cuts, window(sceneB, 62, 15, 4, rnd)), "the new shot continues");
      System.out.printf("scene cut scores: worst pan %.2f, cut %.2f, threshold %.1f%n",
          worstPan, cutScore, SceneCutDetector.DEFAULT_THRESHOLD);
      assertTrue(worstPan < SceneCutDetector.DEFAULT_THRESHOLD / 3, "pan score " + worstPan);
      assertTrue(cutScore > SceneCutDetector.DEFAULT_THRESHOLD * 1.5, "cut score " + cutScore);
    }
  }

  /**
   * A 1080p frame is halved twice before its thumbnail is taken: the thumbnail stays the mean of each 30x30
   * block of the frame within a level, as the direct area resize's does.
   */
  @Test
  void thumbnailOfALargeFrameIsItsBlockMeansWithinALevel() {
    try (Mat texture = SyntheticScene.texture(1920, 1080, 9, 3, 0, 255); Mat g = gray(texture);
        Mat direct = new Mat(); Size size = new Size(64, 36)) {
      resize(g, direct, size, 0, 0, INTER_AREA);
      float[] thumb = SceneCutDetector.thumbnail(g, 64, 36);
      double worst = 0;
      double worstDirect = 0;
      try (UByteIndexer px = g.createIndexer(); UByteIndexer d = direct.createIndexer()) {
        for (int y = 0; y < 36; y++) {
          for (int x = 0; x < 64; x++) {
            double sum = 0;
            for (int yy = 0; yy < 30; yy++) {
              for (int xx = 0; xx < 30; xx++) {
                sum += px.get(30 * y + yy, 30 * x + xx);
              }
            }
            worst = Math.max(worst, Math.abs(thumb[y * 64 + x] - sum / 900));
            worstDirect = Math.max(worstDirect, Math.abs(d.get(y, x) - sum / 900));
          }
        }
      }
      System.out.printf("1080p thumbnail against the block means: halved %.2f, direct %.2f levels at most%n", worst,
          worstDirect);
      assertTrue(worst <= 1, "largest difference " + worst);
    }
  }

  @Test
  void scoreOfIdenticalFramesIsZero() {
    try (Mat bg = SyntheticScene.background(5); Mat g = gray(bg)) {
      assertTrue(SceneCutDetector.score(g, g) == 0.0);
    }
  }

  /** The tracker's route: the frame's thumbnail first, then the ordered comparison. */
  private static boolean isCut(SceneCutDetector cuts, Mat gray) {
    return cuts.isCut(SceneCutDetector.thumbnail(gray));
  }
}
