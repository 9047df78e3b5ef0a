package io.restorevideo.pipeline;

import com.lmax.disruptor.EventHandler;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The stages over pictures that a program supplies instead of a decoder: {@link #submit} copies a picture
 * into a ring slot (blocking while the ring is full: backpressure), the stages run on their threads as in
 * {@link VideoPipeline}, and the {@link Sink} receives each result in submission order. Not thread-safe on
 * the submitting side: one producer.
 */
public final class StreamPipeline implements AutoCloseable {
  /** Receives each finished picture, in order, on the pipeline's last thread; valid only during the call. */
  @FunctionalInterface
  public interface Sink {
    void accept(long index, double seconds, Mat picture) throws Exception;
  }

  private final JobState state = new JobState();
  private final FrameRing ring;
  private long submitted;
  private boolean finished;

  public StreamPipeline(List<FrameStage> stages, int ringSize, Sink sink) {
    EventHandler<FrameSlot> last = (slot, seq, endOfBatch) -> {
      try {
        if (!slot.endOfStream && !state.failed()) {
          sink.accept(slot.index(), slot.seconds(), slot.picture());
        }
      } catch (Throwable t) {
        state.fail(new StageFailure("sink", t));
      } finally {
        if (slot.endOfStream) {
          state.finished();
        }
      }
    };
    ring = new FrameRing(ringSize, stages, state, new ArrayList<>(), last);
  }

  /**
   * Queues a copy of {@code bgr} (CV_8UC3), blocking while {@code ringSize} pictures are in flight.
   *
   * @throws RuntimeException the first failure of a stage or of the sink, once one has happened
   */
  public void submit(Mat bgr, double seconds) {
    if (finished) {
      throw new IllegalStateException("the stream has been finished");
    }
    rethrow();
    long seq = ring.claim();
    try {
      ring.slot(seq).load(bgr, submitted++, seconds);
    } finally {
      ring.publish(seq);
    }
  }

  /** Ends the stream: every submitted picture reaches the sink before this returns; rethrows a failure. */
  public void finish() throws InterruptedException {
    endStream();
    rethrow();
  }

  private void endStream() throws InterruptedException {
    if (!finished) {
      finished = true;
      ring.publishEnd();
      state.awaitFinished(Long.MAX_VALUE);
    }
  }

  private void rethrow() {
    if (state.failure() != null) {
      throw state.failure();
    }
  }

  /** Finishes the stream if needed and frees the ring. */
  @Override
  public void close() throws InterruptedException {
    try {
      endStream();
    } finally {
      ring.close();
    }
  }
}
