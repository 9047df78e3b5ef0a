package io.restorevideo.cli.bench;

import io.restorevideo.models.ModelRole;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.bench.UpsamplerBenchmark;
import io.restorevideo.nn.rrdbnet.TiledUpsampler;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code restore-video bench upsampler}: seconds per frame of the Real-ESRGAN background upsampler. */
@Command(name = "upsampler", mixinStandardHelpOptions = true,
    description = "Times the tiled Real-ESRGAN background upsampler (as --bg-upsampler realesrgan runs it) on one "
        + "16:9 frame of the given short side, on the CPU.")
final class BenchUpsamplerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchWeightsOptions weights;
  @Mixin ModelOptions models;

  @Option(names = "--size", paramLabel = "PX", defaultValue = "480",
      description = "Short side of the frame in pixels (default: ${DEFAULT-VALUE}, i.e. 854x480).")
  int size;

  @Option(names = "--bg-tile", paramLabel = "N", defaultValue = "" + TiledUpsampler.DEFAULT_TILE,
      description = "Tile size, as the job's --bg-tile; 0 = untiled (default: ${DEFAULT-VALUE}).")
  int tile;

  @Option(names = "--tile-batch", paramLabel = "N", defaultValue = "" + TiledUpsampler.DEFAULT_BATCH,
      description = "Tiles per network call (default: ${DEFAULT-VALUE}, the job's).")
  int batch;

  @Option(names = "--warmups", paramLabel = "N", defaultValue = "1",
      description = "Untimed runs first (default: ${DEFAULT-VALUE}; 0 saves minutes at 480p on a CPU).")
  int warmups;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "2",
      description = "Timed runs after the warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() {
    StateDict dict = weights.load(models, ModelRole.REALESRGAN.id());
    UpsamplerBenchmark.Report r;
    try {
      r = UpsamplerBenchmark.run(dict, size, tile, batch, warmups, runs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    if (weights.json) {
      BenchWeightsOptions.printJson(o, r);
      return 0;
    }
    o.printf(Locale.ROOT, "Real-ESRGAN x%d on cpu, %s%n", r.scale(), BenchWeightsOptions.describe(dict));
    o.printf(Locale.ROOT, "%9s %11s %5s %6s %5s %9s %10s %11s%n", "frame", "output", "tile", "batch", "runs",
        "min s", "median s", "peak MiB");
    o.printf(Locale.ROOT, "%9s %11s %5d %6d %5d %9.2f %10.2f %11.0f%n", r.width() + "x" + r.height(),
        r.outWidth() + "x" + r.outHeight(), r.tile(), r.batch(), r.seconds().runs(), r.seconds().min(),
        r.seconds().median(), r.peakRssMiB());
    o.printf(Locale.ROOT, "seconds per frame after %d warm-up(s); memory: peak RSS of the process (VmHWM)%n", warmups);
    o.flush();
    return 0;
  }
}
