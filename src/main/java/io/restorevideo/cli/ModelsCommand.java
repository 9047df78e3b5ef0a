package io.restorevideo.cli;

import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.models.ModelInfo;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelStore;
import io.restorevideo.models.ModelException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video models list|download|verify|path}: the model weights cache. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists, downloads and verifies the model weights (cached in $RESTORE_VIDEO_HOME/models).",
    subcommands = {
      ModelsCommand.ListModels.class,
      ModelsCommand.DownloadModels.class,
      ModelsCommand.VerifyModels.class,
      ModelsCommand.ModelPath.class
    })
public final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: list, download, verify or path");
  }

  /** The registry models named on the command line; an unknown name is a usage error. */
  static List<ModelInfo> named(CommandSpec spec, ModelStore store, List<String> names) {
    List<ModelInfo> out = new ArrayList<>();
    for (String name : names) {
      out.add(store.registry().find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown model '" + name + "' (known: " + store.registry().models().stream().map(ModelInfo::name)
              .collect(Collectors.joining(", ")) + ")")));
    }
    return out;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Shows every known model: size, licence, whether it is cached, and its path.")
  static final class ListModels implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOptions options;

    @Override
    public Integer call() {
      ModelStore store = options.store();
      PrintWriter out = spec.commandLine().getOut();
      String format = "%-24s %9s  %-10s %-40s %s%n";
      out.printf(Locale.ROOT, format, "NAME", "SIZE", "STATUS", "LICENCE", "PATH");
      Set<String> nonCommercial = new LinkedHashSet<>();
      for (ModelInfo m : store.registry().models()) {
        String size = m.bytes() >= 0 ? String.format(Locale.ROOT, "%.1f MB", m.bytes() / 1e6) : "unknown";
        out.printf(Locale.ROOT, format, m.name(), size, status(store.state(m)), m.licence(), store.pathOf(m));
        if (m.nonCommercial()) {
          nonCommercial.add(m.name());
        }
      }
      if (!nonCommercial.isEmpty()) {
        out.println();
        out.println("Non-commercial use only: " + String.join(", ", nonCommercial)
            + " (NTU S-Lab License 1.0, https://github.com/sczhou/CodeFormer/blob/master/LICENSE).");
      }
      out.println("Cache: " + store.directory() + (store.offline() ? " (offline)" : ""));
      out.flush();
      return 0;
    }

    private static String status(ModelStore.State s) {
      return switch (s) {
        case CACHED -> "cached";
        case UNCHECKED -> "unchecked";
        case CORRUPT -> "corrupt";
        case PARTIAL -> "partial";
        case MISSING -> "missing";
      };
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = "Downloads and verifies models. Without names: the models the default job needs "
          + "(codeformer, the --detector, parsenet).")
  static final class DownloadModels implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOptions options;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Model names (see 'models list').")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Download every model of the registry.")
    boolean all;

    @Override
    public Integer call() {
      ModelStore store = options.store();
      List<ModelInfo> models;
      if (all) {
        models = store.registry().models();
      } else if (names.isEmpty()) {
        ModelRegistry r = store.registry();
        models = List.of(r.defaultFor("codeformer"), options.resolver().model("detector"), r.defaultFor("parsenet"));
      } else {
        models = named(spec, store, names);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failed = 0;
      for (ModelInfo m : models) {
        try {
          Path p = store.resolve(m);
          out.println(m.name() + ": " + p);
        } catch (ModelException e) {
          err.println("restore-video: " + e.getMessage());
          failed++;
        }
        out.flush();
        err.flush();
      }
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Hashes cached models in full and compares them with the registry (all cached ones "
          + "without names).")
  static final class VerifyModels implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOptions options;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Model names (default: every cached one).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      ModelStore store = options.store();
      List<ModelInfo> models = names.isEmpty() ? store.registry().models() : named(spec, store, names);
      PrintWriter out = spec.commandLine().getOut();
      int bad = 0;
      int checked = 0;
      for (ModelInfo m : models) {
        ModelStore.Verification v = store.verify(m);
        if (!v.present()) {
          if (!names.isEmpty()) {
            out.println(m.name() + ": not cached (" + v.path() + ")");
            bad++;
          }
          continue;
        }
        checked++;
        if (v.ok()) {
          out.println(m.name() + ": ok, sha256 " + v.actualSha256() + (m.sha256() == null ? " (no published hash)" : ""));
        } else {
          bad++;
          out.println(m.name() + ": MISMATCH " + v.path() + ": " + v.bytes() + " bytes, sha256 " + v.actualSha256()
              + "; expected " + m.bytes() + " bytes, sha256 " + m.sha256());
        }
      }
      if (checked == 0 && names.isEmpty()) {
        out.println("no cached models in " + store.directory());
      }
      out.flush();
      return bad == 0 ? 0 : 1;
    }
  }

  @Command(name = "path", mixinStandardHelpOptions = true,
      description = "Prints where a model's file is (or will be) cached; exit code 1 while it is not there.")
  static final class ModelPath implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOptions options;

    @Parameters(paramLabel = "NAME", description = "Model name (see 'models list').")
    String name;

    @Override
    public Integer call() {
      ModelStore store = options.store();
      ModelInfo m = named(spec, store, List.of(name)).get(0);
      Path p = store.pathOf(m);
      spec.commandLine().getOut().println(p);
      spec.commandLine().getOut().flush();
      if (!Files.isRegularFile(p)) {
        spec.commandLine().getErr().println("restore-video: " + m.name() + " is not downloaded yet "
            + "(restore-video models download " + m.name() + ")");
        spec.commandLine().getErr().flush();
        return 1;
      }
      return 0;
    }
  }
}
