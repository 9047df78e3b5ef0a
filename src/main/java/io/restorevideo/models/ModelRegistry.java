package io.restorevideo.models;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The known models by name (the registry shipped in the jar, or one a test builds). */
public final class ModelRegistry {
  /** Resource path of the packaged registry; {@code models/registry.json} at the repository root is a copy. */
  public static final String RESOURCE = "/io/restorevideo/models/registry.json";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Map<String, ModelInfo> models = new LinkedHashMap<>();

  public ModelRegistry(List<ModelInfo> entries) {
    for (ModelInfo m : entries) {
      if (models.putIfAbsent(m.name(), m) != null) {
        throw new ModelException("model registry: duplicate model name " + m.name());
      }
    }
  }

  /** The registry packaged with the application. */
  public static ModelRegistry load() {
    try (InputStream in = ModelRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ModelException("model registry " + RESOURCE + " is missing from the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a registry in the format of {@code models/registry.json}; {@code source} names it in errors. */
  public static ModelRegistry parse(Reader json, String source) {
    List<ModelInfo> out = new ArrayList<>();
    try {
      JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
      for (JsonElement e : root.getAsJsonArray("models")) {
        out.add(entry(e.getAsJsonObject(), source));
      }
    } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
      throw new ModelException("model registry " + source + " is malformed: " + e.getMessage(), e);
    }
    return new ModelRegistry(out);
  }

  private static ModelInfo entry(JsonObject o, String source) {
    String name = o.get("name").getAsString();
    boolean verified = o.get("verified").getAsBoolean();
    long bytes = o.has("bytes") ? o.get("bytes").getAsLong() : -1;
    String sha = o.has("sha256") ? o.get("sha256").getAsString() : null;
    if (verified && (bytes < 0 || sha == null || !SHA256.matcher(sha).matches())) {
      throw new ModelException(
          "model registry " + source + ": verified model " + name + " needs bytes and a lower-case sha256");
    }
    String roleId = o.has("role") ? o.get("role").getAsString() : null;
    ModelRole role = roleId == null ? null : ModelRole.parse(roleId).orElseThrow(() -> new ModelException(
        "model registry " + source + ": model " + name + " has unknown role " + roleId));
    return new ModelInfo(name, role, o.has("default") && o.get("default").getAsBoolean(),
        o.get("file").getAsString(), o.get("url").getAsString(), bytes, sha, verified,
        o.get("licence").getAsString(), o.has("description") ? o.get("description").getAsString() : "");
  }

  public List<ModelInfo> models() {
    return Collections.unmodifiableList(new ArrayList<>(models.values()));
  }

  public Optional<ModelInfo> find(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /** The model called {@code name}; an unknown name is an error listing the known ones. */
  public ModelInfo get(String name) {
    ModelInfo m = models.get(name);
    if (m == null) {
      throw new ModelException("unknown model '" + name + "' (known: " + String.join(", ", models.keySet()) + ")");
    }
    return m;
  }

  /** The models that can serve {@code role}, default first. */
  public List<ModelInfo> forRole(ModelRole role) {
    List<ModelInfo> out = new ArrayList<>();
    for (ModelInfo m : models.values()) {
      if (role == m.role()) {
        if (m.isDefault()) {
          out.add(0, m);
        } else {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The default model of {@code role}. */
  public ModelInfo defaultFor(ModelRole role) {
    List<ModelInfo> candidates = forRole(role);
    if (candidates.isEmpty() || !candidates.get(0).isDefault()) {
      throw new ModelException("model registry has no default model for role " + role);
    }
    return candidates.get(0);
  }
}
