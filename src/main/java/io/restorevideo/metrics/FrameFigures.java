package io.restorevideo.metrics;

import java.util.Map;

/**
 * The figures of one frame; null where not measured (the first frame has no warping error, a frame without
 * face regions no face figures, a run without a reference no PSNR or SSIM). Warping errors and flicker are
 * mean absolute differences in levels (0..255); {@code tracks} is each face track's output warping error,
 * {@code inputTracks} the input's over the same pixels.
 */
public record FrameFigures(
    long index,
    double seconds,
    Double warping,
    Double inputWarping,
    Double faceWarping,
    Double inputFaceWarping,
    Double flicker,
    Double inputFlicker,
    Double psnr,
    Double facePsnr,
    Double inputPsnr,
    Double ssim,
    Double faceSsim,
    Map<Integer, Double> tracks,
    Map<Integer, Double> inputTracks) {
  /** Output's warping error over the input's on the whole frame, or null. */
  public Double excessWarping() {
    return warping == null ? null : warping - inputWarping;
  }

  /** Output's warping error over the input's on the face regions, or null. */
  public Double excessFaceWarping() {
    return faceWarping == null || inputFaceWarping == null ? null : faceWarping - inputFaceWarping;
  }

  static Double measured(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
