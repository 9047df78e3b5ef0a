package io.restorevideo.media;

/** An input or output the media layer cannot handle; the message is one line naming the file and the problem. */
public class MediaException extends RuntimeException {
  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
