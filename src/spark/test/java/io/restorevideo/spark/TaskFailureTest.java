package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restorevideo.batch.SegmentPlan;
import io.restorevideo.batch.SegmentTask;
import io.restorevideo.media.FrameRange;
import org.junit.jupiter.api.Test;

/** A segment that failed for good on Spark becomes one line: the tool's own message, and Spark's attempts. */
class TaskFailureTest {
  private static final FrameRange FRAMES = new FrameRange(0, 10, 0, 10);
  private static final SegmentTask TASK = new SegmentTask("a.mkv",
      new SegmentPlan("/in/a.mp4", 2, FRAMES, FRAMES), null, "/out/seg-00002.mkv");

  @Test
  void theToolsOwnMessageIsKeptWithTheAttempts() {
    Exception e = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, most "
        + "recent failure: Lost task 0.3 in stage 3.0 (TID 12) (127.0.0.1 executor 1): "
        + "io.restorevideo.api.UserException: /in/a.mp4: decoding failed at frame 5\n\tat io.restorevideo...");
    assertEquals("/in/a.mp4: decoding failed at frame 5 (Spark tried 4 times)", TaskFailure.of(TASK, e).getMessage());
  }

  @Test
  void anotherExceptionIsNamedWithTheSegment() {
    Exception e = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 1 time, most "
        + "recent failure: Lost task 0.0 in stage 1.0 (TID 1) (127.0.0.1 executor driver): "
        + "java.lang.OutOfMemoryError: Java heap space\n");
    assertEquals("/in/a.mp4 segment 2: OutOfMemoryError: Java heap space (Spark tried 1 times)",
        TaskFailure.of(TASK, e).getMessage());
  }

  @Test
  void aPageLongMessageIsCutToItsFirstSentence() {
    Exception e = new IllegalStateException("Cannot call methods on a stopped SparkContext. This stopped "
        + "SparkContext was created at: " + "x".repeat(300));
    assertEquals("/in/a.mp4 segment 2: Cannot call methods on a stopped SparkContext.",
        TaskFailure.of(TASK, e).getMessage());
  }
}
