package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.cli.Main;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain tool's class path (no Spark jars): {@code batch --master} fails with one line saying what to do. */
class WithoutSparkTest {
  @TempDir Path dir;

  @Test
  void masterWithoutSparkOnTheClassPathFailsWithOneClearLine() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("/org/apache/spark/")).collect(Collectors.joining(File.pathSeparator));
    assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "Spark's jars were left out");
    Path clip = Files.writeString(dir.resolve("a.mp4"), "not looked at: the engine is found first");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classPath, Main.class.getName(), "batch", clip.toString(), "-o", dir.resolve("out").toString(),
        "--no-faces", "--master", "local[2]").redirectErrorStream(true).redirectOutput(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "exits");
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), String.join("\n", lines));
    assertEquals(1, lines.size(), "one line: " + lines);
    assertTrue(lines.get(0).startsWith("restore-video: --master needs Apache Spark on the class path"), lines.get(0));
  }
}
