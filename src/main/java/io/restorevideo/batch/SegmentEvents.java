package io.restorevideo.batch;

/**
 * How an engine reports back to the batch, on the machine that runs the batch, as things happen: a task is
 * done (its part committed) or failed for good (the engine's retries spent). Called from any thread.
 */
public interface SegmentEvents {
  /** False when the task's video has already failed: the engine may leave the task out. */
  boolean wanted(SegmentTask task);

  /** Frames of {@code task} written so far (engines that cannot tell mid-task say nothing until done). */
  void progress(SegmentTask task, long frames);

  /** A line for the user about {@code task}. */
  void warning(SegmentTask task, String line);

  /** The task's part is complete under its name. */
  void done(SegmentTask task, SegmentResult result);

  /** The task failed and will not be tried again; {@code error} names the file and the problem. */
  void failed(SegmentTask task, RuntimeException error);
}
