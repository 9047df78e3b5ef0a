package io.restorevideo.metrics;

import java.util.List;

/**
 * What {@code metrics} found. Means are over the frames where a figure was measured; null where none was.
 *
 * @param warping output and input warping error on the whole frame, and the excess (output minus input)
 * @param faceWarping the same over the face regions
 * @param flicker motion-compensated luminance difference of the face regions
 * @param suspectFrame the frame that differs most from both its neighbours beyond what the input does (a
 *     flash, a glitch, a replaced frame), or -1 with fewer than two frames
 * @param quality PSNR and SSIM against the reference, or null without one
 * @param jitter landmark jitter of the output's faces, or null without a detector
 */
public record StabilityReport(
    String input,
    String output,
    String reference,
    String regions,
    long frames,
    Triple warping,
    Triple faceWarping,
    Triple flicker,
    long suspectFrame,
    Double suspectExcess,
    List<TrackFigures> tracks,
    Quality quality,
    Double jitter,
    StreamCheck streams,
    List<FrameFigures> perFrame) {

  /** A figure of the output, of the input, and the output's excess over the input. */
  public record Triple(Double output, Double input, Double excess) {}

  /** One face track's mean warping errors. */
  public record TrackFigures(int track, long frames, Double warping, Double inputWarping, Double excess) {}

  /** Means over the frames of PSNR (dB, capped at {@link ImageErrors#PSNR_CAP}) and SSIM against the reference. */
  public record Quality(Double psnr, Double facePsnr, Double inputPsnr, Double ssim, Double faceSsim) {}
}
