package io.restorevideo.batch;

/**
 * What a batch did with one input: {@code state} is done, up to date (nothing to do), or failed with
 * {@code error} (one line naming the file and the problem). {@code segmentsReused} counts parts a previous
 * run had finished.
 */
public record VideoOutcome(String input, String output, State state, long frames, long faces, double seconds,
    int segments, int segmentsReused, String error) {
  /** How a video ended. */
  public enum State { DONE, UP_TO_DATE, FAILED }
}
