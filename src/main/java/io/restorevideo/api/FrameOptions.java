package io.restorevideo.api;

import io.restorevideo.restore.FaceRestoreOptions;

/**
 * How the faces of a whole frame (a still or a video frame) are put back, as the official script's options
 * say it: fidelity {@code w}, upscale, centre face only, parse mask, boxes, face upsampling and the background
 * upsampler. Checked when made; an {@link IllegalArgumentException} names the bad value.
 */
public final class FrameOptions {
  /**
   * The background of an upscaled frame: a plain resize, or Real-ESRGAN (RealESRGAN_x2plus). Spelt as the
   * official script's {@code --bg_upsampler} values.
   */
  public enum Background { none, realesrgan }

  private final FaceRestoreOptions options;
  private final Background background;

  private FrameOptions(FaceRestoreOptions options, Background background) {
    this.options = options;
    this.background = background;
  }

  /**
   * @param parse paste with the ParseNet face mask (else the square soft mask only)
   * @param faceUpsample also upsample the restored faces with Real-ESRGAN before pasting them
   */
  public static FrameOptions of(double fidelity, int upscale, boolean onlyCenterFace, boolean parse,
      boolean drawBox, boolean faceUpsample, Background background) {
    return new FrameOptions(FaceRestoreOptions.builder().fidelity(fidelity).upscale(upscale)
        .onlyCenterFace(onlyCenterFace).parse(parse).drawBox(drawBox).faceUpsample(faceUpsample)
        .upsampleBackground(background == Background.realesrgan).build(), background);
  }

  public double fidelity() {
    return options.fidelity();
  }

  public int upscale() {
    return options.upscale();
  }

  public boolean onlyCenterFace() {
    return options.onlyCenterFace();
  }

  public boolean parse() {
    return options.parse();
  }

  public boolean drawBox() {
    return options.drawBox();
  }

  public boolean faceUpsample() {
    return options.faceUpsample();
  }

  public Background background() {
    return background;
  }

  /** Whether Real-ESRGAN is needed, for the background or for the faces. */
  public boolean needsUpsampler() {
    return background == Background.realesrgan || options.faceUpsample();
  }

  /** The official detector threshold these options detect with. */
  public float detectorThreshold() {
    return (float) options.detectorThreshold();
  }

  /** The per-frame restore's options. */
  public FaceRestoreOptions restoreOptions() {
    return options;
  }
}
