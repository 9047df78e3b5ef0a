package io.restorevideo.pipeline;

import io.restorevideo.media.FrameRange;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.MediaOutput;
import io.restorevideo.media.MediaRange;
import io.restorevideo.media.RangeCut;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Decode, stages, encode over a pre-allocated Disruptor ring. The calling thread decodes and publishes one
 * slot per frame (blocking while the ring is full, so memory is bounded by the ring size); packets of the
 * copied streams go straight to the muxer. Handlers run in the configured order, then the conversion to the
 * encoder's format (when there are stages), the encoder last. The first failure anywhere stops decoding, lets
 * the ring drain without work, and is rethrown here.
 */
public final class VideoPipeline {
  /** Ring size when none is given: enough slack for a batching stage of 8 plus the encoder's lag. */
  public static final int DEFAULT_RING_SIZE = 16;

  private final List<FrameStage> stages;
  private final int ringSize;
  private final int convertWorkers;

  public VideoPipeline(List<FrameStage> stages, int ringSize) {
    this(stages, ringSize, ThreadBudget.forThisMachine().convertWorkers());
  }

  /** With {@code convertWorkers} threads converting frames to the encoder's format ({@link #withConversion}). */
  VideoPipeline(List<FrameStage> stages, int ringSize, int convertWorkers) {
    FrameRing.checkSize(ringSize);
    if (convertWorkers < 1) {
      throw new IllegalArgumentException("convert workers must be at least 1, got " + convertWorkers);
    }
    this.stages = List.copyOf(stages);
    this.ringSize = ringSize;
    this.convertWorkers = convertWorkers;
  }

  /**
   * The stages, then the conversion to the encoder's format as a stage of its own ({@link ConvertStage}, as
   * {@code workers} {@link StageWorkers} when more than one) so the encoder's thread only encodes. Without
   * stages nothing can change a pixel: no stage is added and the encoder takes the decoded frames as before.
   */
  static List<FrameStage> withConversion(List<FrameStage> stages, AVCodecContext encoder, int workers) {
    if (stages.isEmpty()) {
      return stages;
    }
    List<FrameStage> converters = new ArrayList<>(workers);
    for (int k = 0; k < workers; k++) {
      converters.add(new ConvertStage(new EncoderFormat(encoder)));
    }
    List<FrameStage> all = new ArrayList<>(stages);
    all.add(workers == 1 ? converters.get(0) : new StageWorkers(converters));
    return all;
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
    double total = range.isAll() ? in.info().durationSeconds()
        : range.secondsOf(in.info().durationSeconds(), in.frameSeconds());
    return run(in, progress, out, total, (ring, state, timing) -> decode(in, out, ring, state, timing, range));
  }

  /**
   * Runs the frames of {@code range} only (a segment of a batch job), after the frames of {@code warmup} (those
   * just before it, or null) have gone through the stages unwritten, so that tracking enters the segment as a
   * whole run would. Decoding starts at the keyframe at or before the first of them; frame numbers and
   * timestamps stay the video's own, so the parts of a video join by stream copy. Other streams are not copied.
   */
  public PipelineResult run(MediaInput in, MediaOutput out, ProgressListener progress, FrameRange warmup,
      FrameRange range) throws InterruptedException {
    return run(in, progress, out, range.frames() * in.frameSeconds(),
        (ring, state, timing) -> decodeSegment(in, ring, state, timing, warmup, range));
  }

  /** A decoding loop over the ring. */
  private interface DecodeLoop {
    Decoded decode(FrameRing ring, JobState state, StageTiming timing);
  }

  private PipelineResult run(MediaInput in, ProgressListener progress, MediaOutput out, double totalSeconds,
      DecodeLoop loop) throws InterruptedException {
    JobState state = new JobState();
    StageTiming decodeTiming = new StageTiming("decode");
    List<StageTiming> stageTimings = new ArrayList<>();
    StageTiming encodeTiming = new StageTiming("encode");
    List<FrameStage> ringStages = withConversion(stages, out.encoder(), convertWorkers);
    EncoderHandler enc = new EncoderHandler(out, in.videoStream().time_base(), state, encodeTiming, progress,
        ringStages.size() > stages.size());
    List<StageTiming> timings = new ArrayList<>();
    Decoded decoded;
    long started;
    try (FrameRing ring = new FrameRing(ringSize, ringStages, state, stageTimings, enc)) {
      timings.add(decodeTiming);
      timings.addAll(stageTimings);
      timings.add(encodeTiming);
      progress.timings(List.copyOf(timings));
      progress.started(totalSeconds);
      started = System.nanoTime();
      decoded = loop.decode(ring, state, decodeTiming);
      if (state.failed()) {
        // the end marker lets every handler run its flush/close path and the latch open
        ring.publishEnd();
      }
      state.awaitFinished(Long.MAX_VALUE);
    }
    if (state.failure() != null) {
      throw state.failure();
    }
    double wall = (System.nanoTime() - started) / 1e9;
    double end = decoded.lastSeconds + in.frameSeconds();
    // a range that ends before the input does is no early end
    return new PipelineResult(decoded.frames, wall, end, decoded.rangeEnded ? null : in.incompleteReason(end),
        List.copyOf(timings));
  }

  /**
   * The segment's window: frames before the warm-up (from the keyframe the seek found) are dropped, warm-up
   * frames are staged and flagged not to be written, decoding stops at the segment's end. Frame numbers and
   * timestamps stay the video's own; other streams are not copied.
   */
  private static Decoded decodeSegment(MediaInput in, FrameRing ring, JobState state, StageTiming timing,
      FrameRange warmup, FrameRange range) {
    FrameRange from = warmup != null && warmup.frames() > 0 ? warmup : range;
    if (from.first() > 0) {
      in.seekPts(from.startPts());
    }
    Window window = new Window() {
      private long index = from.first();

      @Override
      public boolean before(FrameSlot slot) {
        return slot.decoded.pts() < from.startPts();
      }

      @Override
      public boolean after(FrameSlot slot, long written) {
        return slot.decoded.pts() >= range.endPts();
      }

      @Override
      public boolean stamp(FrameSlot slot, long written) {
        VideoPipeline.stamp(slot, index++, in, null, MediaRange.ALL);
        slot.warmup = slot.pts < range.startPts();
        return !slot.warmup;
      }
    };
    return decode(in, ring, state, timing, (pkt, st) -> {}, window);
  }

  /**
   * The main job's window: the whole input, or a {@link MediaRange} whose frames before it are dropped (after a
   * seek) and whose end stops decoding, with the other streams' packets cut to it and every timestamp moved so
   * that it starts at zero.
   */
  private static Decoded decode(MediaInput in, MediaOutput out, FrameRing ring, JobState state,
      StageTiming timing, MediaRange range) {
    MediaInput.PacketSink copy = (pkt, st) -> out.writeCopied(pkt, st);
    RangeCut cut = range.isAll() ? null : new RangeCut(in, range, copy);
    if (cut != null) {
      in.seek(range.startSeconds());
    }
    Window window = new Window() {
      @Override
      public boolean before(FrameSlot slot) {
        return cut != null && range.before(in.seconds(slot.decoded.pts()));
      }

      @Override
      public boolean after(FrameSlot slot, long written) {
        return cut != null && range.after(in.seconds(slot.decoded.pts()), written);
      }

      @Override
      public boolean stamp(FrameSlot slot, long written) {
        VideoPipeline.stamp(slot, written, in, cut, range);
        return true;
      }
    };
    return decode(in, ring, state, timing, cut == null ? copy : cut, window);
  }

  /** Which decoded frames a decoding loop stages, where it stops, and how it numbers and times them. */
  private interface Window {
    /** The frame comes before the window: dropped unstaged. */
    boolean before(FrameSlot slot);

    /** The frame is past the window ({@code written} frames so far): decoding stops. */
    boolean after(FrameSlot slot, long written);

    /** Stamps a staged frame; true when it is to be written (not a warm-up frame). */
    boolean stamp(FrameSlot slot, long written);
  }

  /** What the decoding loop reached (input time of the last frame). */
  private record Decoded(long frames, double lastSeconds, boolean rangeEnded) {}

  /**
   * Decodes into ring slots until the input or the window ends or a failure stops the job, handing the other
   * streams' packets to {@code sink}; publishes the end marker when decoding ends.
   */
  private static Decoded decode(MediaInput in, FrameRing ring, JobState state, StageTiming timing,
      MediaInput.PacketSink sink, Window window) {
    long written = 0;
    double lastSeconds = 0;
    boolean windowEnded = false;
    while (!state.failed()) {
      long seq = ring.claim();
      FrameSlot slot = ring.slot(seq);
      long t0 = System.nanoTime();
      boolean more = decodeOne(in, slot, sink, state);
      while (more && window.before(slot)) {
        more = decodeOne(in, slot, sink, state);
      }
      if (more && window.after(slot, written)) {
        more = false;
        windowEnded = true;
      }
      timing.add(System.nanoTime() - t0, more ? 1 : 0);
      if (!more) {
        slot.endOfStream = true;
        ring.publish(seq);
        break;
      }
      lastSeconds = in.seconds(slot.decoded.pts());
      if (window.stamp(slot, written)) {
        written++;
      }
      ring.publish(seq);
    }
    return new Decoded(written, lastSeconds, windowEnded);
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

  /**
   * Index, timestamps (moved so that a range starts at zero) and colour metadata of a decoded frame (the
   * stream's range when the frame has none).
   */
  private static void stamp(FrameSlot slot, long index, MediaInput in, RangeCut cut, MediaRange range) {
    long pts = slot.decoded.pts();
    double seconds = in.seconds(pts);
    slot.index = index;
    slot.pts = cut == null ? pts : cut.videoPts(pts);
    slot.seconds = cut == null ? seconds : seconds - range.startSeconds();
    slot.colorSpace = in.videoStream().codecpar().color_space();
    int colorRange = slot.decoded.color_range();
    slot.colorRange = colorRange != avutil.AVCOL_RANGE_UNSPECIFIED ? colorRange
        : in.videoStream().codecpar().color_range();
  }
}
