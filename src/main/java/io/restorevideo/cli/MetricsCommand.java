package io.restorevideo.cli;

import io.restorevideo.api.StabilityMetrics;
import io.restorevideo.cli.options.ModelOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video metrics INPUT OUTPUT}: how much a restored video flickers, with no model weights. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
        "Measures a restored video against its input: warping error (each output frame against the previous "
            + "output frame moved by the optical flow of the INPUT, occlusions masked), on the whole frame and "
            + "on the face regions, beside the input's own figure so the excess shows; flicker (luminance) of "
            + "the faces; PSNR and SSIM against a clean --reference; and whether frame count, timestamps and "
            + "audio packets equal the input's. Faces are found on OUTPUT by the face detector when its weights are "
            + "there (--weights detector=PATH, or the cached --detector model; nothing is downloaded), which also "
            + "measures the output's landmark jitter; else the face regions are where OUTPUT differs from INPUT.",
        "Needs no model weights. Exit code 1 (with the reason on stderr) when the output's frame count, "
            + "timestamps or audio packets differ from the input's, 0 otherwise."})
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "The video that was restored.")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT", description = "The restored video.")
  String output;

  @Option(names = "--reference", paramLabel = "CLEAN",
      description = "A clean video the output should equal, frame for frame (for PSNR and SSIM).")
  String reference;

  @Option(names = "--json", description = "Print every figure, per frame and per track, as JSON on stdout.")
  boolean json;

  @Option(names = "--plot", paramLabel = "FILE.png",
      description = "Write a PNG of the per-frame warping error (one line per face track) and PSNR when given.")
  Path plot;

  @Option(names = "--quiet", description = "No progress line on stderr.")
  boolean quiet;

  /** A detector's weights, when present (never downloaded here), find and track the faces. */
  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    StabilityMetrics.Builder b = StabilityMetrics.builder(input, output).reference(reference).plot(plot)
        .models(models.checkedCache());
    if (!quiet) {
      b.progress(frame -> {
        err.print("\rmeasuring frame " + (frame + 1));
        err.flush();
      });
    }
    StabilityMetrics job;
    try {
      job = b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    StabilityMetrics.Result r;
    try {
      r = job.run();
    } finally {
      if (!quiet) {
        err.println();
        err.flush();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(r.json());
    } else {
      r.lines().forEach(out::println);
    }
    out.flush();
    // a restorer must carry every frame, time and packet over: a difference fails the check, as a test would
    String problem = r.streamProblem();
    if (problem != null) {
      err.println("restore-video: " + output + ": " + problem);
      err.flush();
      return 1;
    }
    return 0;
  }
}
