package io.restorevideo.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A named set of options ({@code --preset NAME}); explicit command-line options win over it. Built-in
 * presets are the resources {@code /presets/NAME.properties}: Java properties whose keys are the long
 * option names without dashes ({@link #KEYS}), each preceded by a comment saying why. The first line of
 * the file is a comment describing the preset.
 */
public final class Preset {
  /** Option names a preset may set. */
  public static final List<String> KEYS =
      List.of("w", "detect-every", "smoothing", "detector", "no-parse", "batch-size", "bg-upsampler", "upscale",
      "deinterlace", "denoise");

  /** Built-in presets, in the order {@code --help} lists them. */
  private static final List<String> BUILT_IN = List.of("default", "archive-film", "fidelity", "quality", "fast");

  private final String name;
  private final String description;
  private final Map<String, String> options;

  private Preset(String name, String description, Map<String, String> options) {
    this.name = name;
    this.description = description;
    this.options = Collections.unmodifiableMap(options);
  }

  /** Names of the built-in presets. */
  public static List<String> names() {
    return BUILT_IN;
  }

  /** A built-in preset by name. */
  public static Preset load(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new UserException("unknown preset '" + name + "': choose one of " + String.join(", ", BUILT_IN));
    }
    String resource = "/presets/" + name + ".properties";
    try (InputStream in = Preset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in preset resource missing: " + resource);
      }
      return parse(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in preset " + resource, e);
    }
  }

  /** A user's own preset file, in the same format; its name is the file name without extension. */
  public static Preset fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(file + ": cannot read preset file (" + e.getMessage() + ")", e);
    }
    String fileName = file.getFileName().toString();
    String stem = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
    return parse(stem, file.toString(), text);
  }

  private static Preset parse(String name, String source, String text) {
    Map<String, String> ordered = new LinkedHashMap<>();
    // Properties handles escapes and continuations; the subclass keeps the file's order for --help
    Properties props = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        ordered.put((String) key, ((String) value).trim());
        return super.put(key, value);
      }
    };
    try (Reader r = new java.io.StringReader(text)) {
      props.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(source + ": malformed preset (" + e.getMessage() + ")", e);
    }
    for (String key : ordered.keySet()) {
      if (!KEYS.contains(key)) {
        throw new UserException(
            source + ": unknown option '" + key + "' in preset (allowed: " + String.join(", ", KEYS) + ")");
      }
    }
    String first = text.lines().findFirst().orElse("").strip();
    String description = first.startsWith("#") ? first.substring(1).strip() : "";
    return new Preset(name, description, ordered);
  }

  public String name() {
    return name;
  }

  /** The preset's one-line description (its file's first comment). */
  public String description() {
    return description;
  }

  /** Option name (without dashes) to value, in file order. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public String toString() {
    return "Preset[" + name + " " + options + "]";
  }
}
