package io.restorevideo.cli.options;

import io.restorevideo.api.FaceSettings;
import io.restorevideo.api.FaceSettings.Precision;
import io.restorevideo.api.VideoFaces;
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

  @Option(names = "--codeformer-heads", paramLabel = "N", defaultValue = "" + FaceSettings.DEFAULT_HEADS,
      description = "Attention heads of the CodeFormer checkpoint; the file does not record them "
          + "(default: ${DEFAULT-VALUE}, the official codeformer.pth).")
  public int heads;

  private FaceSettings settings;

  /**
   * Checks the values in one place ({@link FaceSettings#of}); the caller turns the exception into a usage
   * error.
   */
  public void validate() {
    settings = FaceSettings.of(modeName, fidelity, device, precision, batchSize, heads, hasAligned);
  }

  /** The checked settings, known after {@link #validate()}. */
  public FaceSettings settings() {
    if (settings == null) {
      validate();
    }
    return settings;
  }

  /** Says on stderr, once, which device {@code auto} picked (see {@link FaceSettings#announceDevice}). */
  public void announceDevice() {
    settings().announceDevice(line -> System.err.println("restore-video: " + line));
  }

  public double fidelity() {
    return fidelity;
  }

  public boolean hasAligned() {
    return hasAligned;
  }

  /** Whether {@code -w} was given on the command line while the mode fixes w (so it is ignored). */
  public boolean fidelityIgnored() {
    return settings().fixesFidelity() && spec != null
        && spec.commandLine().getParseResult().hasMatchedOption("-w");
  }
}
