package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tracking on synthetic clips whose true landmarks are known; the detector is scripted and noisy. */
class FaceTrackerTest {
  private static final double FPS = 30;
  private static Mat faceA;
  private static Mat faceB;
  private final Map<Long, Mat> backgrounds = new HashMap<>();

  @BeforeAll
  static void patches() {
    faceA = SyntheticScene.facePatch(11);
    faceB = SyntheticScene.facePatch(12);
  }

  @AfterAll
  static void release() {
    faceA.close();
    faceB.close();
  }

  /** A face on a frame: which patch, where its top-left corner is. */
  private record Placement(Mat patch, double[] topLeft) {}

  /** A shot: background per frame and the faces on it. */
  private record Clip(int frames, IntFunction<Long> background, IntFunction<List<Placement>> faces) {}

  /** Smooth pan: 1.5 px/frame to the right with a gentle vertical sway. */
  private static double[] panA(int i) {
    return SyntheticScene.at(40 + 1.5 * i, 50 + 8 * Math.sin(2 * Math.PI * i / 50.0));
  }

  private static Clip oneFacePan(int frames) {
    return new Clip(frames, i -> 1L, i -> List.of(new Placement(faceA, panA(i))));
  }

  private static IntFunction<List<ScriptedDetector.Truth>> truthOf(Clip clip, IntPredicate detectorMisses) {
    return i -> {
      if (detectorMisses.test(i)) {
        return List.of();
      }
      List<ScriptedDetector.Truth> out = new ArrayList<>();
      for (Placement p : clip.faces().apply(i)) {
        out.add(new ScriptedDetector.Truth(
            SyntheticScene.landmarksAt(p.topLeft()), SyntheticScene.boxAt(p.topLeft()), 0.99f));
      }
      return out;
    };
  }

  private List<List<TrackedFace>> run(Clip clip, ScriptedDetector detector, FaceTracker tracker) {
    List<List<TrackedFace>> out = new ArrayList<>();
    for (int i = 0; i < clip.frames(); i++) {
      Mat bg = backgrounds.computeIfAbsent(clip.background().apply(i), SyntheticScene::background);
      List<Placement> faces = clip.faces().apply(i);
      try (Mat frame = SyntheticScene.render(
          bg, faces.stream().map(Placement::patch).toList(), faces.stream().map(Placement::topLeft).toList())) {
        detector.setFrame(i);
        out.add(tracker.track(frame, i / FPS));
      }
    }
    backgrounds.values().forEach(Mat::close);
    backgrounds.clear();
    return out;
  }

  private static double jitter(List<List<TrackedFace>> frames, boolean smoothed) {
    JitterMeter meter = new JitterMeter();
    for (int i = 0; i < frames.size(); i++) {
      if (smoothed) {
        meter.addSmoothed(i, frames.get(i));
      } else {
        meter.addRaw(i, frames.get(i));
      }
    }
    return meter.jitter();
  }

  /** Mean distance of the smoothed landmarks to the truth, in pixels (single-face clips). */
  private static double meanError(List<List<TrackedFace>> frames, IntFunction<double[]> path) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < frames.size(); i++) {
      Landmarks5 truth = SyntheticScene.landmarksAt(path.apply(i));
      for (TrackedFace f : frames.get(i)) {
        for (int k = 0; k < 5; k++) {
          sum += Math.hypot(f.landmarks().x(k) - truth.x(k), f.landmarks().y(k) - truth.y(k));
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void detectEveryNCallsTheDetectorOnceInNFramesOnASmoothPan() {
    int frames = 60;
    for (int n : new int[] {1, 5, 10}) {
      Clip clip = oneFacePan(frames);
      ScriptedDetector det = new ScriptedDetector(truthOf(clip, i -> false), 1.0, 1);
      try (FaceTracker tracker = new FaceTracker(det, TrackerOptions.defaults().withDetectEvery(n))) {
        List<List<TrackedFace>> out = run(clip, det, tracker);
        assertEquals((frames + n - 1) / n, det.calledOn.size(), "detector calls with detect-every " + n);
        assertEquals(det.calledOn.size(), tracker.keyframes());
        for (int i = 0; i < frames; i++) {
          assertEquals(1, out.get(i).size(), "one face on frame " + i);
          assertEquals(0, out.get(i).get(0).trackId(), "one track throughout");
          assertEquals(i % n == 0, out.get(i).get(0).detected(), "detected only on keyframes, frame " + i);
        }
      }
    }
  }

  @Test
  void smoothingHalvesTheJitterOfPerFrameDetection() {
    int frames = 90;
    Clip clip = oneFacePan(frames);
    TrackerOptions perFrame = TrackerOptions.officialParity();
    Map<String, TrackerOptions> configs = new java.util.LinkedHashMap<>();
    configs.put("per-frame detection, no smoothing", perFrame);
    configs.put("per-frame detection, smoothing 0.5", perFrame.withSmoothing(0.5));
    configs.put("defaults (detect-every 5, smoothing 0.5)", TrackerOptions.defaults());
    Map<String, double[]> results = new java.util.LinkedHashMap<>();
    for (var e : configs.entrySet()) {
      ScriptedDetector det = new ScriptedDetector(truthOf(clip, i -> false), 1.0, 7);
      try (FaceTracker tracker = new FaceTracker(det, e.getValue())) {
        List<List<TrackedFace>> out = run(clip, det, tracker);
        results.put(e.getKey(), new double[] {jitter(out, true), jitter(out, false), meanError(out, FaceTrackerTest::panA)});
      }
    }
    double[] base = results.get("per-frame detection, no smoothing");
    results.forEach((k, v) -> System.out.printf(
        "jitter %-42s %.4f (raw %.4f), ratio to per-frame %.3f, mean landmark error %.2f px%n",
        k, v[0], v[1], v[0] / base[0], v[2]));
    // landmark noise of 1 px on a 40 px eye distance: white noise gives about 3 px / 40 of second difference
    assertTrue(base[0] > 0.05, "the noisy detector must actually jitter: " + base[0]);
    for (String k : List.of("per-frame detection, smoothing 0.5", "defaults (detect-every 5, smoothing 0.5)")) {
      double[] v = results.get(k);
      assertTrue(v[0] <= 0.5 * base[0], k + ": jitter " + v[0] + " vs per-frame " + base[0]);
      // steadiness must not be bought with lag on the pan: stay closer to the truth than the detector itself
      assertTrue(v[2] < base[2], k + ": mean landmark error " + v[2] + " px vs per-frame " + base[2]);
    }
  }

  @Test
  void sceneCutForcesAKeyframeAndNewTracks() {
    int frames = 40;
    int cutAt = 23;
    // the face stays where it was across the cut, so only the cut detector can tell the shots apart
    Clip clip = new Clip(
        frames,
        i -> i < cutAt ? 1L : 2L,
        i -> List.of(new Placement(i < cutAt ? faceA : faceB, SyntheticScene.at(100 + 0.5 * i, 60))));
    ScriptedDetector det = new ScriptedDetector(truthOf(clip, i -> false), 0.5, 3);
    try (FaceTracker tracker = new FaceTracker(det, TrackerOptions.defaults().withDetectEvery(100))) {
      List<List<TrackedFace>> out = run(clip, det, tracker);
      assertEquals(List.of(0, cutAt), det.calledOn, "keyframes: the first frame and the cut");
      assertEquals(1, tracker.sceneCuts());
      assertEquals(0, out.get(cutAt - 1).get(0).trackId());
      assertEquals(1, out.get(cutAt).get(0).trackId(), "a new shot starts a new track");
      assertTrue(out.get(cutAt).get(0).detected());
    }
  }

  @Test
  void gapsAreFilledAndTracksEndAfterTheMissLimit() {
    int frames = 75;
    int newAt = 53;
    // face A pans throughout; face B appears elsewhere at frame 53, between keyframes
    Clip clip = new Clip(frames, i -> 1L, i -> {
      List<Placement> p = new ArrayList<>();
      p.add(new Placement(faceA, panA(i)));
      if (i >= newAt) {
        p.add(new Placement(faceB, SyntheticScene.at(200, 100)));
      }
      return p;
    });
    // the detector misses face A on keyframe 15 only, then for good from frame 30 (say it turned away)
    IntFunction<List<ScriptedDetector.Truth>> all = truthOf(clip, i -> false);
    ScriptedDetector det = new ScriptedDetector(
        i -> all.apply(i).stream().filter(t -> (i != 15 && i < 30) || t.landmarks().x(0) > 220).toList(), 0.5, 5);
    TrackerOptions opts = TrackerOptions.defaults().withDetectEvery(5).withMissLimit(2);
    try (FaceTracker tracker = new FaceTracker(det, opts)) {
      List<List<TrackedFace>> out = run(clip, det, tracker);
      TrackedFace filled = out.get(15).get(0);
      assertEquals(0, filled.trackId(), "a one-keyframe gap keeps the track");
      assertFalse(filled.detected());
      Landmarks5 truth = SyntheticScene.landmarksAt(panA(15));
      assertEquals(truth.x(0), filled.rawLandmarks().x(0), 2.0, "gap filled by the flow near the truth");
      assertEquals(0, out.get(20).get(0).trackId());
      assertTrue(out.get(20).get(0).detected());
      // missed on keyframes 30, 35 (carried), 40 (third miss > limit 2): gone from frame 40 on
      assertEquals(0, out.get(39).get(0).trackId(), "carried through the gap");
      assertFalse(out.get(39).get(0).detected());
      for (int i = 40; i < 55; i++) {
        assertTrue(out.get(i).isEmpty(), "track ended by frame " + i + ": " + out.get(i));
      }
      // face B is picked up at the next keyframe, 55, with a new id
      assertEquals(1, out.get(55).size());
      assertEquals(1, out.get(55).get(0).trackId(), "a new face gets a new id");
      assertTrue(out.get(55).get(0).detected());
      assertEquals(2, tracker.tracksStarted());
      assertEquals(frames / 5, det.calledOn.size(), "no extra keyframes: the flow never lost a face");
    }
  }

  @Test
  void aFaceDetectedOnOneKeyframeOnlyIsNotCarriedThroughMisses() {
    int frames = 30;
    // both faces are in every frame, but the detector reports face B on keyframe 5 only (a one-off detection)
    Clip clip = new Clip(frames, i -> 1L, i -> List.of(new Placement(faceA, panA(i)),
        new Placement(faceB, SyntheticScene.at(200, 100))));
    IntFunction<List<ScriptedDetector.Truth>> all = truthOf(clip, i -> false);
    ScriptedDetector det = new ScriptedDetector(
        i -> all.apply(i).stream().filter(t -> i == 5 || t.landmarks().x(0) < 200).toList(), 0.5, 5);
    TrackerOptions opts = TrackerOptions.defaults().withDetectEvery(5).withMissLimit(2);
    try (FaceTracker tracker = new FaceTracker(det, opts)) {
      List<List<TrackedFace>> out = run(clip, det, tracker);
      assertEquals(2, out.get(5).size());
      assertEquals(2, out.get(9).size(), "carried by the flow until the next keyframe");
      for (int i = 10; i < frames; i++) {
        assertEquals(1, out.get(i).size(), "unconfirmed track ended at its first missed keyframe, frame " + i);
        assertEquals(0, out.get(i).get(0).trackId());
      }
    }
  }

  @Test
  void aFaceThatVanishesIsLostByTheFlowAndEndedAtOnce() {
    int frames = 40;
    int goneAt = 32;
    Clip clip = new Clip(frames, i -> 1L, i -> i < goneAt ? List.of(new Placement(faceA, panA(i))) : List.of());
    ScriptedDetector det = new ScriptedDetector(truthOf(clip, i -> false), 0.5, 5);
    try (FaceTracker tracker = new FaceTracker(det, TrackerOptions.defaults().withDetectEvery(10))) {
      List<List<TrackedFace>> out = run(clip, det, tracker);
      assertEquals(List.of(0, 10, 20, 30, goneAt), det.calledOn, "the lost flow forces a keyframe");
      assertEquals(1, out.get(goneAt - 1).size());
      for (int i = goneAt; i < frames; i++) {
        assertTrue(out.get(i).isEmpty(), "frame " + i);
      }
    }
  }

  @Test
  void detectEveryOneWithoutSmoothingReturnsExactlyTheDetectorsFaces() {
    int frames = 30;
    // two faces; the detector lists them in an order that changes, and drops one of them on some frames
    Clip clip = new Clip(frames, i -> 1L, i -> List.of(
        new Placement(faceA, panA(i)), new Placement(faceB, SyntheticScene.at(200 - i, 110))));
    IntFunction<List<ScriptedDetector.Truth>> base = truthOf(clip, i -> false);
    IntFunction<List<ScriptedDetector.Truth>> script = i -> {
      List<ScriptedDetector.Truth> t = new ArrayList<>(base.apply(i));
      if (i % 3 == 1) {
        java.util.Collections.reverse(t);
      }
      if (i % 7 == 4) {
        t.remove(0);
      }
      return t;
    };
    ScriptedDetector det = new ScriptedDetector(script, 1.5, 9);
    try (FaceTracker tracker = new FaceTracker(det, TrackerOptions.officialParity())) {
      for (int i = 0; i < frames; i++) {
        List<Placement> faces = clip.faces().apply(i);
        Mat bg = backgrounds.computeIfAbsent(1L, SyntheticScene::background);
        try (Mat frame = SyntheticScene.render(
            bg, faces.stream().map(Placement::patch).toList(), faces.stream().map(Placement::topLeft).toList())) {
          det.setFrame(i);
          List<TrackedFace> got = tracker.track(frame, i / FPS);
          List<DetectedFace> asDetections = got.stream().map(TrackedFace::asDetection).toList();
          assertEquals(det.lastResult, asDetections, "frame " + i);
          for (TrackedFace f : got) {
            assertTrue(f.detected());
            assertEquals(f.rawLandmarks(), f.landmarks());
          }
        }
      }
      assertEquals(frames, det.calledOn.size());
    }
    backgrounds.values().forEach(Mat::close);
    backgrounds.clear();
  }

  @Test
  void flowCarriesLandmarksBetweenKeyframesWithinAPixel() {
    int frames = 40;
    Clip clip = oneFacePan(frames);
    ScriptedDetector det = new ScriptedDetector(truthOf(clip, i -> false), 0.0, 1);
    try (FaceTracker tracker =
        new FaceTracker(det, TrackerOptions.defaults().withDetectEvery(1000).withSmoothing(0))) {
      List<List<TrackedFace>> out = run(clip, det, tracker);
      assertEquals(List.of(0), det.calledOn);
      double worst = 0;
      for (int i = 1; i < frames; i++) {
        Landmarks5 truth = SyntheticScene.landmarksAt(panA(i));
        Landmarks5 got = out.get(i).get(0).rawLandmarks();
        for (int k = 0; k < 5; k++) {
          worst = Math.max(worst, Math.hypot(got.x(k) - truth.x(k), got.y(k) - truth.y(k)));
        }
        assertNotEquals(true, out.get(i).get(0).detected());
      }
      System.out.printf("optical-flow carry over %d frames: worst landmark error %.3f px%n", frames - 1, worst);
      assertTrue(worst < 1.0, "worst carried landmark error " + worst + " px");
    }
  }

  /**
   * The pipeline's route: each frame's {@link TrackerFrame} made ahead, on other threads and out of order, then
   * tracked in order, gives the very faces of the inline route, over a clip with two moving faces, keyframes,
   * carried frames, a detector miss and a scene cut.
   */
  @Test
  void trackerFramesMadeAheadOnOtherThreadsTrackAsTheInlineRoute() throws Exception {
    int frames = 36;
    int cutAt = 22;
    Clip clip = new Clip(frames, i -> i < cutAt ? 1L : 2L, i -> List.of(
        new Placement(faceA, panA(i)),
        new Placement(faceB, SyntheticScene.at(190 - 1.0 * i, 90 + 0.5 * i))));
    IntFunction<List<ScriptedDetector.Truth>> all = truthOf(clip, i -> false);
    IntFunction<List<ScriptedDetector.Truth>> script = i -> i == 10 ? all.apply(i).subList(0, 1) : all.apply(i);
    List<Mat> rendered = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      Mat bg = backgrounds.computeIfAbsent(clip.background().apply(i), SyntheticScene::background);
      List<Placement> faces = clip.faces().apply(i);
      rendered.add(SyntheticScene.render(
          bg, faces.stream().map(Placement::patch).toList(), faces.stream().map(Placement::topLeft).toList()));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      ScriptedDetector inlineDet = new ScriptedDetector(script, 0.5, 9);
      List<List<TrackedFace>> inline = new ArrayList<>();
      try (FaceTracker tracker = new FaceTracker(inlineDet, TrackerOptions.defaults())) {
        for (int i = 0; i < frames; i++) {
          inlineDet.setFrame(i);
          inline.add(tracker.track(rendered.get(i), i / FPS, i));
        }
      }
      // submitted last frame first, so the inputs are made in another order than they are tracked
      List<java.util.concurrent.Future<TrackerFrame>> made = new ArrayList<>();
      for (int i = 0; i < frames; i++) {
        made.add(null);
      }
      for (int i = frames - 1; i >= 0; i--) {
        Mat frame = rendered.get(i);
        made.set(i, pool.submit(() -> TrackerFrame.of(frame)));
      }
      ScriptedDetector aheadDet = new ScriptedDetector(script, 0.5, 9);
      List<List<TrackedFace>> ahead = new ArrayList<>();
      try (FaceTracker tracker = new FaceTracker(aheadDet, TrackerOptions.defaults())) {
        for (int i = 0; i < frames; i++) {
          aheadDet.setFrame(i);
          ahead.add(tracker.track(made.get(i).get(), rendered.get(i), i / FPS, i));
        }
        assertEquals(1, tracker.sceneCuts());
      }
      assertEquals(inlineDet.calledOn, aheadDet.calledOn, "the same keyframes");
      assertTrue(inlineDet.calledOn.size() < frames / 2, "most frames are carried, not detected");
      for (int i = 0; i < frames; i++) {
        assertEquals(inline.get(i), ahead.get(i), "faces of frame " + i);
      }
      assertNotEquals(inline.get(cutAt - 1).get(0).trackId(), inline.get(cutAt).get(0).trackId());
    } finally {
      pool.shutdownNow();
      rendered.forEach(Mat::close);
      backgrounds.values().forEach(Mat::close);
      backgrounds.clear();
    }
  }
}
