package io.restorevideo.cli.bench;

import io.restorevideo.cli.options.ModelOptions;
import com.google.gson.GsonBuilder;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.bench.RandomWeights;
import io.restorevideo.weights.StateDict;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * Where a benchmark's weights come from (the model store, {@code --weights ROLE=PATH}, or random full-size
 * weights, beside the command's {@link ModelOptions}) and how it prints: a picocli mixin of the
 * {@code bench} network subcommands.
 */
public final class BenchWeightsOptions {
  /** Printed beside every figure measured on random weights, so they are never taken for the real ones. */
  static final String RANDOM_LABEL = "RANDOM weights (official shapes, built in memory): timings are real, "
      + "outputs are noise";

  @Option(names = "--random-weights",
      description = "Use random weights with the official keys and shapes, built in memory (no download): "
          + "same arithmetic, so the same speed; the output says so.")
  boolean random;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of --random-weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the result as one JSON object on stdout instead of a table.")
  boolean json;

  /** The state dict of {@code roleOrName}: random, the user's file, or the store's (downloaded if needed). */
  StateDict load(ModelOptions models, String roleOrName) {
    if (random) {
      return RandomWeights.of(models.checkedCache().resolver().model(roleOrName).file(), seed);
    }
    return CheckpointReader.read(models.checkedCache().resolver().path(roleOrName));
  }

  /** What the table's header says about the weights of {@code dict}. */
  static String describe(StateDict dict) {
    return RandomWeights.isRandom(dict) ? RANDOM_LABEL : dict.source();
  }

  static void printJson(PrintWriter out, Object report) {
    out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
    out.flush();
  }
}
