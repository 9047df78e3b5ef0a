package io.restorevideo.api;

import io.restorevideo.face.track.TrackerOptions;

/**
 * How faces are followed through a video, as a user states it: the detector runs on every {@code detectEvery}th
 * frame (and on scene cuts and lost tracks), landmarks are smoothed per track with strength {@code smoothing}
 * in [0, 1], and a track missed on more than {@code missLimit} keyframes in a row ends. Checked when made, with
 * the tracker's own rules.
 */
public record Tracking(int detectEvery, double smoothing, int missLimit) {
  public static final int DEFAULT_DETECT_EVERY = TrackerOptions.DEFAULT_DETECT_EVERY;
  public static final double DEFAULT_SMOOTHING = TrackerOptions.DEFAULT_SMOOTHING;
  public static final int DEFAULT_MISS_LIMIT = TrackerOptions.DEFAULT_MISS_LIMIT;

  public Tracking {
    new TrackerOptions(detectEvery, smoothing, missLimit, TrackerOptions.DEFAULT_IOU_THRESHOLD,
        TrackerOptions.defaults().cutThreshold());
  }

  /** The tracker's settings (its other thresholds at their defaults). */
  public TrackerOptions toTrackerOptions() {
    return TrackerOptions.defaults().withDetectEvery(detectEvery).withSmoothing(smoothing).withMissLimit(missLimit);
  }
}
