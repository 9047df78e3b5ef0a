package io.restorevideo.bench;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackedFace;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.media.StillImages;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment warm-up (acceptance 3 of the batch issue): a segment's tracker, fed the frames before its cut as
 * the segment worker feeds them (absolute frame numbers, warm-up frames tracked and not written), gives on
 * the first frame after the cut the landmarks of a whole run within 0.01 of the inter-ocular distance, with
 * the default tracking on a panned face; without the warm-up it does not.
 */
class SegmentWarmupTest {
  /** Face 0 of group.png as the official detector places it (golden/align-paste/landmarks.npy). */
  private static final float[] FACE = {182.23f, 161.22f, 213.17f, 161.92f, 197.70f, 179.50f, 183.29f, 187.94f,
      211.41f, 189.34f};
  private static final int FRAMES = 100;
  private static final int[] CUTS = {45, 75};
  private static final double FPS = 30;

  @TempDir Path dir;

  /** The noisy oracle with noise drawn per frame number, so two runs see the same detection on a frame. */
  private static final class PerFrameOracle implements FaceDetector {
    int frame;
    float[] truth;

    @Override
    public List<DetectedFace> detect(Mat bgr) {
      NoisyOracleDetector d = new NoisyOracleDetector(0.02, 1000 + frame);
      d.truth(truth);
      return d.detect(bgr);
    }
  }

  /** Landmarks of face 0 on frames [from, to) tracked from frame {@code from}, by frame number. */
  private static Map<Integer, Landmarks5> track(Mat picture, CameraPath path, int from, int to) {
    Map<Integer, Landmarks5> out = new HashMap<>();
    PerFrameOracle oracle = new PerFrameOracle();
    try (FaceTracker tracker = new FaceTracker(oracle, TrackerOptions.defaults());
        Size size = new Size(picture.cols(), picture.rows()); Scalar black = new Scalar(0, 0, 0, 0)) {
      for (int t = from; t < to; t++) {
        oracle.frame = t;
        oracle.truth = path.apply(t, FACE);
        List<TrackedFace> found;
        try (Mat affine = path.matrix(t).toMat(); Mat frame = new Mat()) {
          warpAffine(picture, frame, affine, size, INTER_LINEAR, BORDER_REFLECT, black);
          found = tracker.track(frame, t / FPS, t);
        }
        if (!found.isEmpty()) {
          out.put(t, found.get(0).landmarks());
        }
      }
    }
    return out;
  }

  @Test
  void warmUpBringsTheFirstFrameAfterEachCutToTheWholeRun() {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    try (Mat picture = StillImages.read(png, StillImages.DEFAULT_MAX_PIXELS)) {
      CameraPath path = new CameraPath(picture.cols(), picture.rows(), 2);
      Map<Integer, Landmarks5> whole = track(picture, path, 0, FRAMES);
      int warmup = 30;
      for (int cut : CUTS) {
        Landmarks5 reference = whole.get(cut);
        double eye = reference.eyeDistance();
        double warm = TrackingBenchmark.error(track(picture, path, cut - warmup, cut + 1).get(cut), reference);
        double cold = TrackingBenchmark.error(track(picture, path, cut, cut + 1).get(cut), reference);
        System.out.printf("cut at frame %d: warm-up %d frames %.5f, none %.5f inter-ocular (eye distance %.1f px)%n",
            cut, warmup, warm, cold, eye);
        assertTrue(warm < 0.01, "with warm-up: " + warm);
        assertTrue(cold > warm, "the warm-up is what brings it close: " + cold + " vs " + warm);
      }
      assertEquals(FRAMES, whole.size(), "the face is tracked on every frame");
    }
  }
}
