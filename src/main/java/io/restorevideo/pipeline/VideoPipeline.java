package io.restorevideo.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.restorevideo.media.FrameRange;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.MediaOutput;
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
    return run(in, out, progress, null, null);
  }

  /**
   * Runs the frames of {@code range} only (a segment), after the frames of {@code warmup} (the frames just
   * before it) have gone through the stages unwritten, so that tracking enters the segment as a whole run
   * would. Decoding starts at the keyframe at or before the warm-up; frame numbers are the video's own.
   * Null ranges: the whole input.
   */
  public PipelineResult run(MediaInput in, MediaOutput out, ProgressListener progress, FrameRange warmup,
      FrameRange range) throws InterruptedException {
    FrameRange from = warmup != null && warmup.frames() > 0 ? warmup : range;
    if (from != null && from.first() > 0) {
      in.seek(from.startPts());
    }
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
    progress.started(in.info().durationSeconds());
    RingBuffer<FrameSlot> ring = disruptor.start();
    long started = System.nanoTime();
    long frames = 0;
    long index = from == null ? 0 : from.first();
    double lastSeconds = 0;
    int colorSpace = in.videoStream().codecpar().color_space();
    int colorRange = in.videoStream().codecpar().color_range();
    MediaInput.PacketSink sink = (pkt, st) -> out.writeCopied(pkt, st);
    try {
      while (!state.failed()) {
        long seq = ring.next();
        FrameSlot slot = ring.get(seq);
        slot.reset();
        boolean more;
        long t0 = System.nanoTime();
        try {
          more = in.nextFrame(slot.decoded, sink);
          // frames between the seek's keyframe and the warm-up are only decoded
          while (more && from != null && slot.decoded.pts() < from.startPts()) {
            more = in.nextFrame(slot.decoded, sink);
          }
          if (more && range != null && slot.decoded.pts() >= range.endPts()) {
            more = false;
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
        slot.index = index++;
        slot.pts = slot.decoded.pts();
        slot.warmup = range != null && slot.pts < range.startPts();
        if (!slot.warmup) {
          frames++;
        }
        slot.seconds = in.seconds(slot.pts);
        slot.colorSpace = colorSpace;
        slot.colorRange = slot.decoded.color_range() != avutil.AVCOL_RANGE_UNSPECIFIED
            ? slot.decoded.color_range() : colorRange;
        lastSeconds = slot.seconds;
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
    boolean toTheEnd = range == null || range.endPts() == Long.MAX_VALUE;
    return new PipelineResult(frames, wall, end, toTheEnd ? in.incompleteReason(end) : null, List.copyOf(timings));
  }
}
