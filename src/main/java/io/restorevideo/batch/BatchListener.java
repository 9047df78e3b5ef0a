package io.restorevideo.batch;

/** Hears how a batch goes; called from worker threads. */
public interface BatchListener {
  BatchListener NONE = new BatchListener() {};

  /** Frames written so far across the batch out of all frames to write, and videos finished. */
  default void progress(int videosDone, int videosTotal, long framesDone, long framesTotal) {}

  /** A line for the user (a failed input, a warning, a skipped video). */
  default void note(String line) {}
}
