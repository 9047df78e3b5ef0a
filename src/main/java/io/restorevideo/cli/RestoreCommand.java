package io.restorevideo.cli;

import io.restorevideo.api.AlignedFaceJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

  @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "Input file, or a folder of aligned face images.")
  Path input;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT", description = "Output file, or folder for a folder input.")
  Path output;

  @Mixin ModelOptions models;

  @Mixin FaceOptions face;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (input == null || output == null) {
      throw new ParameterException(spec.commandLine(), "INPUT and OUTPUT are required");
    }
    if (face.hasAligned()) {
      AlignedFaceJob.run(input, output, models.resolver().path("codeformer"), face.settings());
      return 0;
    }
    throw new ParameterException(spec.commandLine(), "only --has-aligned face images can be restored so far");
  }
}
