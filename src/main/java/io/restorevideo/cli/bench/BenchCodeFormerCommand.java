package io.restorevideo.cli.bench;

import io.restorevideo.models.ModelRole;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.bench.CodeFormerBenchmark;
import io.restorevideo.nn.DeviceChoice;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerConfig;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restore-video bench codeformer}: faces/s and ms/face by batch size and precision. */
@Command(name = "codeformer", mixinStandardHelpOptions = true,
    description = "Times CodeFormer on 512x512 faces by batch size and precision (one untimed warm-up call "
        + "each) and reports faces/s, ms/face and memory (peak RSS on the CPU, device memory on a GPU).")
final class BenchCodeFormerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchWeightsOptions weights;
  @Mixin ModelOptions models;

  @Mixin BenchDeviceOption device;

  @Option(names = "--batch-sizes", paramLabel = "N,...", split = ",",
      description = "Batch sizes to time (default: 1,2,4,8,16,32 on a GPU, 1,2,4 on the CPU).")
  List<Integer> batchSizes;

  @Option(names = "--precision", paramLabel = "P,...", split = ",",
      description = "Precisions to time: fp32 and/or fp16 (GPU only) (default: fp32,fp16 on a GPU, fp32 on "
          + "the CPU).")
  List<Precision> precisions;

  @Option(names = "--runs", paramLabel = "N",
      description = "Timed calls per batch size after the warm-up; the table gives min and median "
          + "(default: 3 on a GPU, 1 on the CPU, where a batch of 4 takes about a minute).")
  Integer runs;

  @Option(names = "--codeformer-heads", paramLabel = "N", defaultValue = "" + CodeFormerConfig.DEFAULT_HEADS,
      description = "Attention heads of the checkpoint (default: ${DEFAULT-VALUE}, the official file).")
  int heads;

  @Override
  public Integer call() {
    DeviceChoice dev;
    try {
      dev = device.resolve(spec);
      List<Precision> ps = precisions != null ? precisions
          : dev.isGpu() ? List.of(Precision.FP32, Precision.FP16) : List.of(Precision.FP32);
      ps.forEach(dev::check);
      List<Integer> bs = batchSizes != null ? batchSizes : dev.isGpu() ? List.of(1, 2, 4, 8, 16, 32) : List.of(1, 2, 4);
      if (bs.isEmpty() || bs.stream().anyMatch(b -> b < 1)) {
        throw new IllegalArgumentException("--batch-sizes must be positive, got " + bs);
      }
      int r = runs != null ? runs : dev.isGpu() ? 3 : 1;
      if (r < 1) {
        throw new IllegalArgumentException("--runs must be at least 1, got " + r);
      }
      StateDict dict = weights.load(models, ModelRole.CODEFORMER.id());
      print(CodeFormerBenchmark.run(dict, weights.random, dev.device(), ps, bs, r, heads));
      return 0;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void print(CodeFormerBenchmark.Report report) {
    PrintWriter o = spec.commandLine().getOut();
    if (weights.json) {
      BenchWeightsOptions.printJson(o, report);
      return;
    }
    o.printf(Locale.ROOT, "CodeFormer on %s, %s%n", report.device(),
        report.randomWeights() ? BenchWeightsOptions.RANDOM_LABEL : report.weights());
    o.printf(Locale.ROOT, "%-9s %5s %5s %10s %10s %9s %10s %12s%n", "precision", "batch", "runs", "min s",
        "median s", "faces/s", "ms/face", "memory MiB");
    for (CodeFormerBenchmark.Row row : report.rows()) {
      o.printf(Locale.ROOT, "%-9s %5d %5d %10.3f %10.3f %9.3f %10.1f %12.0f%n", row.precision(), row.batch(),
          row.seconds().runs(), row.seconds().min(), row.seconds().median(), row.facesPerSecond(),
          row.msPerFace(), row.memoryMiB());
    }
    o.printf(Locale.ROOT, "memory: %s; warm-up excluded%n", report.memory());
    o.flush();
  }
}
