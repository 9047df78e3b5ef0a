package io.restorevideo.cli.options;

import io.restorevideo.api.ModelCache;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the model weights come from: a picocli mixin shared by every command that loads models. Other code
 * gets its files through {@link #checkedCache()}.
 */
public final class ModelOptions {
  @Spec(Spec.Target.MIXEE)
  public CommandSpec spec;

  @Option(names = "--model-dir", paramLabel = "DIR",
      description = "Model cache directory (default: $RESTORE_VIDEO_HOME/models, else ~/.cache/restore-video/models).")
  public Path modelDir;

  @Option(names = "--mirror", paramLabel = "URL", defaultValue = "${env:RESTORE_VIDEO_MIRROR}",
      description = "Base URL replacing the GitHub release base for downloads (env RESTORE_VIDEO_MIRROR).")
  public String mirror;

  @Option(names = "--offline",
      description = "Never use the network; a missing model is an error saying where to place the file.")
  public boolean offline;

  @Option(names = "--weights", paramLabel = "ROLE=PATH",
      description = "Use your own weights file for a role (codeformer, detector, parsenet, realesrgan, "
          + "codeformer-colorization, codeformer-inpainting); "
          + "it is not checked against the registry hash. Repeatable.")
  public Map<String, Path> weights = new LinkedHashMap<>();

  @Option(names = "--detector", paramLabel = "NAME", defaultValue = "retinaface-resnet50",
      description = "Face detector: retinaface-resnet50 (default) or retinaface-mobile0.25 (fast).")
  public String detector;

  private ModelCache cache;

  /** The model cache these options describe (downloads show progress on stderr); choices not yet checked. */
  public synchronized ModelCache cache() {
    if (cache == null) {
      cache = new ModelCache(modelDir, mirror, offline, weights, detector,
          line -> System.err.println("restore-video: warning: " + line), System.err);
    }
    return cache;
  }

  /** {@link #cache()} with the {@code --weights} roles and the {@code --detector} name checked. */
  public ModelCache checkedCache() {
    try {
      return cache().checkChoices();
    } catch (IllegalArgumentException e) {
      // A bad role or detector name is a usage error (exit 2), not a failure of the job.
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The detector model name chosen with {@code --detector}. */
  public String detector() {
    return detector;
  }
}
