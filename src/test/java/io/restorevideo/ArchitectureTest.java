package io.restorevideo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the house (docs/architecture.md): reads the {@code import io.restorevideo...} lines of src/main/java and
 * fails when an arrow points up, when cli reaches past api, when packages form a cycle, or when a package has
 * no package-info.java.
 */
class ArchitectureTest {
  /** The main sources and the Spark room's (compiled by the spark profile, judged all the same). */
  private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"), Path.of("src", "spark", "java"));
  private static final String ROOT = "io.restorevideo";
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?((?:[a-z]\\w*\\.)+)[A-Z]");

  /**
   * {@code {cli, spark} -> {bench, batch} -> api -> pipeline -> restore -> {face, nn, media} -> {models, weights}}: a room
   * may import its own room and the rooms of a lower rank.
   */
  private static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("cli", 6), Map.entry("spark", 6),
      Map.entry("bench", 5), Map.entry("batch", 5),
      Map.entry("api", 4),
      Map.entry("pipeline", 3),
      Map.entry("restore", 2), Map.entry("metrics", 2),
      Map.entry("face", 1), Map.entry("nn", 1), Map.entry("media", 1),
      Map.entry("models", 0), Map.entry("weights", 0));

  /**
   * The arrows allowed between rooms of one rank. face uses networks of nn (RetinaFace, ParseNet) as its
   * detector and its paste mask; nn is plain networks and knows nothing of faces, so the arrow goes one way.
   */
  private static final Set<String> SIBLING_ARROWS = Set.of("face->nn");

  @Test
  void cliTalksToApiOnly() {
    List<String> bad = new ArrayList<>();
    imports().forEach((pkg, targets) -> {
      if (inRoom(pkg, "cli") && !inside(pkg, ROOT + ".cli.bench")) {
        for (String t : targets) {
          boolean batchDoor = inside(pkg, ROOT + ".cli.batch") && inside(t, ROOT + ".batch");
          if (!inside(t, ROOT + ".api") && !inside(t, ROOT + ".cli") && !batchDoor) {
            bad.add(pkg + " imports " + t);
          }
        }
      }
    });
    assertEquals(List.of(), bad, "cli may import only api and cli (cli.bench may also use bench, cli.batch batch)");
  }

  @Test
  void arrowsPointDown() {
    List<String> bad = new ArrayList<>();
    imports().forEach((pkg, targets) -> {
      String from = room(pkg);
      for (String t : targets) {
        String to = room(t);
        if (from.equals(to)) {
          continue;
        }
        int a = rank(from);
        int b = rank(to);
        if (b > a || (b == a && !SIBLING_ARROWS.contains(from + "->" + to))) {
          bad.add(pkg + " imports " + t + " (" + from + " -> " + to + ")");
        }
      }
    });
    assertEquals(List.of(), bad, "imports must point down the house");
  }

  @Test
  void noPackageCycle() {
    Map<String, Set<String>> graph = imports();
    Set<String> done = new HashSet<>();
    for (String pkg : graph.keySet()) {
      List<String> cycle = cycleFrom(pkg, graph, new ArrayList<>(), done);
      assertEquals(List.of(), cycle, "package cycle");
    }
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String pkg : packages()) {
      boolean described = SOURCES.stream()
          .anyMatch(root -> Files.isRegularFile(root.resolve(pkg.replace('.', '/')).resolve("package-info.java")));
      if (!described) {
        missing.add(pkg);
      }
    }
    assertEquals(List.of(), missing, "packages without package-info.java");
  }

  @Test
  void theHouseIsReadFromTheSources() {
    // a guard for the rules above: they must see the packages they judge, not an empty tree
    Map<String, Set<String>> graph = imports();
    assertTrue(graph.containsKey(ROOT + ".cli"), graph.keySet().toString());
    assertTrue(graph.get(ROOT + ".cli").contains(ROOT + ".api"), graph.get(ROOT + ".cli").toString());
    assertTrue(graph.containsKey(ROOT + ".spark"), "the spark room (src/spark/java) is read too");
  }

  private static List<String> cycleFrom(String pkg, Map<String, Set<String>> graph, List<String> path,
      Set<String> done) {
    int at = path.indexOf(pkg);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(pkg);
      return cycle;
    }
    if (done.contains(pkg)) {
      return List.of();
    }
    path.add(pkg);
    for (String next : graph.getOrDefault(pkg, Set.of())) {
      List<String> cycle = cycleFrom(next, graph, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(pkg);
    return List.of();
  }

  /** Package to the other packages of ours it imports. */
  private static Map<String, Set<String>> imports() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path file : javaFiles()) {
      String pkg = packageOf(file);
      Set<String> targets = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
      for (String line : lines(file)) {
        Matcher m = IMPORT.matcher(line.trim());
        if (m.find()) {
          String target = m.group(1).substring(0, m.group(1).length() - 1);
          if (inside(target, ROOT) && !target.equals(pkg)) {
            targets.add(target);
          }
        }
      }
    }
    return graph;
  }

  private static Set<String> packages() {
    Set<String> out = new TreeSet<>();
    for (Path file : javaFiles()) {
      out.add(packageOf(file));
    }
    return out;
  }

  private static String packageOf(Path file) {
    Path root = SOURCES.stream().filter(file::startsWith).findFirst().orElseThrow();
    return root.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
  }

  private static List<Path> javaFiles() {
    List<Path> out = new ArrayList<>();
    for (Path root : SOURCES) {
      Path dir = root.resolve(ROOT.replace('.', '/'));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The room of a package: {@code io.restorevideo.face.detect} is in {@code face}. */
  private static String room(String pkg) {
    String rest = pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static int rank(String room) {
    Integer r = RANK.get(room);
    if (r == null) {
      throw new AssertionError("package room '" + room + "' has no place in the house: add it to RANK here, "
          + "to docs/architecture.md and to DESIGN.md's layout");
    }
    return r;
  }

  private static boolean inRoom(String pkg, String room) {
    return inside(pkg, ROOT + "." + room);
  }

  private static boolean inside(String pkg, String parent) {
    return pkg.equals(parent) || pkg.startsWith(parent + ".");
  }
}
