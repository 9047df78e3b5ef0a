package io.restorevideo.cli.batch;

import io.restorevideo.batch.JobRecipe;
import io.restorevideo.batch.JobTemplate;
import java.util.List;

/**
 * A batch's job settings as its own command-line arguments: a machine that runs segments parses them with the
 * batch command's options (the same mixins, presets and checks) and loads the networks itself, so nothing but
 * a list of strings travels. Equal arguments are equal recipes (executors cache templates by recipe).
 */
public record BatchRecipe(List<String> args) implements JobRecipe {
  public BatchRecipe {
    args = List.copyOf(args);
  }

  @Override
  public JobTemplate template(String device) {
    BatchCommand command = new BatchCommand();
    BatchCommand.commandLine(command).parseArgs(args.toArray(String[]::new));
    return command.template(device);
  }
}
