package io.restorevideo.cli.bench;

import io.restorevideo.models.ModelRole;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.bench.JitterBenchmark;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video bench jitter CLIP}: landmark jitter of per-frame detection vs the tracker. */
@Command(name = "jitter", mixinStandardHelpOptions = true,
    description = "Measures landmark jitter (second difference of the alignment landmarks over the "
        + "inter-ocular distance) on CLIP with the detector on every frame, with the tracker unsmoothed, and "
        + "with the tracker smoothed. Target: smoothed at most 0.5x per-frame detection.")
final class BenchJitterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CLIP", description = "Input video with faces.")
  String clip;

  @Mixin BenchWeightsOptions weights;
  @Mixin ModelOptions models;

  @Option(names = "--detect-every", paramLabel = "N", defaultValue = "" + TrackerOptions.DEFAULT_DETECT_EVERY,
      description = "The tracker's keyframe interval (default: ${DEFAULT-VALUE}).")
  int detectEvery;

  @Option(names = "--smoothing", paramLabel = "S", defaultValue = "" + TrackerOptions.DEFAULT_SMOOTHING,
      description = "The smoothed run's landmark smoothing in [0, 1] (default: ${DEFAULT-VALUE}).")
  double smoothing;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
      description = "Decode at most N frames (default: ${DEFAULT-VALUE} = all).")
  long maxFrames;

  @Override
  public Integer call() {
    TrackerOptions tracked;
    try {
      tracked = TrackerOptions.defaults().withDetectEvery(detectEvery).withSmoothing(smoothing);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    StateDict dict = weights.load(models, ModelRole.DETECTOR.id());
    JitterBenchmark.Report report;
    // the helper closes the raw detector it wraps
    try (HelperDetection detector = HelperDetection.official(RetinaFaceDetector.load(dict), false)) {
      report = JitterBenchmark.run(clip, BenchWeightsOptions.describe(dict), detector, tracked, maxFrames);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (weights.json) {
      BenchWeightsOptions.printJson(o, report);
      return 0;
    }
    o.printf(Locale.ROOT, "clip %s: %d frames; detector %s, %s%n", clip, report.frames(), models.detector(),
        report.detectorWeights());
    o.printf(Locale.ROOT, "%-22s %7s %9s %9s %9s %8s %9s %7s %8s%n", "mode", "every", "smoothing", "jitter",
        "relative", "samples", "keyframes", "faces", "seconds");
    for (JitterBenchmark.Row r : report.rows()) {
      o.printf(Locale.ROOT, "%-22s %7d %9.2f %9.5f %9s %8d %9d %7d %8.1f%n", r.mode(), r.detectEvery(),
          r.smoothing(), r.jitter(), r.relative() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.relative()),
          r.samples(), r.keyframes(), r.faces(), r.seconds());
    }
    o.flush();
    return 0;
  }
}
