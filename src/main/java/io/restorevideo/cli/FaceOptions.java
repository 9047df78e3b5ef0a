package io.restorevideo.cli;

import io.restorevideo.api.AlignedFaceJob;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerConfig;
import picocli.CommandLine.Option;

/** How faces are restored (CodeFormer settings): a picocli mixin of the restore command. */
public final class FaceOptions {
  @Option(names = {"-w", "--fidelity"}, paramLabel = "W", defaultValue = "0.5",
      description = "Fidelity weight in [0, 1]: lower = higher quality from the codebook, higher = closer to "
          + "the input (default: ${DEFAULT-VALUE}).")
  double fidelity;

  @Option(names = "--has-aligned",
      description = "The inputs are already cropped and aligned faces (resized to 512x512 if needed): "
          + "restore them as they are, without detection or paste-back.")
  boolean hasAligned;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
      description = "Where the network runs: cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
      description = "Arithmetic precision: fp32 or fp16 (GPU only) (default: ${DEFAULT-VALUE}).")
  Precision precision;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "4",
      description = "Faces per network call, for images too: memory grows with it, so a photo with many faces "
          + "is restored in several calls (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--codeformer-heads", paramLabel = "N", defaultValue = "" + CodeFormerConfig.DEFAULT_HEADS,
      description = "Attention heads of the CodeFormer checkpoint; the file does not record them "
          + "(default: ${DEFAULT-VALUE}, the official codeformer.pth).")
  int heads;

  /** Range checks picocli cannot express; the caller turns the exception into a usage error. */
  void validate() {
    if (!(fidelity >= 0 && fidelity <= 1)) {
      throw new IllegalArgumentException("-w must be between 0 and 1, got " + fidelity);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
    }
  }

  public boolean hasAligned() {
    return hasAligned;
  }

  public AlignedFaceJob.Settings settings() {
    return new AlignedFaceJob.Settings(fidelity, device, precision, batchSize, heads);
  }
}
