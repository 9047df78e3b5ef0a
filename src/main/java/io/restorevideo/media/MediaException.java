package io.restorevideo.media;

/**
 * A media file that cannot be read or written as asked. The message is one line naming the file and the
 * problem; {@code api} passes it on to the user as is (as a {@code UserException}, which this package cannot
 * name: it sits below {@code api}).
 */
public class MediaException extends RuntimeException {
  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
