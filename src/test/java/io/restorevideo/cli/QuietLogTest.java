package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.ChildCli;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal CPU run prints no line of DJL's or JavaCPP's on stderr; {@code --debug} shows them. Each run is a
 * child JVM: logging levels are fixed when the first logger is made, as in a user's shell.
 */
class QuietLogTest {
  /** Lines every CPU run printed before (the CUDA probe, native extraction, engine banners). */
  private static final List<String> KNOWN_NOISE = List.of("Failed to detect GPU count", "Extracting ",
      "graph executor optimizer", "Number of inter-op threads", "Number of intra-op threads");
  /** Any log line of a third-party library at INFO or WARN (SLF4J simple logger's layout). */
  private static final Pattern THIRD_PARTY = Pattern.compile("(?m)\\] (INFO|WARN) (ai\\.djl|org\\.bytedeco)");

  @TempDir Path dir;

  static void assertQuiet(String stderr) {
    for (String noise : KNOWN_NOISE) {
      assertTrue(!stderr.contains(noise), "'" + noise + "' on stderr:\n" + stderr);
    }
    assertTrue(!THIRD_PARTY.matcher(stderr).find(), "a third-party INFO/WARN line on stderr:\n" + stderr);
  }

  private ChildCli.Result run(Path clip, String... extra) {
    List<String> args = new ArrayList<>(List.of(clip.toString(), dir.resolve("out-" + extra.length + ".mp4").toString(),
        "--only-center-face"));
    args.addAll(TinyModels.cliArgs(dir));
    args.addAll(List.of(extra));
    return ChildCli.run(dir, null, null, args);
  }

  @Test
  void aNormalRunIsQuietAndDebugShowsTheLibrariesLines() {
    Path clip = GroupClip.zoom(dir, "160x128", 2);
    ChildCli.Result normal = run(clip);
    assertEquals(0, normal.exit(), normal.err());
    assertQuiet(normal.err());
    ChildCli.Result debug = run(clip, "--debug");
    assertEquals(0, debug.exit(), debug.err());
    assertTrue(THIRD_PARTY.matcher(debug.err()).find() || debug.err().contains("DEBUG ai.djl"),
        "no third-party line with --debug:\n" + debug.err());
    System.out.printf("stderr lines: normal run %d, --debug run %d%n", normal.err().lines().count(),
        debug.err().lines().count());
  }
}
