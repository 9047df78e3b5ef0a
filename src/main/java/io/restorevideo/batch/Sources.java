package io.restorevideo.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands the SOURCE arguments of a batch into input files, each with the path its output takes under OUTDIR:
 * a file keeps its name, a folder's videos (found recursively by extension) and a glob's matches keep their
 * path below the folder or the glob's fixed part, and {@code @FILE} reads one source per line (blank lines
 * and lines starting with {@code #} skipped; a line may end in {@code -w W} or {@code --fidelity W}, that
 * video's own fidelity). A source that names nothing becomes an entry with its reason, so the batch reports
 * it by name and goes on.
 */
public final class Sources {
  /** Extensions taken from folders and globs. */
  public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "mpg",
      "mpeg", "ts", "mts", "m2ts", "flv", "wmv", "3gp", "ogv", "vob", "dv", "mxf");
  private static final Set<String> OUTPUT_CONTAINERS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi");

  /** A list line's own fidelity after its source: {@code PATH -w 0.7} or {@code PATH --fidelity=0.7}. */
  private static final Pattern LINE_FIDELITY = Pattern.compile("^(.*?)\\s+(?:-w|--fidelity)(?:\\s+|=)(\\S+)$");

  /**
   * One input; {@code problem} is non-null when the source named no readable file; {@code fidelity} is the
   * {@code w} its list line gives, or null for the batch's.
   */
  public record Source(Path input, Path relative, String problem, Double fidelity) {
    public Source(Path input, Path relative, String problem) {
      this(input, relative, problem, null);
    }
  }

  private Sources() {}

  public static List<Source> expand(List<String> args) {
    List<Source> out = new ArrayList<>();
    for (String a : args) {
      expandOne(a, null, out);
    }
    return out;
  }

  private static void expandOne(String arg, Double fidelity, List<Source> out) {
    if (arg.startsWith("@")) {
      Path list = Path.of(arg.substring(1));
      try {
        for (String line : Files.readAllLines(list)) {
          String s = line.strip();
          if (!s.isEmpty() && !s.startsWith("#")) {
            listLine(s, list, out);
          }
        }
      } catch (IOException e) {
        out.add(new Source(list, list.getFileName(), "cannot read the list (" + e.getMessage() + ")"));
      }
      return;
    }
    Path p = Path.of(arg);
    if (Files.isDirectory(p)) {
      walk(p, Sources::isVideo, fidelity, out);
    } else if (Files.isRegularFile(p)) {
      out.add(new Source(p, p.getFileName(), null, fidelity));
    } else if (arg.matches(".*[*?\\[{].*")) {
      int cut = arg.replaceAll("[*?\\[{].*$", "").lastIndexOf('/');
      Path base = Path.of(cut < 0 ? "." : cut == 0 ? "/" : arg.substring(0, cut));
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + (cut < 0 ? arg : arg.substring(cut + 1)));
      int before = out.size();
      if (Files.isDirectory(base)) {
        walk(base, f -> m.matches(base.relativize(f)), fidelity, out);
      }
      if (out.size() == before) {
        out.add(new Source(p, Path.of(p.getFileName().toString()), "no file matches this pattern"));
      }
    } else {
      out.add(new Source(p, p.getFileName() == null ? p : p.getFileName(), "no such file or folder"));
    }
  }

  /** One line of an {@code @FILE} list: a source, optionally followed by its own {@code -w}. */
  private static void listLine(String line, Path list, List<Source> out) {
    Matcher m = LINE_FIDELITY.matcher(line);
    if (!m.matches()) {
      expandOne(line, null, out);
      return;
    }
    Path p = Path.of(m.group(1));
    double w;
    try {
      w = Double.parseDouble(m.group(2));
    } catch (NumberFormatException e) {
      w = Double.NaN;
    }
    if (!(w >= 0 && w <= 1)) {
      out.add(new Source(p, p.getFileName() == null ? p : p.getFileName(), list + ": -w must be between 0 and 1, "
          + "got " + m.group(2)));
      return;
    }
    expandOne(m.group(1), w, out);
  }

  private static void walk(Path base, java.util.function.Predicate<Path> take, Double fidelity,
      List<Source> out) {
    try (Stream<Path> s = Files.walk(base)) {
      s.filter(Files::isRegularFile)
          .filter(f -> !f.toString().contains("/" + Journal.DIR + "/"))
          .filter(take)
          .sorted()
          .forEach(f -> out.add(new Source(f, base.relativize(f), null, fidelity)));
    } catch (IOException e) {
      throw new UncheckedIOException(base + ": cannot list (" + e.getMessage() + ")", e);
    }
  }

  static boolean isVideo(Path f) {
    return VIDEO_EXTENSIONS.contains(extension(f));
  }

  /**
   * The output's path under OUTDIR: the input's relative path, with the container of {@code format} when
   * given, else the input's own when it is one this tool writes, else mkv (which holds any codec).
   */
  public static String outputName(Path relative, String format) {
    String name = relative.toString();
    String ext = extension(relative);
    String stem = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
    if (format != null) {
      return stem + "." + format.toLowerCase(Locale.ROOT);
    }
    return OUTPUT_CONTAINERS.contains(ext) ? name : stem + ".mkv";
  }

  private static String extension(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
