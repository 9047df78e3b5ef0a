package io.restorevideo.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
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
  /**
   * How long a stage sleeps between looks at the stage before it. Disruptor's blocking strategy blocks only
   * on the producer and busy-spins while a handler waits for the handler before it: with five stages on two
   * cores, the waiting ones burned most of the CPU time (JFR, issue 18). A woken stage takes every frame that
   * is ready, so the sleep costs a frame at most that much latency per stage, not throughput; with eight
   * stage threads, 1 ms instead of 0.2 ms saved about a tenth of a 1080p face job's CPU on two cores
   * (docs/benchmarks.md, part 8).
   */
  private static final long WAIT_NANOS = 1_000_000;

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
    boolean precise = preciseColour(stages);
    disruptor = new Disruptor<>(() -> new FrameSlot(precise), size, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE,
        new SleepingWaitStrategy(0, WAIT_NANOS));
    EventHandlerGroup<FrameSlot> group = null;
    for (FrameStage stage : stages) {
      StageTiming t = new StageTiming(stage.name());
      timings.add(t);
      StageHandler[] h = handlers(stage, state, t);
      group = group == null ? disruptor.handleEventsWith(h) : group.then(h);
    }
    if (group == null) {
      disruptor.handleEventsWith(last);
    } else {
      group.then(last);
    }
    ring = disruptor.start();
  }

  /** One handler per stage, or one per worker of a {@link StageWorkers}, each taking its share of the frames. */
  private static StageHandler[] handlers(FrameStage stage, JobState state, StageTiming timing) {
    if (!(stage instanceof StageWorkers group)) {
      return new StageHandler[] {new StageHandler(stage, state, timing)};
    }
    List<FrameStage> workers = group.workers();
    StageHandler[] out = new StageHandler[workers.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = new StageHandler(workers.get(k), state, timing, k, out.length);
    }
    return out;
  }

  /** Whether frames are converted with swscale's accurate rounding: unless a stage accepts the fast path. */
  static boolean preciseColour(List<FrameStage> stages) {
    return stages.stream().noneMatch(FrameStage::approximateColour);
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
