package io.restorevideo.cli;

import io.restorevideo.api.UserException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and exit code 1. Expected problems (bad input, missing model) carry
 * their own message; anything else still prints one line, with the stack trace only under --debug.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    String msg = ex instanceof UserException ? ex.getMessage() : describe(ex);
    cl.getErr().println("restore-video: " + msg);
    if (parsed.hasMatchedOption("--debug")) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return 1;
  }

  private static String describe(Throwable ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return (m == null || m.isBlank()) ? root.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
