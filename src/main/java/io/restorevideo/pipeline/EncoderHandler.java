package io.restorevideo.pipeline;

import static org.bytedeco.ffmpeg.global.avutil.*;

import com.lmax.disruptor.EventHandler;
import io.restorevideo.media.FrameConverter;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaOutput;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The last handler: converts each slot to the encoder's format (from the stages' BGR pixels if any stage
 * took them, else straight from the decoded frame) and encodes it with its original pts; at the end of the
 * stream it drains the encoder and writes the trailer.
 */
final class EncoderHandler implements EventHandler<FrameSlot> {
  private final MediaOutput out;
  private final JobState state;
  private final StageTiming timing;
  private final ProgressListener progress;
  private final AVFrame encFrame = av_frame_alloc();
  private final FrameConverter converter = new FrameConverter();
  private final int colorSpace;
  private final int colorRange;
  private final org.bytedeco.ffmpeg.avutil.AVRational inputTimeBase;
  private long lastReport;
  private double lastSeconds;

  EncoderHandler(MediaOutput out, org.bytedeco.ffmpeg.avutil.AVRational inputTimeBase, JobState state,
      StageTiming timing, ProgressListener progress) {
    this.out = out;
    this.inputTimeBase = inputTimeBase;
    this.state = state;
    this.timing = timing;
    this.progress = progress;
    AVCodecContext c = out.encoder();
    encFrame.width(c.width());
    encFrame.height(c.height());
    encFrame.format(c.pix_fmt());
    if (av_frame_get_buffer(encFrame, 0) < 0) {
      throw new IllegalStateException("cannot allocate the encoder frame");
    }
    colorSpace = c.colorspace();
    colorRange = c.color_range();
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
    AVFrame src = slot.pixelsTaken() ? slot.bgrFrame() : slot.decoded;
    AVFrame f;
    if (!slot.pixelsTaken() && src.format() == encFrame.format() && src.width() == encFrame.width()
        && src.height() == encFrame.height()) {
      f = src;
    } else {
      if (av_frame_make_writable(encFrame) < 0) {
        throw new IllegalStateException("cannot reuse the encoder frame");
      }
      converter.convert(src, encFrame, colorSpace, colorRange);
      f = encFrame;
    }
    f.pts(out.encoderPts(slot.pts, inputTimeBase));
    // the source's picture types must not steer the new encode's GOP
    f.pict_type(AV_PICTURE_TYPE_NONE);
    return f;
  }

  @Override
  public void onShutdown() {
    converter.close();
    av_frame_free(encFrame);
  }
}
