package io.restorevideo.pipeline;

import static org.bytedeco.ffmpeg.global.avutil.*;

import io.restorevideo.media.BgrRegionWriter;
import io.restorevideo.media.FrameConverter;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A slot's picture in the encoder's pixel format, size and colours, with swscale's precise rounding. A frame
 * whose pixels no stage changed is the decoded frame itself where its layout is the encoder's; one where the
 * stages declared the rectangles they changed is the decoded frame with those rectangles converted from BGR
 * ({@link BgrRegionWriter}) where the formats allow (docs/benchmarks.md, part 4); any other is converted whole
 * from the stages' BGR pixels or output picture. Its converters keep working state: one instance per thread.
 */
final class EncoderFormat implements AutoCloseable {
  private final int width;
  private final int height;
  private final int format;
  private final int colorSpace;
  private final int colorRange;
  private final FrameConverter converter = new FrameConverter();
  private final BgrRegionWriter regions = new BgrRegionWriter();

  EncoderFormat(AVCodecContext encoder) {
    width = encoder.width();
    height = encoder.height();
    format = encoder.pix_fmt();
    colorSpace = encoder.colorspace();
    colorRange = encoder.color_range();
  }

  /**
   * The frame to encode for {@code slot}, in place where it can: its decoded frame (made writable, which
   * copies it only while the decoder still holds it as a reference picture) when it has the encoder's layout,
   * else a frame from {@code target} (given a buffer by {@link #withBuffer}, asked for only then), filled with
   * the conversion.
   */
  AVFrame frameFor(FrameSlot slot, Supplier<AVFrame> target) {
    ChangedRegions changes = slot.changes();
    boolean fromDecoded = !slot.pixelsTaken() || changes.none();
    if (fromDecoded && sameLayout(slot.decoded)) {
      return slot.decoded;
    }
    AVFrame f = writable(sameLayout(slot.decoded) ? slot.decoded : target.get());
    if (!fromDecoded && !changes.whole() && f == slot.decoded
        && BgrRegionWriter.supports(format, width, height)
        && FrameConverter.sameColour(slot.colorSpace, slot.colorRange, colorSpace, colorRange)) {
      AVFrame bgr = slot.bgrFrame();
      for (int i = 0; i < changes.count(); i++) {
        regions.write(bgr, f, changes.x(i), changes.y(i), changes.width(i), changes.height(i), colorSpace,
            colorRange);
      }
    } else {
      converter.convert(fromDecoded ? slot.decoded : slot.bgrFrame(), f, colorSpace, colorRange);
    }
    return f;
  }

  /** {@code f} in the encoder's layout, with a buffer of its own unless it has one. */
  AVFrame withBuffer(AVFrame f) {
    if (f.buf(0) == null) {
      f.width(width);
      f.height(height);
      f.format(format);
      if (av_frame_get_buffer(f, 0) < 0) {
        throw new IllegalStateException("cannot allocate a frame for the encoder");
      }
    }
    return f;
  }

  /** Whether {@code frame} is in the encoder's pixel format and size, so it can be encoded as it is. */
  private boolean sameLayout(AVFrame frame) {
    return frame.format() == format && frame.width() == width && frame.height() == height;
  }

  /** {@code f}, with a buffer of its own again if the encoder still holds the last one. */
  private static AVFrame writable(AVFrame f) {
    if (av_frame_make_writable(f) < 0) {
      throw new IllegalStateException("cannot reuse the encoder frame");
    }
    return f;
  }

  @Override
  public void close() {
    converter.close();
    regions.close();
  }
}
