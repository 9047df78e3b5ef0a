package io.restorevideo.restore;

import io.restorevideo.face.detect.DetectionResizer;
import io.restorevideo.face.detect.FaceSelection;
import io.restorevideo.face.color.Grayscale;
import io.restorevideo.nn.codeformer.CodeFormerMode;

/**
 * What the per-frame face path does, with the defaults of {@code inference_codeformer.py}: fidelity 0.5,
 * upscale 2, every face, parse mask on, no box, no face upsampling, detection on short side 640, eye-distance
 * threshold 5, gray threshold 10. Immutable; build with {@link #builder()}.
 *
 * <p>{@code detectorThreshold} is the confidence the detector should keep faces above (the helper builds
 * RetinaFace with its default 0.8); the detector is constructed outside this path, so whoever builds it
 * reads it from here.
 */
public final class FaceRestoreOptions {
  private final double fidelity;
  private final int upscale;
  private final boolean onlyCenterFace;
  private final boolean parse;
  private final boolean drawBox;
  private final boolean faceUpsample;
  private final boolean upsampleBackground;
  private final double detectorThreshold;
  private final int detectionShortSide;
  private final double eyeDistThreshold;
  private final double grayThreshold;

  private FaceRestoreOptions(Builder b) {
    this.fidelity = b.fidelity;
    this.upscale = b.upscale;
    this.onlyCenterFace = b.onlyCenterFace;
    this.parse = b.parse;
    this.drawBox = b.drawBox;
    this.faceUpsample = b.faceUpsample;
    this.upsampleBackground = b.upsampleBackground;
    this.detectorThreshold = b.detectorThreshold;
    this.detectionShortSide = b.detectionShortSide;
    this.eyeDistThreshold = b.eyeDistThreshold;
    this.grayThreshold = b.grayThreshold;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static FaceRestoreOptions defaults() {
    return builder().build();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return builder().fidelity(fidelity).upscale(upscale).onlyCenterFace(onlyCenterFace).parse(parse)
        .drawBox(drawBox).faceUpsample(faceUpsample).upsampleBackground(upsampleBackground).detectorThreshold(detectorThreshold)
        .detectionShortSide(detectionShortSide).eyeDistThreshold(eyeDistThreshold).grayThreshold(grayThreshold);
  }

  /** CodeFormer's {@code w}: 0 favours quality, 1 fidelity to the input. */
  public double fidelity() {
    return fidelity;
  }

  /** The output is this many times the (upsized) input. */
  public int upscale() {
    return upscale;
  }

  public boolean onlyCenterFace() {
    return onlyCenterFace;
  }

  /** Whether the ParseNet mask limits the paste (off with {@code --no-parse}). */
  public boolean parse() {
    return parse;
  }

  public boolean drawBox() {
    return drawBox;
  }

  /** Whether restored faces go through the upsampler before the paste (needs one). */
  public boolean faceUpsample() {
    return faceUpsample;
  }

  /**
   * Whether the upsampler, when there is one, makes the background. Off for the official {@code --face_upsample}
   * without {@code --bg_upsampler}: Real-ESRGAN then enlarges only the faces and the background is a plain resize.
   */
  public boolean upsampleBackground() {
    return upsampleBackground;
  }

  public double detectorThreshold() {
    return detectorThreshold;
  }

  public int detectionShortSide() {
    return detectionShortSide;
  }

  public double eyeDistThreshold() {
    return eyeDistThreshold;
  }

  public double grayThreshold() {
    return grayThreshold;
  }

  @Override
  public String toString() {
    return "FaceRestoreOptions[w=" + fidelity + ", upscale=" + upscale + ", onlyCenterFace=" + onlyCenterFace
        + ", parse=" + parse + ", drawBox=" + drawBox + ", faceUpsample=" + faceUpsample
        + ", upsampleBackground=" + upsampleBackground + ", detectorThreshold="
        + detectorThreshold + ", detectionShortSide=" + detectionShortSide + ", eyeDistThreshold="
        + eyeDistThreshold + ", grayThreshold=" + grayThreshold + "]";
  }

  /** Validates each value as it is set, so a bad option fails where it is given. */
  public static final class Builder {
    private double fidelity = 0.5;
    private int upscale = 2;
    private boolean onlyCenterFace;
    private boolean parse = true;
    private boolean drawBox;
    private boolean faceUpsample;
    private boolean upsampleBackground = true;
    private double detectorThreshold = 0.8;
    private int detectionShortSide = DetectionResizer.DEFAULT_SHORT_SIDE;
    private double eyeDistThreshold = FaceSelection.DEFAULT_EYE_DIST_THRESHOLD;
    private double grayThreshold = Grayscale.DEFAULT_THRESHOLD;

    private Builder() {}

    public Builder fidelity(double w) {
      this.fidelity = CodeFormerMode.checkFidelity(w);
      return this;
    }

    public Builder upscale(int upscale) {
      if (upscale < 1 || upscale > 8) {
        throw new IllegalArgumentException("upscale must be in 1..8, got " + upscale);
      }
      this.upscale = upscale;
      return this;
    }

    public Builder onlyCenterFace(boolean v) {
      this.onlyCenterFace = v;
      return this;
    }

    public Builder parse(boolean v) {
      this.parse = v;
      return this;
    }

    public Builder drawBox(boolean v) {
      this.drawBox = v;
      return this;
    }

    public Builder faceUpsample(boolean v) {
      this.faceUpsample = v;
      return this;
    }

    public Builder upsampleBackground(boolean v) {
      this.upsampleBackground = v;
      return this;
    }

    public Builder detectorThreshold(double t) {
      if (!(t >= 0 && t < 1)) {
        throw new IllegalArgumentException("detector threshold must be in [0, 1), got " + t);
      }
      this.detectorThreshold = t;
      return this;
    }

    public Builder detectionShortSide(int side) {
      if (side < 16) {
        throw new IllegalArgumentException("detection short side must be >= 16, got " + side);
      }
      this.detectionShortSide = side;
      return this;
    }

    public Builder eyeDistThreshold(double t) {
      if (!(t >= 0)) {
        throw new IllegalArgumentException("eye distance threshold must be >= 0, got " + t);
      }
      this.eyeDistThreshold = t;
      return this;
    }

    public Builder grayThreshold(double t) {
      if (!(t >= 0)) {
        throw new IllegalArgumentException("gray threshold must be >= 0, got " + t);
      }
      this.grayThreshold = t;
      return this;
    }

    public FaceRestoreOptions build() {
      return new FaceRestoreOptions(this);
    }
  }
}
