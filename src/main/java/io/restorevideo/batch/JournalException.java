package io.restorevideo.batch;

/** The journal of an output folder cannot be used (locked by another batch, unreadable, unwritable). */
public final class JournalException extends RuntimeException {
  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
