package io.restorevideo.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The weights file for each role of the pipeline: the user's own file when given ({@code --weights
 * ROLE=PATH}, used as is with one warning), else the registry's model for the role, from the cache or
 * downloaded. The detector role follows {@code --detector}.
 */
public final class ModelResolver {
  private final ModelStore store;
  private final Map<String, Path> overrides;
  private final ModelInfo detector;
  private final Consumer<String> warnings;
  private final Set<String> warned = Collections.synchronizedSet(new HashSet<>());

  /**
   * @param overrides role to the user's own file (roles from {@link ModelRegistry#ROLES})
   * @param detector the detector model name, or null for the registry's default
   * @param warnings receives the one-line warning for each overridden role used
   */
  public ModelResolver(ModelStore store, Map<String, Path> overrides, String detector, Consumer<String> warnings) {
    this.store = store;
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    for (String role : overrides.keySet()) {
      if (!ModelRegistry.ROLES.contains(role)) {
        throw new ModelException("--weights " + role + "=...: unknown role '" + role + "' (roles: "
            + String.join(", ", ModelRegistry.ROLES) + ")");
      }
    }
    ModelRegistry registry = store.registry();
    this.detector = detector == null ? registry.defaultFor("detector") : registry.get(detector);
    if (!"detector".equals(this.detector.role())) {
      throw new ModelException("--detector " + detector + ": not a face detector (detectors: "
          + registry.forRole("detector").stream().map(ModelInfo::name).collect(Collectors.joining(", ")) + ")");
    }
    this.warnings = warnings;
  }

  public ModelStore store() {
    return store;
  }

  /** The registry model serving {@code roleOrName} (a role, or a model name such as codeformer-colorization). */
  public ModelInfo model(String roleOrName) {
    if ("detector".equals(roleOrName)) {
      return detector;
    }
    if (ModelRegistry.ROLES.contains(roleOrName)) {
      return store.registry().defaultFor(roleOrName);
    }
    return store.registry().get(roleOrName);
  }

  /** Whether {@code role} uses the user's own file. */
  public boolean overridden(String role) {
    return overrides.containsKey(role);
  }

  /** The weights file for {@code roleOrName}, downloading the registry's model if needed. */
  public Path path(String roleOrName) {
    Path own = overrides.get(roleOrName);
    if (own == null) {
      return store.resolve(model(roleOrName));
    }
    if (!Files.isRegularFile(own)) {
      throw new ModelException(own + ": weights file given with --weights " + roleOrName + " does not exist");
    }
    if (warned.add(roleOrName)) {
      warnings.accept("using your own weights for " + roleOrName + ": " + own
          + " (not checked against the registry's size and SHA-256)");
    }
    return own;
  }
}
