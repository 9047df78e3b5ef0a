package io.restorevideo.pipeline;

import static org.bytedeco.ffmpeg.global.avutil.*;

import com.lmax.disruptor.EventHandler;
import io.restorevideo.media.BgrRegionWriter;
import io.restorevideo.media.FrameConverter;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaOutput;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The last handler: converts each slot to the encoder's format and encodes it with its original pts; at the
 * end of the stream it drains the encoder and writes the trailer. A frame whose pixels no stage changed is
 * encoded from the decoded frame; one where the stages declared the rectangles they changed is the decoded
 * frame with those rectangles converted from BGR ({@link BgrRegionWriter}) where the formats allow; any
 * other is converted whole from the stages' BGR pixels.
 */
final class EncoderHandler implements EventHandler<FrameSlot> {
  private final MediaOutput out;
  private final JobState state;
  private final StageTiming timing;
  private final ProgressListener progress;
  private final AVFrame encFrame = av_frame_alloc();
  private final FrameConverter converter = new FrameConverter();
  private final BgrRegionWriter regions = new BgrRegionWriter();
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
    ChangedRegions changes = slot.changes();
    boolean fromDecoded = !slot.pixelsTaken() || changes.none();
    AVFrame f;
    if (fromDecoded && sameLayout(slot.decoded)) {
      f = slot.decoded;
    } else if (!fromDecoded && !changes.whole() && sameLayout(slot.decoded)
        && BgrRegionWriter.supports(encFrame.format(), encFrame.width(), encFrame.height())
        && FrameConverter.sameColour(slot.colorSpace, slot.colorRange, colorSpace, colorRange)) {
      f = writableEncoderFrame();
      // a copy: the decoder may still read the decoded frame's buffer as a reference picture
      if (av_frame_copy(f, slot.decoded) < 0) {
        throw new IllegalStateException("cannot copy the decoded frame");
      }
      AVFrame bgr = slot.bgrFrame();
      for (int i = 0; i < changes.count(); i++) {
        regions.write(bgr, f, changes.x(i), changes.y(i), changes.width(i), changes.height(i), colorSpace,
            colorRange);
      }
    } else {
      f = writableEncoderFrame();
      converter.convert(fromDecoded ? slot.decoded : slot.bgrFrame(), f, colorSpace, colorRange);
    }
    f.pts(out.encoderPts(slot.pts, inputTimeBase));
    // the source's picture types must not steer the new encode's GOP
    f.pict_type(AV_PICTURE_TYPE_NONE);
    return f;
  }

  /** Whether {@code frame} is in the encoder's pixel format and size, so it can be encoded as it is. */
  private boolean sameLayout(AVFrame frame) {
    return frame.format() == encFrame.format() && frame.width() == encFrame.width()
        && frame.height() == encFrame.height();
  }

  /** The encoder's frame, with a buffer of its own again if the encoder still holds the last one. */
  private AVFrame writableEncoderFrame() {
    if (av_frame_make_writable(encFrame) < 0) {
      throw new IllegalStateException("cannot reuse the encoder frame");
    }
    return encFrame;
  }

  @Override
  public void onShutdown() {
    converter.close();
    regions.close();
    av_frame_free(encFrame);
  }
}
