package io.restorevideo.api;

import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelException;
import io.restorevideo.models.ModelInfo;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelRole;
import io.restorevideo.models.ModelStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the model weights come from: the registry's models in a local cache (downloaded and verified on first
 * use), or the user's own file per role. One instance per command; {@link FaceModels} and the aligned-face job
 * take their files from it.
 */
public final class ModelCache {
  /** One registry model as {@code models list} shows it. */
  public record Entry(String name, long bytes, String status, String licence, Path path, boolean nonCommercial) {}

  /** What hashing a cached file found; {@code expectedSha256} is null when the registry has no hash. */
  public record Check(String name, Path path, boolean present, boolean ok, String actualSha256, long bytes,
      String expectedSha256, long expectedBytes) {}

  private final ModelStore store;
  private final Map<String, Path> weights;
  private final String detector;
  private final Consumer<String> warnings;
  private ModelResolver resolver;

  /**
   * @param directory the cache folder, or null for {@link ModelStore#defaultDirectory()}
   * @param mirror a base URL replacing the GitHub release base, or null
   * @param weights the user's own file per role (not checked against the registry's hash)
   * @param detector the detector model name, or null for the registry's default
   * @param warnings one line per warning (an own weights file in use)
   * @param downloads where download progress goes
   */
  public ModelCache(Path directory, String mirror, boolean offline, Map<String, Path> weights, String detector,
      Consumer<String> warnings, PrintStream downloads) {
    this.store = new ModelStore(ModelRegistry.load(), directory != null ? directory : ModelStore.defaultDirectory(),
        mirror, offline, Downloader.defaults(), downloads);
    this.weights = new LinkedHashMap<>(weights);
    this.detector = detector;
    this.warnings = warnings;
  }

  /**
   * Checks the roles of the own weights files and the detector name.
   *
   * @throws IllegalArgumentException naming the bad role or detector
   */
  public ModelCache checkChoices() {
    try {
      resolver();
    } catch (ModelException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return this;
  }

  /** The file of each role or model name, downloading a registry model when needed. */
  public synchronized ModelResolver resolver() {
    if (resolver == null) {
      resolver = new ModelResolver(store, weights, detector, warnings);
    }
    return resolver;
  }

  /** The cache itself (the registry, the files, their state). */
  public ModelStore store() {
    return store;
  }

  /**
   * The weights file of a role: the user's own, or the registry's model.
   *
   * @throws UserException when it is missing and cannot be downloaded, or fails its hash
   */
  public Path path(ModelRole role) {
    try {
      return resolver().path(role);
    } catch (ModelException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * The detector's weights when they are here without a download: the user's own file, or the chosen
   * registry detector in the cache (verified as {@link #path} does); null when neither.
   */
  public Path detectorIfPresent() {
    ModelResolver r = resolver();
    if (!r.overridden(ModelRole.DETECTOR)) {
      ModelStore.State state = store.state(r.model(ModelRole.DETECTOR));
      if (state == ModelStore.State.MISSING || state == ModelStore.State.PARTIAL) {
        return null;
      }
    }
    return path(ModelRole.DETECTOR);
  }

  public Path directory() {
    return store.directory();
  }

  public boolean offline() {
    return store.offline();
  }

  /** Every registry model's name, in registry order. */
  public List<String> names() {
    return store.registry().models().stream().map(ModelInfo::name).toList();
  }

  /** Every registry model with its size, cache state and path. */
  public List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (ModelInfo m : store.registry().models()) {
      out.add(new Entry(m.name(), m.bytes(), status(store.state(m)), m.licence(), store.pathOf(m),
          m.nonCommercial()));
    }
    return out;
  }

  /** The models a default job needs: CodeFormer, the chosen detector, ParseNet. */
  public List<String> defaultModels() {
    ModelRegistry r = store.registry();
    return List.of(r.defaultFor(ModelRole.CODEFORMER).name(), resolver().model(ModelRole.DETECTOR).name(),
        r.defaultFor(ModelRole.PARSENET).name());
  }

  /** Where the registry model {@code name} is (or will be) cached. */
  public Path pathOf(String name) {
    return store.pathOf(store.registry().get(name));
  }

  /**
   * Downloads (unless cached) and verifies the registry model {@code name}; returns its file.
   *
   * @throws UserException when it cannot be downloaded or fails its hash
   */
  public Path download(String name) {
    try {
      return store.resolve(store.registry().get(name));
    } catch (ModelException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Hashes the cached file of {@code name} in full and compares it with the registry. */
  public Check verify(String name) {
    ModelInfo m = store.registry().get(name);
    ModelStore.Verification v = store.verify(m);
    return new Check(m.name(), v.path(), v.present(), v.present() && v.ok(), v.actualSha256(), v.bytes(),
        m.sha256(), m.bytes());
  }

  private static String status(ModelStore.State s) {
    return switch (s) {
      case CACHED -> "cached";
      case UNCHECKED -> "unchecked";
      case CORRUPT -> "corrupt";
      case PARTIAL -> "partial";
      case MISSING -> "missing";
    };
  }
}
