package io.restorevideo.media;

/** An input or output file that cannot be used; the message is one line naming the file and the problem. */
public class MediaException extends RuntimeException {
  public MediaException(String message) {
    super(message);
  }
}
