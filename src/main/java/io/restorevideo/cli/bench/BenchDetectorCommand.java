package io.restorevideo.cli.bench;

import io.restorevideo.models.ModelRole;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.bench.DetectorBenchmark;
import io.restorevideo.models.ModelInfo;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restore-video bench detector}: images/s of the RetinaFace backbones on the CPU. */
@Command(name = "detector", mixinStandardHelpOptions = true,
    description = "Times RetinaFace (both backbones, or the --weights detector=PATH file alone) on one 16:9 "
        + "frame of the given short side (one untimed warm-up) and reports images/s.")
final class BenchDetectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchWeightsOptions weights;
  @Mixin ModelOptions models;

  @Option(names = "--size", paramLabel = "PX", defaultValue = "640",
      description = "Short side of the frame in pixels; the official helper resizes to 640 (default: "
          + "${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Timed runs per detector after the warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    Map<String, StateDict> detectors = new LinkedHashMap<>();
    if (models.checkedCache().resolver().overridden(ModelRole.DETECTOR) && !weights.random) {
      detectors.put(models.detector(), weights.load(models, ModelRole.DETECTOR.id()));
    } else {
      for (ModelInfo m : models.cache().store().registry().forRole(ModelRole.DETECTOR)) {
        detectors.put(m.name(), weights.load(models, m.name()));
      }
    }
    DetectorBenchmark.Report report;
    try {
      report = DetectorBenchmark.run(detectors, size, runs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    if (weights.json) {
      BenchWeightsOptions.printJson(o, report);
      return 0;
    }
    o.printf(Locale.ROOT, "%-22s %9s %5s %9s %10s %9s %6s  %s%n", "detector", "frame", "runs", "min s", "median s",
        "images/s", "faces", "weights");
    for (DetectorBenchmark.Row r : report.rows()) {
      o.printf(Locale.ROOT, "%-22s %9s %5d %9.3f %10.3f %9.2f %6d  %s%n", r.detector(), r.width() + "x" + r.height(),
          r.seconds().runs(), r.seconds().min(), r.seconds().median(), r.imagesPerSecond(), r.detections(),
          r.weights().startsWith("random") ? BenchWeightsOptions.RANDOM_LABEL : r.weights());
    }
    o.printf(Locale.ROOT, "CPU; warm-up excluded; peak RSS (VmHWM) %.0f MiB%n", report.peakRssMiB());
    o.flush();
    return 0;
  }
}
