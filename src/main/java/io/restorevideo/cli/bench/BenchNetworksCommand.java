package io.restorevideo.cli.bench;

import io.restorevideo.bench.NetworkBenchmark;
import io.restorevideo.bench.NetworkBenchmark.Network;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.nn.DeviceChoice;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerConfig;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restore-video bench networks}: seconds per call of every network, to set beside the official code. */
@Command(name = "networks", mixinStandardHelpOptions = true,
    description = "Times each network on the input the job gives one call (CodeFormer: one 512x512 face; "
        + "ParseNet: one face to its mask; RetinaFace: a 1138x640 frame; Real-ESRGAN x2: one 400 px tile) and "
        + "reports the median seconds per call after the warm-up.")
final class BenchNetworksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchWeightsOptions weights;
  @Mixin ModelOptions models;

  @Option(names = "--networks", paramLabel = "NAME,...", split = ",",
      description = "Networks to time: codeformer, parsenet, retinaface-resnet50, retinaface-mobile0.25, "
          + "realesrgan-x2 (default: all).")
  List<String> networks;

  @Mixin BenchDeviceOption device;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "fp32",
      description = "fp32 or fp16 (GPU only; networks ported at fp32 only are skipped with a warning) "
          + "(default: ${DEFAULT-VALUE}).")
  Precision precision;

  @Option(names = "--warmups", paramLabel = "N", defaultValue = "1",
      description = "Untimed calls per network before the timed ones (default: ${DEFAULT-VALUE}).")
  int warmups;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Timed calls per network; the table gives min and median (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--codeformer-heads", paramLabel = "N", defaultValue = "" + CodeFormerConfig.DEFAULT_HEADS,
      description = "Attention heads of the CodeFormer checkpoint (default: ${DEFAULT-VALUE}, the official file).")
  int heads;

  @Override
  public Integer call() {
    NetworkBenchmark.Report report;
    try {
      DeviceChoice dev = device.resolve(spec);
      dev.check(precision);
      List<Network> picked = networks == null ? Arrays.asList(Network.values())
          : networks.stream().map(Network::of).distinct().toList();
      if (runs < 1 || warmups < 0) {
        throw new IllegalArgumentException("--runs must be at least 1 and --warmups at least 0");
      }
      Map<Network, StateDict> dicts = new LinkedHashMap<>();
      for (Network n : picked) {
        dicts.put(n, weights.load(models, n.modelName()));
      }
      report = NetworkBenchmark.run(dicts, dev.device(), precision, warmups, runs, heads);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    if (weights.json) {
      BenchWeightsOptions.printJson(o, report);
      return 0;
    }
    o.printf(Locale.ROOT, "%-22s %-9s %5s %9s %10s  %s%n", "network", "precision", "runs", "min s", "median s",
        "input; weights");
    for (NetworkBenchmark.Row r : report.rows()) {
      o.printf(Locale.ROOT, "%-22s %-9s %5d %9.3f %10.3f  %s; %s%n", r.network(), r.precision(),
          r.seconds().runs(), r.seconds().min(), r.seconds().median(), r.input(),
          r.weights().startsWith("random") ? BenchWeightsOptions.RANDOM_LABEL : r.weights());
    }
    o.printf(Locale.ROOT, "device %s; %d warm-up call(s) excluded; peak RSS (VmHWM) %.0f MiB%n", report.device(),
        report.warmups(), report.peakRssMiB());
    o.flush();
    return 0;
  }
}
