package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import java.util.Optional;

/**
 * The state of one face followed across frames. Mutated only by {@link FaceTracker} (single-threaded); other
 * stages read it through {@link TrackedFace} and the per-track grayscale decision.
 */
public final class FaceTrack {
  private final int id;
  private final LandmarkSmoother smoother;
  private Landmarks5 rawLandmarks;
  private Landmarks5 landmarks;
  private TrackBox box;
  private float score;
  private int age;
  private int misses;
  private int detections;
  private volatile Boolean grayscale;

  FaceTrack(int id, double smoothing) {
    this.id = id;
    this.smoother = new LandmarkSmoother(smoothing);
  }

  public int id() {
    return id;
  }

  /** Latest landmarks before smoothing. */
  public Landmarks5 rawLandmarks() {
    return rawLandmarks;
  }

  /** Latest smoothed landmarks. */
  public Landmarks5 landmarks() {
    return landmarks;
  }

  public TrackBox box() {
    return box;
  }

  public float score() {
    return score;
  }

  /** Frames this track has been followed, including the current one. */
  public int age() {
    return age;
  }

  /** Consecutive keyframes on which the detector did not find this face. */
  public int misses() {
    return misses;
  }

  /** Keyframes on which the detector found this face. */
  public int detections() {
    return detections;
  }

  /**
   * Whether the face is treated as grayscale. Decided once per track (on its first keyframe, by the
   * composite stage) so colour never flickers from frame to frame; empty until then.
   */
  public Optional<Boolean> grayscale() {
    return Optional.ofNullable(grayscale);
  }

  /** Records the per-track grayscale decision; the first decision stays, later calls return it. */
  public synchronized boolean decideGrayscale(boolean isGray) {
    if (grayscale == null) {
      grayscale = isGray;
    }
    return grayscale;
  }

  /** Takes a detection; {@code motion} is the flow's landmark displacement since the last frame, or null. */
  void observe(DetectedFace detection, double timeSeconds, float[] motion) {
    score = detection.score();
    misses = 0;
    detections++;
    update(detection.landmarks(), TrackBox.of(detection), timeSeconds, motion);
  }

  /** Moves to where the flow carried it; {@code motion} is the displacement of the landmarks. */
  void carry(Landmarks5 raw, TrackBox carriedBox, double timeSeconds, float[] motion) {
    update(raw, carriedBox, timeSeconds, motion);
  }

  void miss() {
    misses++;
  }

  private void update(Landmarks5 raw, TrackBox newBox, double timeSeconds, float[] motion) {
    rawLandmarks = raw;
    landmarks = smoother.smooth(raw, timeSeconds, motion);
    box = newBox;
    age++;
  }

  TrackedFace snapshot(boolean detected) {
    return new TrackedFace(id, landmarks, rawLandmarks, box, score, detected);
  }
}
