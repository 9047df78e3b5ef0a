package io.restorevideo.cli;

import picocli.CommandLine;

/** Entry point of the {@code restore-video} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage) without exiting. */
  public static int run(String... args) {
    // before any library logs: the first run in a JVM fixes the levels (see LogSetup)
    LogSetup.configure(LogSetup.debugRequested(args));
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new RestoreCommand());
    cl.setExecutionExceptionHandler(new OneLineErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // '@FILE' is batch's list of sources (one per line, each with its own -w); picocli would otherwise splice
    // the file's words into the command line, turning a line's -w into the whole batch's
    cl.setExpandAtFiles(false);
    return cl;
  }
}
