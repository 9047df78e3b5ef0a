package io.restorevideo.weights;

/** A checkpoint that cannot be read or does not fit the network; the message names the file. */
public class WeightsException extends RuntimeException {
  public WeightsException(String message) {
    super(message);
  }

  public WeightsException(String message, Throwable cause) {
    super(message, cause);
  }
}
