package io.restorevideo.api;

/**
 * A problem the user can fix (bad input file, unwritable output, missing model). The message is one line
 * that names the file and the problem; the CLI prints it as is and exits with code 1.
 */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
