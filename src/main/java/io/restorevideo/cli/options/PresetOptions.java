package io.restorevideo.cli.options;

import io.restorevideo.api.Preset;
import io.restorevideo.api.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Applies a {@link Preset} to a parsed command: each preset key sets the option of the same long name
 * ({@code w} is {@code -w}) unless the user gave that option, so explicit options win.
 */
public final class PresetOptions {
  private PresetOptions() {}

  /** Loads {@code name} (a built-in name, or a path to a .properties file) and applies it to {@code spec}. */
  public static Preset apply(CommandSpec spec, String name) {
    Preset preset = name.endsWith(".properties") || Files.isRegularFile(Path.of(name))
        ? Preset.fromFile(Path.of(name)) : loadBuiltIn(spec, name);
    ParseResult parsed = spec.commandLine().getParseResult();
    for (Map.Entry<String, String> e : preset.options().entrySet()) {
      String optionName = "w".equals(e.getKey()) ? "-w" : "--" + e.getKey();
      OptionSpec option = spec.findOption(optionName);
      if (option == null) {
        throw new IllegalStateException("preset key " + e.getKey() + " names no option of this command");
      }
      if (!parsed.hasMatchedOption(option)) {
        option.setValue(convert(preset, e.getKey(), e.getValue(), option.type()));
      }
    }
    return preset;
  }

  private static Preset loadBuiltIn(CommandSpec spec, String name) {
    try {
      return Preset.load(name);
    } catch (UserException e) {
      throw new ParameterException(spec.commandLine(), "--preset " + e.getMessage());
    }
  }

  /** The constant of {@code type} named {@code value}, as picocli itself converts such an option. */
  private static Object enumValue(Class<?> type, String value) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(value)) {
        return constant;
      }
    }
    throw new NumberFormatException("expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  private static Object convert(Preset preset, String key, String value, Class<?> type) {
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(value);
      }
      if (type == double.class || type == Double.class) {
        return Double.parseDouble(value);
      }
      if (type == boolean.class || type == Boolean.class) {
        if (!"true".equals(value) && !"false".equals(value)) {
          throw new NumberFormatException("not true or false");
        }
        return Boolean.parseBoolean(value);
      }
      if (type.isEnum()) {
        return enumValue(type, value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UserException("preset " + preset.name() + ": " + key + "=" + value + " is not a valid value ("
          + e.getMessage() + ")", e);
    }
  }
}
