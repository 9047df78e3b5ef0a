package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes rectangles of an 8-bit BGR picture into a planar 8-bit YUV frame of the same size, converted exactly
 * as {@link FrameConverter} converts the whole picture (same matrix, range and rounding), leaving every other
 * pixel of the frame as it was. A face job changes a fraction of each frame; converting only that fraction
 * back to the encoder's format saves most of a full-frame conversion (issue 18).
 *
 * <p>Each rectangle is widened to whole chroma samples and converted with a margin around it, so that the
 * scaler's vertical chroma filter sees the same neighbours as in a whole-frame conversion; only the inner part
 * is written. Window sizes are rounded up so that the scaler's cached context is reused from frame to frame.
 * One instance per thread; its buffers are kept between calls.
 */
public final class BgrRegionWriter implements AutoCloseable {
  /**
   * Rows and columns converted around a rectangle: swscale's vertical chroma filter reaches 4 rows (with
   * fewer, {@code BgrRegionWriterTest} fails); its horizontal path is 1:1 and needs none. Twice that, for
   * another FFmpeg's filters.
   */
  private static final int MARGIN = 8;
  /**
   * Window sizes are multiples of this (or the frame's size), so that a face whose box changes by a pixel
   * reuses the scaler's context; a new one costs about 0.2 ms at 1080p.
   */
  private static final int SIZE_STEP = 16;

  private final FrameConverter converter = new FrameConverter(true);
  private final AVFrame window = av_frame_alloc();
  /** Scratch of the whole frame's size, so that any window fits; {@link #convertedWindow} is its top left. */
  private final AVFrame converted = av_frame_alloc();
  private final AVFrame convertedWindow = av_frame_alloc();

  /**
   * Whether {@link #write} handles frames of this format and size: three 8-bit planes of Y, U and V, no
   * alpha, even width and height (the scaler reads an odd-width picture's chroma another way).
   */
  public static boolean supports(int pixelFormat, int width, int height) {
    AVPixFmtDescriptor d = av_pix_fmt_desc_get(pixelFormat);
    if (d == null || width % 2 != 0 || height % 2 != 0 || d.nb_components() != 3) {
      return false;
    }
    long unwanted = AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_HWACCEL
        | AV_PIX_FMT_FLAG_ALPHA | AV_PIX_FMT_FLAG_FLOAT | AV_PIX_FMT_FLAG_BE | AV_PIX_FMT_FLAG_BAYER;
    if ((d.flags() & AV_PIX_FMT_FLAG_PLANAR) == 0 || (d.flags() & unwanted) != 0 || d.log2_chroma_w() > 1
        || d.log2_chroma_h() > 1) {
      return false;
    }
    for (int c = 0; c < 3; c++) {
      if (d.comp(c).depth() != 8 || d.comp(c).plane() != c || d.comp(c).step() != 1 || d.comp(c).offset() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Converts the rectangle (x, y, width, height) of {@code bgr} (BGR24, the size of {@code dst}) into
   * {@code dst} (writable, a format {@link #supports} accepts), widened to whole chroma samples.
   */
  public void write(AVFrame bgr, AVFrame dst, int x, int y, int width, int height, int colorSpace,
      int colorRange) {
    int frameW = dst.width();
    int frameH = dst.height();
    AVPixFmtDescriptor d = av_pix_fmt_desc_get(dst.format());
    int cw = 1 << d.log2_chroma_w();
    int ch = 1 << d.log2_chroma_h();
    int x0 = Math.max(0, x) / cw * cw;
    int y0 = Math.max(0, y) / ch * ch;
    int x1 = Math.min(frameW, ceil(x + width, cw));
    int y1 = Math.min(frameH, ceil(y + height, ch));
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    int winW = windowSize(x1 - x0, frameW);
    int winH = windowSize(y1 - y0, frameH);
    int winX = windowStart(x0, winW, frameW);
    int winY = windowStart(y0, winH, frameH);
    ensureConverted(dst.format(), frameW, frameH);
    bgrWindow(bgr, winX, winY, winW, winH);
    convertedWindow.width(winW);
    convertedWindow.height(winH);
    converter.convert(window, convertedWindow, colorSpace, colorRange);
    for (int p = 0; p < 3; p++) {
      int sx = p == 0 ? 0 : d.log2_chroma_w();
      int sy = p == 0 ? 0 : d.log2_chroma_h();
      int rows = (y1 >> sy) - (y0 >> sy);
      int bytes = (x1 >> sx) - (x0 >> sx);
      BytePointer from = converted.data(p).position(
          (long) ((y0 - winY) >> sy) * converted.linesize(p) + ((x0 - winX) >> sx));
      BytePointer to = dst.data(p).position((long) (y0 >> sy) * dst.linesize(p) + (x0 >> sx));
      av_image_copy_plane(to, dst.linesize(p), from, converted.linesize(p), bytes, rows);
    }
  }

  /** The inner size plus both margins, rounded up to {@link #SIZE_STEP}, at most the frame's (even) size. */
  private static int windowSize(int inner, int frame) {
    return Math.min(frame, ceil(inner + 2 * MARGIN, SIZE_STEP));
  }

  /** The margin before the inner start, moved back where the window would run past the frame's end. */
  private static int windowStart(int innerStart, int size, int frame) {
    return Math.max(0, Math.min(innerStart - MARGIN, frame - size));
  }

  private static int ceil(int v, int step) {
    return (v + step - 1) / step * step;
  }

  private void ensureConverted(int format, int width, int height) {
    if (converted.format() == format && converted.width() == width && converted.height() == height) {
      return;
    }
    av_frame_unref(converted);
    converted.format(format);
    converted.width(width);
    converted.height(height);
    if (av_frame_get_buffer(converted, 0) < 0) {
      throw new IllegalStateException("cannot allocate a " + width + "x" + height + " frame");
    }
    convertedWindow.format(format);
    for (int p = 0; p < 3; p++) {
      convertedWindow.data(p, converted.data(p));
      convertedWindow.linesize(p, converted.linesize(p));
    }
  }

  /** {@link #window} as a header over the (x, y, width, height) window of packed {@code bgr}. */
  private void bgrWindow(AVFrame bgr, int x, int y, int width, int height) {
    window.width(width);
    window.height(height);
    window.format(bgr.format());
    window.data(0, bgr.data(0).position((long) y * bgr.linesize(0) + 3L * x));
    window.linesize(0, bgr.linesize(0));
  }

  @Override
  public void close() {
    converter.close();
    av_frame_free(window);
    av_frame_free(converted);
    av_frame_free(convertedWindow);
  }
}
