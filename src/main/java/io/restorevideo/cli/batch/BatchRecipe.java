package io.restorevideo.cli.batch;

import io.restorevideo.batch.JobRecipe;
import io.restorevideo.batch.JobTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's job settings as its own command-line arguments: a machine that runs segments parses them with the
 * batch command's options (the same mixins, presets and checks) and loads the networks itself, so nothing but
 * a list of strings travels. Equal arguments are equal recipes (executors cache templates by recipe).
 */
public record BatchRecipe(List<String> args) implements JobRecipe {
  private static final String WEIGHTS = "--weights";
  private static final String MODEL_DIR = "--model-dir";

  public BatchRecipe {
    args = List.copyOf(args);
  }

  /**
   * The recipe of the batch command's arguments, with the files executors open themselves ({@code --weights
   * ROLE=PATH}, {@code --model-dir}) made absolute: an executor's working folder is not the driver's.
   */
  public static BatchRecipe of(List<String> args) {
    List<String> out = new ArrayList<>();
    String pending = null;
    for (String a : args) {
      if (pending != null) {
        out.add(absolute(pending, a));
        pending = null;
      } else if (a.equals(WEIGHTS) || a.equals(MODEL_DIR)) {
        out.add(a);
        pending = a;
      } else if (a.startsWith(WEIGHTS + "=") || a.startsWith(MODEL_DIR + "=")) {
        int eq = a.indexOf('=');
        out.add(a.substring(0, eq + 1) + absolute(a.substring(0, eq), a.substring(eq + 1)));
      } else {
        out.add(a);
      }
    }
    return new BatchRecipe(out);
  }

  private static String absolute(String option, String value) {
    if (option.equals(MODEL_DIR)) {
      return Path.of(value).toAbsolutePath().toString();
    }
    int eq = value.indexOf('=');
    return eq < 0 ? value : value.substring(0, eq + 1) + Path.of(value.substring(eq + 1)).toAbsolutePath();
  }

  @Override
  public JobTemplate template(String device) {
    BatchCommand command = new BatchCommand();
    BatchCommand.commandLine(command).parseArgs(args.toArray(String[]::new));
    return command.template(device);
  }
}
