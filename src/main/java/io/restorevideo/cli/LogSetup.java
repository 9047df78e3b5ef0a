package io.restorevideo.cli;

import java.util.List;

/**
 * Logging of the command line, set before any logger exists (SLF4J's simple logger reads its levels when a
 * logger is created, and DJL's loggers are created when its classes load). Third-party libraries log at WARN;
 * the lines they print on every normal CPU run are known to be harmless and are suppressed; {@code --debug}
 * shows everything. A library user configures logging in their own program: only the command sets this. Levels
 * are system properties set only where absent, so {@code -D} wins and the first run in a JVM decides.
 */
final class LogSetup {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  /**
   * Loggers whose every line on a normal run is harmless: DJL's CUDA probe warns twice ("Failed to detect
   * GPU count") on a CPU build; DJL's PyTorch engine and native loader announce the graph executor, the
   * thread counts and the extraction of the native library at INFO; Hadoop (under batch --master) warns that
   * it uses its Java code for want of its native library, which it then does.
   */
  private static final List<String> HARMLESS = List.of("ai.djl.util.cuda.CudaUtils", "ai.djl.pytorch.engine.PtEngine",
      "ai.djl.pytorch.jni.LibUtils", "ai.djl.repository", "org.apache.hadoop.util.NativeCodeLoader");

  /** Spark and the libraries it brings, which log every stage and task at INFO. */
  private static final List<String> QUIET = List.of("org.apache.spark", "org.sparkproject", "io.netty",
      "org.apache.hadoop");

  private LogSetup() {}

  /** Sets the levels unless the user already set them with {@code -D}. */
  static void configure(boolean debug) {
    // JavaCPP prints through its own logger to stderr unless told to use SLF4J
    setDefault("org.bytedeco.javacpp.logger", "slf4j");
    setDefault(PREFIX + "logFile", "System.err");
    if (debug) {
      setDefault(PREFIX + "defaultLogLevel", "debug");
      return;
    }
    setDefault(PREFIX + "defaultLogLevel", "warn");
    // per-logger levels are read as each logger is made, so they hold even where SLF4J started before this
    setDefault(PREFIX + "log.ai.djl", "warn");
    setDefault(PREFIX + "log.org.bytedeco", "warn");
    setDefault(PREFIX + "log.io.restorevideo", "info");
    // batch --master: Spark and what it brings say at INFO what a normal run does (ports, stages, tasks)
    for (String name : QUIET) {
      setDefault(PREFIX + "log." + name, "warn");
    }
    for (String name : HARMLESS) {
      setDefault(PREFIX + "log." + name, "error");
    }
  }

  /** True when the arguments ask for {@code --debug} (read before picocli parses them). */
  static boolean debugRequested(String... args) {
    for (String a : args) {
      if ("--".equals(a)) {
        return false;
      }
      if ("--debug".equals(a)) {
        return true;
      }
    }
    return false;
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
