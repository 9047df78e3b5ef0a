package io.restorevideo.pipeline;

import static org.bytedeco.ffmpeg.global.avutil.*;

import com.lmax.disruptor.EventHandler;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaOutput;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The last handler: encodes each slot with its original pts; at the end of the stream it drains the encoder
 * and writes the trailer. In a job with stages the {@link ConvertStage} before it prepared each slot, which is
 * encoded as it left it; a job without stages has each frame converted here by {@link EncoderFormat}, which
 * for a frame in the encoder's layout is the decoded frame itself.
 */
final class EncoderHandler implements EventHandler<FrameSlot> {
  private final MediaOutput out;
  private final JobState state;
  private final StageTiming timing;
  private final ProgressListener progress;
  /** Null when a convert stage prepares the slots. */
  private final EncoderFormat format;
  private final org.bytedeco.ffmpeg.avutil.AVRational inputTimeBase;
  /** The frame this handler converts into when no convert stage ran; made on first need, then reused. */
  private AVFrame own;
  private long lastReport;
  private double lastSeconds;

  /** @param converted whether a {@link ConvertStage} prepares every slot before this handler sees it */
  EncoderHandler(MediaOutput out, org.bytedeco.ffmpeg.avutil.AVRational inputTimeBase, JobState state,
      StageTiming timing, ProgressListener progress, boolean converted) {
    this.out = out;
    this.inputTimeBase = inputTimeBase;
    this.state = state;
    this.timing = timing;
    this.progress = progress;
    this.format = converted ? null : new EncoderFormat(out.encoder());
  }

  @Override
  public void onEvent(FrameSlot slot, long sequence, boolean endOfBatch) {
    long t0 = System.nanoTime();
    try {
      if (state.failed()) {
        return;
      }
      if (slot.endOfStream) {
        progress.progress(state.framesEncoded.get(), lastSeconds);
        out.finish();
        return;
      }
      if (slot.warmup) {
        return;
      }
      out.encode(frameFor(slot));
      slot.encoded();
      long n = state.framesEncoded.incrementAndGet();
      lastSeconds = slot.seconds;
      long now = System.nanoTime();
      if (now - lastReport > 500_000_000L) {
        lastReport = now;
        progress.progress(n, lastSeconds);
      }
    } catch (Throwable t) {
      // an output problem (disk full, muxer refusal) keeps its own one-line message naming the file
      state.fail(t instanceof MediaException m ? m : new StageFailure("encode", t));
    } finally {
      timing.add(System.nanoTime() - t0, slot.endOfStream ? 0 : 1);
      if (slot.endOfStream) {
        state.finished();
      }
    }
  }

  private AVFrame frameFor(FrameSlot slot) {
    AVFrame f = format != null ? format.frameFor(slot, this::own) : slot.encodable;
    if (f == null) {
      throw new IllegalStateException("frame " + slot.index + " reached the encoder unconverted");
    }
    f.pts(out.encoderPts(slot.pts, inputTimeBase));
    // the source's picture types must not steer the new encode's GOP
    f.pict_type(AV_PICTURE_TYPE_NONE);
    return f;
  }

  private AVFrame own() {
    if (own == null) {
      own = av_frame_alloc();
    }
    return format.withBuffer(own);
  }

  @Override
  public void onShutdown() {
    if (format != null) {
      format.close();
    }
    if (own != null) {
      av_frame_free(own);
    }
  }
}
