package io.restorevideo.weights;

import java.io.IOException;

/** The file is readable but is not a checkpoint at all (as opposed to a damaged one). */
final class NotACheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  NotACheckpointException(String what) {
    super(what);
  }
}
