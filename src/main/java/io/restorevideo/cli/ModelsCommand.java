package io.restorevideo.cli;

import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.api.ModelCache;
import io.restorevideo.api.UserException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
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
  static List<String> named(CommandSpec spec, ModelCache cache, List<String> names) {
    List<String> known = cache.names();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new ParameterException(spec.commandLine(),
            "unknown model '" + name + "' (known: " + String.join(", ", known) + ")");
      }
    }
    return names;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Shows every known model: size, licence, whether it is cached, and its path.")
  static final class ListModels implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelOptions options;

    @Override
    public Integer call() {
      ModelCache cache = options.cache();
      PrintWriter out = spec.commandLine().getOut();
      String format = "%-24s %9s  %-10s %-40s %s%n";
      out.printf(Locale.ROOT, format, "NAME", "SIZE", "STATUS", "LICENCE", "PATH");
      Set<String> nonCommercial = new LinkedHashSet<>();
      for (ModelCache.Entry m : cache.list()) {
        String size = m.bytes() >= 0 ? String.format(Locale.ROOT, "%.1f MB", m.bytes() / 1e6) : "unknown";
        out.printf(Locale.ROOT, format, m.name(), size, m.status(), m.licence(), m.path());
        if (m.nonCommercial()) {
          nonCommercial.add(m.name());
        }
      }
      if (!nonCommercial.isEmpty()) {
        out.println();
        out.println("Non-commercial use only: " + String.join(", ", nonCommercial)
            + " (NTU S-Lab License 1.0, https://github.com/sczhou/CodeFormer/blob/master/LICENSE).");
      }
      out.println("Cache: " + cache.directory() + (cache.offline() ? " (offline)" : ""));
      out.flush();
      return 0;
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
      ModelCache cache = options.cache();
      List<String> models;
      if (all) {
        models = cache.names();
      } else if (names.isEmpty()) {
        models = options.checkedCache().defaultModels();
      } else {
        models = named(spec, cache, names);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failed = 0;
      for (String m : models) {
        try {
          Path p = cache.download(m);
          out.println(m + ": " + p);
        } catch (UserException e) {
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
      ModelCache cache = options.cache();
      List<String> models = names.isEmpty() ? cache.names() : named(spec, cache, names);
      PrintWriter out = spec.commandLine().getOut();
      int bad = 0;
      int checked = 0;
      for (String m : models) {
        ModelCache.Check v = cache.verify(m);
        if (!v.present()) {
          if (!names.isEmpty()) {
            out.println(m + ": not cached (" + v.path() + ")");
            bad++;
          }
          continue;
        }
        checked++;
        if (v.ok()) {
          out.println(m + ": ok, sha256 " + v.actualSha256() + (v.expectedSha256() == null ? " (no published hash)" : ""));
        } else {
          bad++;
          out.println(m + ": MISMATCH " + v.path() + ": " + v.bytes() + " bytes, sha256 " + v.actualSha256()
              + "; expected " + v.expectedBytes() + " bytes, sha256 " + v.expectedSha256());
        }
      }
      if (checked == 0 && names.isEmpty()) {
        out.println("no cached models in " + cache.directory());
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
      ModelCache cache = options.cache();
      String m = named(spec, cache, List.of(name)).get(0);
      Path p = cache.pathOf(m);
      spec.commandLine().getOut().println(p);
      spec.commandLine().getOut().flush();
      if (!Files.isRegularFile(p)) {
        spec.commandLine().getErr().println("restore-video: " + m + " is not downloaded yet "
            + "(restore-video models download " + m + ")");
        spec.commandLine().getErr().flush();
        return 1;
      }
      return 0;
    }
  }
}
