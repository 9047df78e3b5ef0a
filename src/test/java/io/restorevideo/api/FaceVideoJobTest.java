package io.restorevideo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.nn.Precision;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.FrameResult;
import io.restorevideo.pipeline.FrameSlot;
import io.restorevideo.pipeline.FrameStage;
import io.restorevideo.testutil.ByteDiff;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face stages in a real video job with the tiny random-weight networks, on a zoompan clip of the
 * public-domain group photo: parity with the still-image path, tracking's detector savings and smoothing,
 * and failure inside a face stage. The tiny detector finds dozens of faces in the picture; the centre face
 * alone keeps the tests fast.
 */
class FaceVideoJobTest {
  @TempDir Path dir;

  private FaceModels models(int batch) {
    return new FaceModels(TinyModels.resolver(dir), new FaceModels.Settings("cpu", Precision.FP32, batch,
        TinyModels.CODEFORMER_HEADS, 0.8f, 0));
  }

  /** Keeps a copy of each frame as decoded. */
  private static final class Capture implements FrameStage {
    final List<Mat> frames = new ArrayList<>();

    @Override
    public String name() {
      return "capture";
    }

    @Override
    public void onFrame(FrameSlot slot) {
      frames.add(slot.picture().clone());
    }
  }

  @Test
  void detectEveryOneSmoothingZeroEqualsTheStillImagePathOnEveryFrame() {
    Path clip = GroupClip.zoom(dir, "640x512", 6);
    FaceRestoreOptions options = FaceRestoreOptions.builder().fidelity(0.8).upscale(1).onlyCenterFace(true).build();
    Capture decoded = new Capture();
    Capture composited = new Capture();
    long videoFaces;
    // batch 1 on both sides: a batch of several faces may move a value by one level (float reassociation)
    try (FaceModels m = models(1)) {
      FaceStages faces = VideoFaces.tracked(m, options, TrackerOptions.officialParity(), false);
      List<FrameStage> stages = new ArrayList<>();
      stages.add(decoded);
      stages.addAll(faces.stages());
      stages.add(composited);
      JobSummary s = VideoJob.builder(clip.toString(), dir.resolve("out.mkv").toString()).stages(stages).build()
          .run();
      assertEquals(6, s.frames());
      assertEquals(6, decoded.frames.size());
      assertEquals(6, composited.frames.size());
      assertEquals(6, faces.stats().keyframes(), "parity mode detects on every frame");
      videoFaces = faces.stats().facesRestored();
    }
    long faces = 0;
    try (FaceModels ref = models(1)) {
      FrameFaceRestorer still = new FrameFaceRestorer(options, ref.detector(), ref.restorer(), ref.masker(), null);
      for (int i = 0; i < 6; i++) {
        FrameResult expected = still.process(decoded.frames.get(i));
        faces += expected.faces().size();
        Mat got = composited.frames.get(i);
        assertEquals(expected.output().cols(), got.cols());
        assertEquals(expected.output().rows(), got.rows());
        assertEquals(0, ByteDiff.of(bytes(expected.output()), bytes(got)).max(), "frame " + i);
        assertTrue(ByteDiff.of(bytes(decoded.frames.get(i)), bytes(got)).max() > 0,
            "frame " + i + ": the restoration changed nothing, so equality would prove nothing");
      }
    }
    assertTrue(faces > 0, "the still-image path found no face");
    assertEquals(faces, videoFaces, "the video path restored the same number of faces");
  }

  /** The detector's faces with Gaussian noise of {@code sigma} pixels on the landmarks; counts calls. */
  private static final class NoisyDetector implements FaceDetector {
    final FaceDetector inner;
    final Random random = new Random(7);
    final double sigma;
    int calls;

    NoisyDetector(FaceDetector inner, double sigma) {
      this.inner = inner;
      this.sigma = sigma;
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
      calls++;
      List<DetectedFace> out = new ArrayList<>();
      for (DetectedFace f : inner.detect(bgr)) {
        float[] xy = f.landmarks().toArray();
        for (int i = 0; i < xy.length; i++) {
          xy[i] += (float) (random.nextGaussian() * sigma);
        }
        out.add(new DetectedFace(f.x1(), f.y1(), f.x2(), f.y2(), f.score(), new Landmarks5(xy)));
      }
      return out;
    }

    @Override
    public void close() {}
  }

  private record TrackRun(int detectorCalls, JobSummary summary) {}

  private TrackRun trackedRun(Path clip, TrackerOptions tracking, String name) {
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).onlyCenterFace(true).build();
    try (FaceModels m = models(4)) {
      NoisyDetector noisy = new NoisyDetector(HelperDetection.official(m.detector(), true), 2.0);
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, m.restorer(), null, null);
      FaceStages stages = FaceStages.tracked(faces, noisy, tracking, 4);
      JobSummary s = VideoJob.builder(clip.toString(), dir.resolve(name).toString()).faces(() -> stages).build().run();
      return new TrackRun(noisy.calls, s);
    }
  }

  @Test
  void trackingCutsDetectorCallsAndSmoothingLowersJitterOnNoisyLandmarks() {
    Path clip = GroupClip.zoom(dir, "320x256", 20);
    TrackRun perFrame = trackedRun(clip, TrackerOptions.officialParity(), "per-frame.mkv");
    TrackRun tracked = trackedRun(clip, TrackerOptions.defaults(), "tracked.mkv");
    assertEquals(20, perFrame.detectorCalls());
    assertEquals(20, perFrame.summary().faces().keyframes());
    // default every 5th frame: frames 0, 5, 10, 15 (a lost track or a cut would add one)
    assertEquals(4, tracked.detectorCalls(), "detector calls with --detect-every 5");
    assertEquals(tracked.detectorCalls(), tracked.summary().faces().keyframes());
    assertTrue(tracked.summary().faces().facesRestored() >= perFrame.summary().faces().facesRestored(),
        "tracking keeps every face: " + tracked.summary().faces() + " vs " + perFrame.summary().faces());
    double raw = perFrame.summary().faces().jitter();
    double smooth = tracked.summary().faces().jitter();
    assertTrue(raw > 0, "noisy landmarks must jitter");
    assertEquals(raw, perFrame.summary().faces().jitterUnsmoothed(), 1e-12, "no smoothing: both measures agree");
    assertTrue(smooth <= raw / 2, "jitter " + smooth + " with tracking and smoothing vs " + raw + " per frame");
    assertTrue(tracked.summary().faces().jitter() < tracked.summary().faces().jitterUnsmoothed(),
        "smoothing lowers the tracked landmarks' own jitter: " + tracked.summary().faces());
  }

  @Test
  void aFailureInsideTheRestoreStageStopsTheJobWithItsMessage() {
    Path clip = GroupClip.zoom(dir, "320x256", 12);
    Path out = dir.resolve("failed.mp4");
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).onlyCenterFace(true).build();
    FaceBatchRestorer broken = (faces, w) -> {
      throw new IllegalStateException("injected restore failure");
    };
    try (FaceModels m = models(2)) {
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, broken, null, null);
      FaceStages stages = FaceStages.tracked(faces, HelperDetection.official(m.detector(), true),
          TrackerOptions.defaults(), 2);
      UserException e = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> assertThrows(UserException.class,
          () -> VideoJob.builder(clip.toString(), out.toString()).faces(() -> stages).build().run()));
      assertTrue(e.getMessage().contains("restore") && e.getMessage().contains("injected restore failure"),
          e.getMessage());
    }
    assertFalse(Files.exists(out), "nothing at OUTPUT after a failed job");
  }

  static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    m.data().get(b);
    return b;
  }
}
