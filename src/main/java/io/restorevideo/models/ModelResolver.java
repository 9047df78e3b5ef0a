package io.restorevideo.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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
  private final Map<ModelRole, Path> overrides;
  private final ModelInfo detector;
  private final Consumer<String> warnings;
  private final Set<ModelRole> warned = Collections.synchronizedSet(new HashSet<>());

  /**
   * @param overrides role to the user's own file (ids of {@link ModelRole})
   * @param detector the detector model name, or null for the registry's default
   * @param warnings receives the one-line warning for each overridden role used
   */
  public ModelResolver(ModelStore store, Map<String, Path> overrides, String detector, Consumer<String> warnings) {
    this.store = store;
    Map<ModelRole, Path> own = new EnumMap<>(ModelRole.class);
    for (Map.Entry<String, Path> e : overrides.entrySet()) {
      String role = e.getKey();
      own.put(ModelRole.parse(role).orElseThrow(() -> new ModelException("--weights " + role + "=...: unknown "
          + "role '" + role + "' (roles: " + String.join(", ", ModelRole.ids()) + ")")), e.getValue());
    }
    this.overrides = Collections.unmodifiableMap(own);
    ModelRegistry registry = store.registry();
    this.detector = detector == null ? registry.defaultFor(ModelRole.DETECTOR) : registry.get(detector);
    if (this.detector.role() != ModelRole.DETECTOR) {
      throw new ModelException("--detector " + detector + ": not a face detector (detectors: "
          + registry.forRole(ModelRole.DETECTOR).stream().map(ModelInfo::name).collect(Collectors.joining(", "))
          + ")");
    }
    this.warnings = warnings;
  }

  public ModelStore store() {
    return store;
  }

  /** The registry model serving {@code role} (the {@code --detector} choice for the detector). */
  public ModelInfo model(ModelRole role) {
    return role == ModelRole.DETECTOR ? detector : store.registry().defaultFor(role);
  }

  /** The registry model of a role id, or of a model name such as retinaface-mobile0.25. */
  public ModelInfo model(String roleOrName) {
    Optional<ModelRole> role = ModelRole.parse(roleOrName);
    return role.isPresent() ? model(role.get()) : store.registry().get(roleOrName);
  }

  /** Whether {@code role} uses the user's own file. */
  public boolean overridden(ModelRole role) {
    return overrides.containsKey(role);
  }

  /** The weights file of a role id, or of a model name (never overridden). */
  public Path path(String roleOrName) {
    Optional<ModelRole> role = ModelRole.parse(roleOrName);
    return role.isPresent() ? path(role.get()) : store.resolve(store.registry().get(roleOrName));
  }

  /** The weights file for {@code role}, downloading the registry's model if needed. */
  public Path path(ModelRole role) {
    Path own = overrides.get(role);
    if (own == null) {
      return store.resolve(model(role));
    }
    if (!Files.isRegularFile(own)) {
      throw new ModelException(own + ": weights file given with --weights " + role + " does not exist");
    }
    if (warned.add(role)) {
      warnings.accept("using your own weights for " + role + ": " + own
          + " (not checked against the registry's size and SHA-256)");
    }
    return own;
  }
}
