package io.restorevideo.spark.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A SPARK_HOME for the Workers, made of links. A Worker starts each executor through Spark's launcher
 * (WorkerCommandBuilder), whose class path is the application's extra class path, then SPARK_HOME/conf, then
 * SPARK_HOME/jars/* (CommandBuilderUtils.findJarsDir: the folder must exist, else the launch fails), with the
 * Scala version from SPARK_SCALA_VERSION (else it looks for a build tree). Here jars/ holds the jars the Workers
 * themselves run from, the test JVM's class path, as a Spark installation's jars/ holds what its daemons run
 * from; the project's own class folders are not jars and stay out, so an application must still ship its code.
 */
final class SparkHome {
  static final String SCALA_VERSION = "2.13";

  private SparkHome() {}

  /** Makes {@code home/jars} with a link to each jar of this JVM's class path; returns {@code home}. */
  static Path make(Path home) {
    Path jars = home.resolve("jars");
    try {
      Files.createDirectories(jars);
      Set<String> names = new HashSet<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path jar = Path.of(entry).toAbsolutePath();
        if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
          continue;
        }
        String name = jar.getFileName().toString();
        // the same file name from two groups must not hide one of them
        String unique = names.add(name) ? name : names.size() + "-" + name;
        names.add(unique);
        Files.createSymbolicLink(jars.resolve(unique), jar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the test SPARK_HOME " + home, e);
    }
    return home;
  }
}
