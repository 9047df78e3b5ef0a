package io.restorevideo.cli;

import picocli.CommandLine.Option;

/** Options of the face path (a mixin the face-restoration work extends). */
public final class FaceOptions {
  @Option(names = {"-w", "--fidelity"}, paramLabel = "W", defaultValue = "0.5",
      description = "CodeFormer fidelity weight in [0, 1]: 0 favours quality, 1 favours fidelity to the input "
          + "(default ${DEFAULT-VALUE}). This build has no face stages yet, so the video is transcoded as is.")
  double fidelity;

  void validate() {
    if (!(fidelity >= 0 && fidelity <= 1)) {
      throw new IllegalArgumentException("-w must be between 0 and 1, got " + fidelity);
    }
  }
}
