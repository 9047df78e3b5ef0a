package io.restorevideo.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
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
  private final Disruptor<FrameSlot> disruptor;
  private final RingBuffer<FrameSlot> ring;
  private final int ringSize;
  private long submitted;
  private boolean finished;

  public StreamPipeline(List<FrameStage> stages, int ringSize, Sink sink) {
    if (Integer.bitCount(ringSize) != 1) {
      throw new IllegalArgumentException("ring size must be a power of two, got " + ringSize);
    }
    this.ringSize = ringSize;
    disruptor = new Disruptor<>(FrameSlot::new, ringSize, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
        new BlockingWaitStrategy());
    EventHandlerGroup<FrameSlot> group = null;
    for (FrameStage stage : stages) {
      StageHandler h = new StageHandler(stage, state, new StageTiming(stage.name()));
      group = group == null ? disruptor.handleEventsWith(h) : group.then(h);
    }
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
    if (group == null) {
      disruptor.handleEventsWith(last);
    } else {
      group.then(last);
    }
    ring = disruptor.start();
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
    long seq = ring.next();
    FrameSlot slot = ring.get(seq);
    slot.reset();
    try {
      slot.load(bgr, submitted++, seconds);
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
      long seq = ring.next();
      FrameSlot slot = ring.get(seq);
      slot.reset();
      slot.endOfStream = true;
      ring.publish(seq);
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
      disruptor.shutdown();
      for (int i = 0; i < ringSize; i++) {
        ring.get(i).release();
      }
    }
  }
}
