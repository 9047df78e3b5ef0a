package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmark jitter of a tracked video: the mean, over tracks, frames and the 5 landmarks, of the length of
 * the landmark's second difference {@code p[t] - 2 p[t-1] + p[t-2]} divided by the face's inter-ocular
 * distance (at {@code t-1}). A face moving at constant velocity scores 0; frame-to-frame noise of the
 * landmarks scores high. A track contributes from its third consecutive frame; a gap restarts it.
 */
public final class JitterMeter {
  private final Map<Integer, History> histories = new HashMap<>();
  private double sum;
  private long samples;

  private static final class History {
    long lastFrame = Long.MIN_VALUE;
    Landmarks5 older;
    Landmarks5 last;
  }

  /** Adds the landmarks of one track on one frame; frames of a track must come in increasing order. */
  public void add(long frameIndex, int trackId, Landmarks5 landmarks) {
    History h = histories.computeIfAbsent(trackId, id -> new History());
    boolean consecutive = h.last != null && frameIndex == h.lastFrame + 1;
    if (consecutive && h.older != null) {
      double iod = h.last.eyeDistance();
      if (iod > 0) {
        for (int i = 0; i < 5; i++) {
          double ddx = landmarks.x(i) - 2.0 * h.last.x(i) + h.older.x(i);
          double ddy = landmarks.y(i) - 2.0 * h.last.y(i) + h.older.y(i);
          sum += Math.hypot(ddx, ddy) / iod;
          samples++;
        }
      }
    }
    h.older = consecutive ? h.last : null;
    h.last = landmarks;
    h.lastFrame = frameIndex;
  }

  /** Adds one frame of tracker output, measuring the smoothed landmarks (the ones used for alignment). */
  public void addSmoothed(long frameIndex, List<TrackedFace> faces) {
    for (TrackedFace f : faces) {
      add(frameIndex, f.trackId(), f.landmarks());
    }
  }

  /** Adds one frame of tracker output, measuring the landmarks before smoothing. */
  public void addRaw(long frameIndex, List<TrackedFace> faces) {
    for (TrackedFace f : faces) {
      add(frameIndex, f.trackId(), f.rawLandmarks());
    }
  }

  /** The mean normalised second difference so far; 0 before any sample. */
  public double jitter() {
    return samples == 0 ? 0 : sum / samples;
  }

  /** Number of landmark second differences measured. */
  public long samples() {
    return samples;
  }
}
