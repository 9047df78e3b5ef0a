package io.restorevideo.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.MediaOutput;
import io.restorevideo.media.MediaRange;
import io.restorevideo.media.RangeCut;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Decode, stages, encode over a pre-allocated Disruptor ring. The calling thread decodes and publishes one
 * slot per frame (blocking while the ring is full, so memory is bounded by the ring size); packets of the
 * copied streams go straight to the muxer. Handlers run in the configured order, the encoder last. The first
 * failure anywhere stops decoding, lets the ring drain without work, and is rethrown here.
 */
public final class VideoPipeline {
  /** Ring size when none is given: enough slack for a batching stage of 8 plus the encoder's lag. */
  public static final int DEFAULT_RING_SIZE = 16;

  private final List<FrameStage> stages;
  private final int ringSize;

  public VideoPipeline(List<FrameStage> stages, int ringSize) {
    if (Integer.bitCount(ringSize) != 1) {
      throw new IllegalArgumentException("ring size must be a power of two, got " + ringSize);
    }
    this.stages = List.copyOf(stages);
    this.ringSize = ringSize;
  }

  /** Runs the job to the end of the input; {@code in} and {@code out} stay open (the caller closes them). */
  public PipelineResult run(MediaInput in, MediaOutput out, ProgressListener progress) throws InterruptedException {
    return run(in, out, progress, MediaRange.ALL);
  }

  /**
   * Runs the job over {@code range} of the input: frames before it are decoded (after a seek to the keyframe
   * before it, where the input can seek) and dropped, decoding stops at its end, the copied streams are cut
   * to match, and every timestamp is moved so that the range starts at zero.
   */
  public PipelineResult run(MediaInput in, MediaOutput out, ProgressListener progress, MediaRange range)
      throws InterruptedException {
    JobState state = new JobState();
    StageTiming decodeTiming = new StageTiming("decode");
    List<StageTiming> timings = new ArrayList<>();
    timings.add(decodeTiming);
    Disruptor<FrameSlot> disruptor = new Disruptor<>(FrameSlot::new, ringSize, DaemonThreadFactory.INSTANCE,
        ProducerType.SINGLE, new BlockingWaitStrategy());
    EventHandlerGroup<FrameSlot> group = null;
    for (FrameStage stage : stages) {
      StageTiming t = new StageTiming(stage.name());
      timings.add(t);
      StageHandler h = new StageHandler(stage, state, t);
      group = group == null ? disruptor.handleEventsWith(h) : group.then(h);
    }
    StageTiming encodeTiming = new StageTiming("encode");
    timings.add(encodeTiming);
    EncoderHandler enc = new EncoderHandler(out, in.videoStream().time_base(), state, encodeTiming, progress);
    if (group == null) {
      disruptor.handleEventsWith(enc);
    } else {
      group.then(enc);
    }
    progress.timings(List.copyOf(timings));
    progress.started(range.isAll() ? in.info().durationSeconds()
        : range.secondsOf(in.info().durationSeconds(), in.frameSeconds()));
    RingBuffer<FrameSlot> ring = disruptor.start();
    long started = System.nanoTime();
    long frames = 0;
    double lastSeconds = 0;
    int colorSpace = in.videoStream().codecpar().color_space();
    int colorRange = in.videoStream().codecpar().color_range();
    MediaInput.PacketSink copy = (pkt, st) -> out.writeCopied(pkt, st);
    RangeCut cut = range.isAll() ? null : new RangeCut(in, range, copy);
    MediaInput.PacketSink sink = cut == null ? copy : cut;
    boolean rangeEnded = false;
    if (cut != null) {
      in.seek(range.startSeconds());
    }
    try {
      while (!state.failed()) {
        long seq = ring.next();
        FrameSlot slot = ring.get(seq);
        slot.reset();
        boolean more;
        long t0 = System.nanoTime();
        try {
          more = in.nextFrame(slot.decoded, sink);
          while (more && cut != null && range.before(in.seconds(slot.decoded.pts()))) {
            more = in.nextFrame(slot.decoded, sink);
          }
          if (more && cut != null && range.after(in.seconds(slot.decoded.pts()), frames)) {
            more = false;
            rangeEnded = true;
          }
        } catch (MediaException e) {
          state.fail(e);
          more = false;
        } catch (RuntimeException e) {
          state.fail(new StageFailure("decode", e));
          more = false;
        }
        decodeTiming.add(System.nanoTime() - t0, more ? 1 : 0);
        if (!more) {
          slot.endOfStream = true;
          ring.publish(seq);
          break;
        }
        slot.index = frames++;
        long pts = slot.decoded.pts();
        lastSeconds = in.seconds(pts);
        slot.pts = cut == null ? pts : cut.videoPts(pts);
        slot.seconds = cut == null ? lastSeconds : lastSeconds - range.startSeconds();
        slot.colorSpace = colorSpace;
        slot.colorRange = slot.decoded.color_range() != avutil.AVCOL_RANGE_UNSPECIFIED
            ? slot.decoded.color_range() : colorRange;
        ring.publish(seq);
      }
      if (state.failed()) {
        // the end marker lets every handler run its flush/close path and the latch open
        long seq = ring.next();
        FrameSlot slot = ring.get(seq);
        slot.reset();
        slot.endOfStream = true;
        ring.publish(seq);
      }
      state.awaitFinished(Long.MAX_VALUE);
    } finally {
      disruptor.shutdown();
      for (int i = 0; i < ringSize; i++) {
        ring.get(i).release();
      }
    }
    if (state.failure() != null) {
      throw state.failure();
    }
    double wall = (System.nanoTime() - started) / 1e9;
    double end = lastSeconds + in.frameSeconds();
    // a range that ends before the input does is no early end
    return new PipelineResult(frames, wall, end, rangeEnded ? null : in.incompleteReason(end), List.copyOf(timings));
  }
}
