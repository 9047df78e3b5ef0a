package io.restorevideo.api;

import io.restorevideo.nn.DeviceChoice;
import io.restorevideo.nn.codeformer.CodeFormerConfig;
import io.restorevideo.nn.codeformer.CodeFormerMode;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How faces are restored, as a user states it (mode, fidelity {@code w}, device, precision, batch size, heads,
 * aligned input), checked in this one place: every path that restores faces (whole frames, aligned stills,
 * aligned video) takes its network settings from here, so {@code -w} and its siblings have one rule and one
 * message each. {@code auto} device and batch size are resolved on first use, once.
 */
public final class FaceSettings {
  /** Attention heads of the official codeformer.pth (its file does not record them). */
  public static final int DEFAULT_HEADS = CodeFormerConfig.DEFAULT_HEADS;

  /** Arithmetic precision of the networks: fp16 runs on a GPU only. */
  public enum Precision { FP32, FP16 }

  private final CodeFormerMode mode;
  private final double fidelity;
  private final String device;
  private final Precision precision;
  private final String batchSize;
  private final int heads;
  private final boolean hasAligned;
  private DeviceChoice choice;
  private boolean announced;

  private FaceSettings(CodeFormerMode mode, double fidelity, String device, Precision precision, String batchSize,
      int heads, boolean hasAligned) {
    this.mode = mode;
    this.fidelity = fidelity;
    this.device = device;
    this.precision = precision;
    this.batchSize = batchSize;
    this.heads = heads;
    this.hasAligned = hasAligned;
  }

  /**
   * The settings of these values, each checked.
   *
   * @param mode {@code restore}, {@code colorize} or {@code inpaint} (any case)
   * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
   * @param batchSize a number of at least 1, or {@code auto}
   * @throws IllegalArgumentException naming the option and the bad value
   */
  public static FaceSettings of(String mode, double fidelity, String device, Precision precision, String batchSize,
      int heads, boolean hasAligned) {
    FaceSettings s = new FaceSettings(CodeFormerMode.parse(mode), CodeFormerMode.checkFidelity(fidelity), device, precision,
        batchSize, heads, hasAligned);
    s.batchSize();
    if (precision == Precision.FP16) {
      // only fp16 needs the device now; otherwise auto is resolved when a network is loaded
      s.device().check(s.nnPrecision());
    }
    return s;
  }

  /**
   * The same settings with another {@code w} (checked), for a video of a batch list that names its own; the
   * device already resolved is kept, so it is neither resolved nor announced again.
   */
  public FaceSettings withFidelity(double w) {
    FaceSettings s = new FaceSettings(mode, CodeFormerMode.checkFidelity(w), device, precision, batchSize, heads,
        hasAligned);
    s.choice = choice;
    s.announced = announced;
    return s;
  }

  /** {@code --mode inpaint} takes aligned faces only; null when these settings are fine. */
  public String inpaintProblem() {
    return mode == CodeFormerMode.INPAINT && !hasAligned ? "--mode inpaint needs --has-aligned: the official "
        + "inpainting model only takes aligned 512x512 faces with the damage painted pure white" : null;
  }

  /** Whether the mode fixes {@code w} (colorize, inpaint), so a given {@code -w} is ignored. */
  public boolean fixesFidelity() {
    return !mode.takesFidelity();
  }

  /** The warning for a {@code -w} given in a mode that fixes it. */
  public String ignoredFidelityWarning() {
    return String.format(Locale.ROOT, "-w is ignored in --mode %s (its official script fixes w=%.0f)",
        mode.cliName(), mode.fidelity(0));
  }

  /** Whether the mode is colorize (only the face regions of a whole frame get colour). */
  public boolean colorizes() {
    return mode == CodeFormerMode.COLORIZE;
  }

  public double fidelity() {
    return fidelity;
  }

  public boolean hasAligned() {
    return hasAligned;
  }

  /** The batch size, with auto resolved for the device. */
  public int batchSize() {
    if ("auto".equals(batchSize)) {
      return VideoFaces.autoBatchSize(device().device());
    }
    int n;
    try {
      n = Integer.parseInt(batchSize);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--batch-size must be a number or auto, got '" + batchSize + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, got " + n);
    }
    return n;
  }

  /**
   * Says through {@code out}, once, which device {@code auto} picked. Called when the first network loads, so
   * that a job that fails on its input, or needs no network, prints only its own line.
   */
  public synchronized void announceDevice(Consumer<String> out) {
    if (!announced && device.trim().equalsIgnoreCase("auto")) {
      out.accept(device().why());
    }
    announced = true;
  }

  /** The networks' settings with the official detector threshold and Real-ESRGAN tile. */
  public FaceModels.Settings modelSettings() {
    FaceModels.Settings d = FaceModels.Settings.defaults();
    return modelSettings(d.detectorThreshold(), d.bgTile());
  }

  /** The networks' settings with this detector threshold and Real-ESRGAN tile. */
  public FaceModels.Settings modelSettings(float detectorThreshold, int bgTile) {
    return new FaceModels.Settings(device().device(), nnPrecision(), batchSize(), heads, detectorThreshold, bgTile,
        mode);
  }

  /** The settings of the aligned-face job. */
  public AlignedFaceJob.Settings alignedSettings() {
    return new AlignedFaceJob.Settings(fidelity, device().device(), nnPrecision(), batchSize(), heads, mode);
  }

  CodeFormerMode mode() {
    return mode;
  }

  private synchronized DeviceChoice device() {
    if (choice == null) {
      choice = DeviceChoice.resolve(device);
    }
    return choice;
  }

  private io.restorevideo.nn.Precision nnPrecision() {
    return io.restorevideo.nn.Precision.valueOf(precision.name());
  }
}
