package io.restorevideo.cli.options;

import io.restorevideo.api.AlignedFaceJob;
import io.restorevideo.api.FaceModels;
import io.restorevideo.api.VideoFaces;
import io.restorevideo.nn.DeviceChoice;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerConfig;
import io.restorevideo.nn.codeformer.CodeFormerMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How faces are restored (CodeFormer settings): a picocli mixin of the restore command. */
public final class FaceOptions {
  @Spec(Spec.Target.MIXEE)
  public CommandSpec spec;

  @Option(names = {"-w", "--fidelity"}, paramLabel = "W", defaultValue = "0.5",
      description = "Fidelity weight in [0, 1]: lower = higher quality from the codebook, higher = closer to "
          + "the input (default: ${DEFAULT-VALUE}). --mode restore only.")
  public double fidelity;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "restore",
      description = "restore (codeformer.pth), colorize (codeformer_colorization.pth: w=0, as the official "
          + "script; on whole frames only the face regions get colour) or inpaint (codeformer_inpainting.pth: "
          + "w=1, fills the pure white pixels of aligned faces, needs --has-aligned) "
          + "(default: ${DEFAULT-VALUE}). Each mode loads its own model (--weights MODEL=PATH with the model "
          + "names codeformer, codeformer-colorization, codeformer-inpainting).")
  public String modeName;

  private CodeFormerMode mode = CodeFormerMode.RESTORE;

  @Option(names = "--has-aligned",
      description = "The inputs are already cropped and aligned faces (resized to 512x512 if needed): "
          + "restore them as they are, without detection or paste-back.")
  public boolean hasAligned;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
      description = "Where the networks run: auto (the GPU when PyTorch sees a CUDA device, else the CPU; "
          + "says which on stderr), cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  public String device;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
      description = "Arithmetic precision: fp32 or fp16 (GPU only) (default: ${DEFAULT-VALUE}).")
  public Precision precision;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "auto",
      description = "Faces per network call, gathered across consecutive video frames: a number, or auto "
          + "(" + VideoFaces.AUTO_BATCH_GPU + " on a GPU, " + VideoFaces.AUTO_BATCH_CPU + " on the CPU) "
          + "(default: ${DEFAULT-VALUE}).")
  public String batchSize;

  @Option(names = "--codeformer-heads", paramLabel = "N", defaultValue = "" + CodeFormerConfig.DEFAULT_HEADS,
      description = "Attention heads of the CodeFormer checkpoint; the file does not record them "
          + "(default: ${DEFAULT-VALUE}, the official codeformer.pth).")
  public int heads;

  private DeviceChoice choice;
  private boolean announced;

  /** Range checks picocli cannot express; the caller turns the exception into a usage error. */
  public void validate() {
    mode = CodeFormerMode.parse(modeName);
    if (!(fidelity >= 0 && fidelity <= 1)) {
      throw new IllegalArgumentException("-w must be between 0 and 1, got " + fidelity);
    }
    batchSize();
    if (precision == Precision.FP16) {
      // only fp16 needs the device now; otherwise auto is resolved when a network is loaded
      device().check(precision);
    }
  }

  /** The resolved device ({@code auto} resolved once); see {@link #announceDevice()}. */
  public synchronized DeviceChoice device() {
    if (choice == null) {
      choice = DeviceChoice.resolve(device);
    }
    return choice;
  }

  /**
   * Says on stderr, once, which device {@code auto} picked. Called when the first network loads, so that a
   * job that fails on its input, or needs no network, prints only its own line.
   */
  public synchronized void announceDevice() {
    if (!announced && device.trim().equalsIgnoreCase("auto")) {
      System.err.println("restore-video: " + device().why());
    }
    announced = true;
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

  public double fidelity() {
    return fidelity;
  }

  /** The networks' settings (detector threshold and Real-ESRGAN tile of the official script). */
  public FaceModels.Settings modelSettings() {
    FaceModels.Settings d = FaceModels.Settings.defaults();
    return modelSettings(d.detectorThreshold(), d.bgTile());
  }

  /** The networks' settings with the detector threshold and Real-ESRGAN tile of the still-image options. */
  public FaceModels.Settings modelSettings(float detectorThreshold, int bgTile) {
    return new FaceModels.Settings(device().device(), precision, batchSize(), heads, detectorThreshold, bgTile,
        mode);
  }

  public boolean hasAligned() {
    return hasAligned;
  }

  /** The {@code --mode}, known after {@link #validate()}. */
  public CodeFormerMode mode() {
    return mode;
  }

  /** Whether {@code -w} was given on the command line while the mode fixes w (so it is ignored). */
  public boolean fidelityIgnored() {
    return !mode.takesFidelity() && spec != null && spec.commandLine().getParseResult().hasMatchedOption("-w");
  }

  public AlignedFaceJob.Settings settings() {
    return new AlignedFaceJob.Settings(fidelity, device().device(), precision, batchSize(), heads, mode);
  }
}
