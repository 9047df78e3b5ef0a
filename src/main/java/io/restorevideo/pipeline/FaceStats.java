package io.restorevideo.pipeline;

import io.restorevideo.face.track.JitterMeter;

/**
 * Counters of the face stages, written by their threads and read once the pipeline has finished (the
 * pipeline's end joins every stage thread, which publishes the values).
 */
public final class FaceStats {
  volatile long facesRestored;
  volatile long framesWithFaces;
  volatile long batches;
  volatile long keyframes;
  volatile int tracks;
  final JitterMeter smoothed = new JitterMeter();
  final JitterMeter unsmoothed = new JitterMeter();

  /** Faces restored and pasted back. */
  public long facesRestored() {
    return facesRestored;
  }

  /** Frames on which at least one face was restored. */
  public long framesWithFaces() {
    return framesWithFaces;
  }

  /** Calls of the face network. */
  public long batches() {
    return batches;
  }

  /** Frames on which the detector ran. */
  public long keyframes() {
    return keyframes;
  }

  /** Face tracks started. */
  public int tracks() {
    return tracks;
  }

  /** Landmark jitter of the landmarks used for alignment (after smoothing), see {@link JitterMeter}. */
  public double jitter() {
    return smoothed.jitter();
  }

  /** Landmark jitter of the same tracks before smoothing (detector on keyframes, optical flow between). */
  public double jitterUnsmoothed() {
    return unsmoothed.jitter();
  }
}
