package io.restorevideo.face.track;

/**
 * Settings of {@link FaceTracker}.
 *
 * @param detectEvery run the detector at least every this many frames (1 = every frame)
 * @param smoothing landmark smoothing strength in [0, 1] (0 = off), see {@link LandmarkSmoother}
 * @param missLimit a track that the detector misses on more than this many consecutive keyframes is ended;
 *     until then it is carried forward by optical flow (the gap is filled)
 * @param iouThreshold least box overlap (intersection over union) for a detection to continue a track
 * @param cutThreshold scene-cut threshold of {@link SceneCutDetector} (gray levels)
 */
public record TrackerOptions(
    int detectEvery, double smoothing, int missLimit, double iouThreshold, double cutThreshold) {
  /**
   * Detector on every 5th frame, chosen with {@code bench tracking} (docs/benchmarks.md): on a real face
   * moved along known handheld and quick camera paths, with detector noise of 1 % and 2 % of the eye
   * distance, 5 is the longest interval tried (1, 2, 3, 5, 8, 12, 20) whose smoothed landmarks stay nearer
   * the truth than per-frame detection in every run (8 and 12 do not); it costs a fifth of the detector
   * calls, cuts the shake the tracking adds to the motion about twelvefold, and a new face waits at most 4
   * frames.
   */
  public static final int DEFAULT_DETECT_EVERY = 5;
  public static final double DEFAULT_SMOOTHING = 0.5;
  public static final int DEFAULT_MISS_LIMIT = 2;
  public static final double DEFAULT_IOU_THRESHOLD = 0.3;

  public TrackerOptions {
    if (detectEvery < 1) {
      throw new IllegalArgumentException("detect-every must be at least 1, got " + detectEvery);
    }
    if (!(smoothing >= 0 && smoothing <= 1)) {
      throw new IllegalArgumentException("smoothing must be in [0, 1], got " + smoothing);
    }
    if (missLimit < 0) {
      throw new IllegalArgumentException("miss limit must be >= 0, got " + missLimit);
    }
    if (!(iouThreshold > 0 && iouThreshold <= 1)) {
      throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iouThreshold);
    }
    if (!(cutThreshold > 0)) {
      throw new IllegalArgumentException("scene cut threshold must be positive, got " + cutThreshold);
    }
  }

  public static TrackerOptions defaults() {
    return new TrackerOptions(
        DEFAULT_DETECT_EVERY,
        DEFAULT_SMOOTHING,
        DEFAULT_MISS_LIMIT,
        DEFAULT_IOU_THRESHOLD,
        SceneCutDetector.DEFAULT_THRESHOLD);
  }

  /** The official per-frame behaviour: detector on every frame, no smoothing, no gap filling. */
  public static TrackerOptions officialParity() {
    return defaults().withDetectEvery(1).withSmoothing(0);
  }

  /**
   * True when the output must be exactly the detector's faces on every frame (detect every frame, no
   * smoothing): then a face the detector misses is not filled in either.
   */
  public boolean parity() {
    return detectEvery == 1 && smoothing == 0;
  }

  public TrackerOptions withDetectEvery(int n) {
    return new TrackerOptions(n, smoothing, missLimit, iouThreshold, cutThreshold);
  }

  public TrackerOptions withSmoothing(double s) {
    return new TrackerOptions(detectEvery, s, missLimit, iouThreshold, cutThreshold);
  }

  public TrackerOptions withMissLimit(int k) {
    return new TrackerOptions(detectEvery, smoothing, k, iouThreshold, cutThreshold);
  }

  public TrackerOptions withIouThreshold(double t) {
    return new TrackerOptions(detectEvery, smoothing, missLimit, t, cutThreshold);
  }

  public TrackerOptions withCutThreshold(double t) {
    return new TrackerOptions(detectEvery, smoothing, missLimit, iouThreshold, t);
  }
}
