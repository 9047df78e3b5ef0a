package io.restorevideo.pipeline;

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
    FrameRing.checkSize(ringSize);
    this.stages = List.copyOf(stages);
    this.ringSize = ringSize;
  }

  /** Runs the job to the end of the input; {@code in} and {@code out} stay open (the caller closes them). */
  public PipelineResult run(MediaInput in, MediaOutput out, ProgressListener progress) throws InterruptedException {
    JobState state = new JobState();
    List<StageTiming> timings = new ArrayList<>();
    StageTiming decodeTiming = new StageTiming("decode");
    timings.add(decodeTiming);
    List<StageTiming> stageTimings = new ArrayList<>();
    StageTiming encodeTiming = new StageTiming("encode");
    EncoderHandler enc = new EncoderHandler(out, in.videoStream().time_base(), state, encodeTiming, progress);
    progress.started(in.info().durationSeconds());
    Decoded decoded;
    long started;
    try (FrameRing ring = new FrameRing(ringSize, stages, state, stageTimings, enc)) {
      started = System.nanoTime();
      decoded = decode(in, out, ring, state, decodeTiming);
      if (state.failed()) {
        // the end marker lets every handler run its flush/close path and the latch open
        ring.publishEnd();
      }
      state.awaitFinished(Long.MAX_VALUE);
    }
    if (state.failure() != null) {
      throw state.failure();
    }
    timings.addAll(stageTimings);
    timings.add(encodeTiming);
    double wall = (System.nanoTime() - started) / 1e9;
    double end = decoded.lastSeconds + in.frameSeconds();
    return new PipelineResult(decoded.frames, wall, end, in.incompleteReason(end), List.copyOf(timings));
  }

  /** What the decoding loop reached. */
  private record Decoded(long frames, double lastSeconds) {}

  /**
   * Decodes into ring slots until the input ends or a failure stops the job, copying the other streams'
   * packets straight to the muxer; publishes the end marker when the input ends.
   */
  private static Decoded decode(MediaInput in, MediaOutput out, FrameRing ring, JobState state,
      StageTiming timing) {
    long frames = 0;
    double lastSeconds = 0;
    MediaInput.PacketSink sink = (pkt, st) -> out.writeCopied(pkt, st);
    while (!state.failed()) {
      long seq = ring.claim();
      FrameSlot slot = ring.slot(seq);
      long t0 = System.nanoTime();
      boolean more = decodeOne(in, slot, sink, state);
      timing.add(System.nanoTime() - t0, more ? 1 : 0);
      if (!more) {
        slot.endOfStream = true;
        ring.publish(seq);
        break;
      }
      stamp(slot, frames++, in);
      lastSeconds = slot.seconds;
      ring.publish(seq);
    }
    return new Decoded(frames, lastSeconds);
  }

  /** The next frame into {@code slot}; false at the end of the input or on a failure (recorded in state). */
  private static boolean decodeOne(MediaInput in, FrameSlot slot, MediaInput.PacketSink sink, JobState state) {
    try {
      return in.nextFrame(slot.decoded, sink);
    } catch (MediaException e) {
      state.fail(e);
    } catch (RuntimeException e) {
      state.fail(new StageFailure("decode", e));
    }
    return false;
  }

  /** Index, timestamps and colour metadata of a decoded frame (the stream's range when the frame has none). */
  private static void stamp(FrameSlot slot, long index, MediaInput in) {
    slot.index = index;
    slot.pts = slot.decoded.pts();
    slot.seconds = in.seconds(slot.pts);
    slot.colorSpace = in.videoStream().codecpar().color_space();
    int range = slot.decoded.color_range();
    slot.colorRange = range != avutil.AVCOL_RANGE_UNSPECIFIED ? range : in.videoStream().codecpar().color_range();
  }
}
