package io.restorevideo.cli;

import com.google.gson.GsonBuilder;
import io.restorevideo.api.PreviewResult;
import io.restorevideo.api.VideoPreview;
import io.restorevideo.cli.options.FaceOptions;
import io.restorevideo.cli.options.ImageOptions;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.cli.options.PreviewOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video preview INPUT OUT.png}: a before/after sheet of a few frames, to try settings fast. */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = "Restores a few frames spread over a video (or at --at times) and writes one before/after sheet: "
        + "input left, restored right, face boxes marked. Takes the face options of the main command.")
final class PreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "Input video (path or URL).")
  String input;

  @Parameters(index = "1", paramLabel = "SHEET", description = "The sheet to write (.png, .jpg or .webp).")
  Path sheet;

  @Mixin PreviewOptions preview;
  @Mixin FaceOptions face;
  @Mixin ImageOptions image;
  @Mixin ModelOptions models;

  @Option(names = "--json", description = "Print the sheet's size and, per frame, its time and the faces found "
      + "(box and score in the input's pixels) on stdout.")
  boolean json;

  @Option(names = "--debug", description = "Print stack traces of failures and every library's log lines.")
  boolean debug;

  @Override
  public Integer call() {
    List<Double> at;
    try {
      face.validate();
      at = preview.times();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!spec.commandLine().getParseResult().hasMatchedOption("--upscale")) {
      // as the video command: the frames keep their size unless asked
      image.upscale = 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImageMode still = new ImageMode(face, image, models, out, err);
    PreviewResult r = still.withRestorer(restorer -> VideoPreview.write(restorer, input, sheet, preview.frames, at));
    if (json) {
      out.println(new GsonBuilder().setPrettyPrinting().create().toJson(r));
      out.flush();
    } else {
      long faces = r.frames().stream().mapToLong(f -> f.faces().size()).sum();
      err.printf(Locale.ROOT, "%s: %d frames, %d faces, %dx%d sheet%n", sheet, r.frames().size(), faces, r.width(),
          r.height());
      err.flush();
    }
    return 0;
  }
}
