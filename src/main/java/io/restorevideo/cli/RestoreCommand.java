package io.restorevideo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restore-video INPUT OUTPUT [options]}: the default command. */
@Command(
    name = "restore-video",
    mixinStandardHelpOptions = true,
    version = "restore-video 0.1.0",
    description = "Restores faces in videos and images with CodeFormer.",
    subcommands = {ModelsCommand.class, DetectCommand.class})
public final class RestoreCommand implements Callable<Integer> {
  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  @Override
  public Integer call() {
    return 0;
  }
}
