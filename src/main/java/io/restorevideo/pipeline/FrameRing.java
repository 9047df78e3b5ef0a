package io.restorevideo.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.List;

/**
 * The Disruptor ring both pipelines run on: pre-allocated {@link FrameSlot}s, one handler per stage in order
 * and a last handler (the encoder, or a program's sink), one producer. Memory is bounded by the ring size:
 * {@link #claim()} blocks while every slot is in flight. {@link #close()} stops the handler threads and frees
 * every slot's pixels.
 */
final class FrameRing implements AutoCloseable {
  private final Disruptor<FrameSlot> disruptor;
  private final RingBuffer<FrameSlot> ring;
  private final int size;

  /**
   * Builds and starts the ring.
   *
   * @param timings receives one timing per stage, in order
   */
  FrameRing(int size, List<FrameStage> stages, JobState state, List<StageTiming> timings,
      EventHandler<FrameSlot> last) {
    checkSize(size);
    this.size = size;
    disruptor = new Disruptor<>(FrameSlot::new, size, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
        new BlockingWaitStrategy());
    EventHandlerGroup<FrameSlot> group = null;
    for (FrameStage stage : stages) {
      StageTiming t = new StageTiming(stage.name());
      timings.add(t);
      StageHandler h = new StageHandler(stage, state, t);
      group = group == null ? disruptor.handleEventsWith(h) : group.then(h);
    }
    if (group == null) {
      disruptor.handleEventsWith(last);
    } else {
      group.then(last);
    }
    ring = disruptor.start();
  }

  static void checkSize(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("ring size must be a power of two, got " + size);
    }
  }

  /** The sequence of the next free slot, blocking while the ring is full; publish it with {@link #publish}. */
  long claim() {
    long seq = ring.next();
    ring.get(seq).reset();
    return seq;
  }

  FrameSlot slot(long seq) {
    return ring.get(seq);
  }

  void publish(long seq) {
    ring.publish(seq);
  }

  /** Publishes the end marker: every handler runs its flush path, and the last one ends the job. */
  void publishEnd() {
    long seq = claim();
    ring.get(seq).endOfStream = true;
    ring.publish(seq);
  }

  @Override
  public void close() {
    disruptor.shutdown();
    for (int i = 0; i < size; i++) {
      ring.get(i).release();
    }
  }
}
