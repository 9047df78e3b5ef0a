package io.restorevideo.cli.options;

import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelStore;
import io.restorevideo.models.ModelException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the model weights come from: a picocli mixin shared by every command that loads models. Other code
 * gets its files through {@link #resolver()}.
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

  private ModelStore store;
  private ModelResolver resolver;

  /** The model cache these options describe (downloads show progress on stderr). */
  public synchronized ModelStore store() {
    if (store == null) {
      Path dir = modelDir != null ? modelDir : ModelStore.defaultDirectory();
      store = new ModelStore(ModelRegistry.load(), dir, mirror, offline, Downloader.defaults(), System.err);
    }
    return store;
  }

  /** The weights file of each role: {@code resolver().path("codeformer")}. */
  public synchronized ModelResolver resolver() {
    if (resolver == null) {
      try {
        resolver = new ModelResolver(store(), weights, detector,
            line -> System.err.println("restore-video: warning: " + line));
      } catch (ModelException e) {
        // A bad role or detector name is a usage error (exit 2), not a failure of the job.
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return resolver;
  }

  /** The detector model name chosen with {@code --detector}. */
  public String detector() {
    return detector;
  }
}
