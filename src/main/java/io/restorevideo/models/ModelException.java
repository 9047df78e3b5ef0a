package io.restorevideo.models;

/** A model that cannot be found, fetched or verified; the message names the model or file and the way out. */
public class ModelException extends RuntimeException {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
