package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Pixel-format conversion between decoded frames, 8-bit BGR pixels and encoder frames, honouring the
 * stream's colour matrix and range so that a transcode does not shift colours. One instance per thread.
 */
public final class FrameConverter implements AutoCloseable {
  /**
   * Without swscale's accurate rounding, YUV to BGR at 1080p takes a tenth of the CPU time (2 ms against 21 ms
   * per frame, one core); decoded, converted to BGR and encoded back (precise), a 4:2:0 frame then lands on
   * average 0.4 levels from the source (luma and chroma) instead of 0.1 (luma) and 0.4 (chroma), the fast path
   * upsampling chroma more simply (docs/benchmarks.md, issue 18).
   */
  private static final int PRECISE = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
  private static final int FAST = SWS_BICUBIC | SWS_FULL_CHR_H_INT;

  private final int flags;
  private SwsContext ctx;
  private final PointerPointer<?> srcData = new PointerPointer<>(AVFrame.AV_NUM_DATA_POINTERS);
  private final PointerPointer<?> dstData = new PointerPointer<>(AVFrame.AV_NUM_DATA_POINTERS);

  /** The precise conversion (accurate rounding), which still images and the exact video mode use. */
  public FrameConverter() {
    this(true);
  }

  /**
   * @param precise swscale's accurate rounding; without it the SIMD path, for decoded video whose pixels need
   *     not equal the still-image path's
   */
  public FrameConverter(boolean precise) {
    this.flags = precise ? PRECISE : FAST;
  }

  /** Converts {@code src} into {@code dst}, both with width, height, format and buffers set. */
  public void convert(AVFrame src, AVFrame dst, int colorSpace, int colorRange) {
    ctx = sws_getCachedContext(ctx, src.width(), src.height(), src.format(), dst.width(), dst.height(),
        dst.format(), flags, null, null, (DoublePointer) null);
    if (ctx == null) {
      throw new IllegalStateException("no conversion from " + av_get_pix_fmt_name(src.format()).getString()
          + " to " + av_get_pix_fmt_name(dst.format()).getString());
    }
    boolean srcRgb = isRgb(src.format());
    boolean dstRgb = isRgb(dst.format());
    boolean full = colorRange == AVCOL_RANGE_JPEG;
    int cs = matrix(colorSpace);
    // RGB sides are full range; the YUV side carries the stream's range and matrix
    sws_setColorspaceDetails(ctx, sws_getCoefficients(cs), srcRgb ? 1 : (full ? 1 : 0), sws_getCoefficients(cs),
        dstRgb ? 1 : (full ? 1 : 0), 0, 1 << 16, 1 << 16);
    for (int i = 0; i < AVFrame.AV_NUM_DATA_POINTERS; i++) {
      srcData.put(i, src.data(i));
      dstData.put(i, dst.data(i));
    }
    sws_scale(ctx, srcData, src.linesize(), 0, src.height(), dstData, dst.linesize());
  }

  /** {@code src} as a new 8-bit BGR Mat of its size (the caller closes it). */
  public Mat toBgr(AVFrame src, int colorSpace, int colorRange) {
    Mat bgr = new Mat(src.height(), src.width(), org.bytedeco.opencv.global.opencv_core.CV_8UC3);
    AVFrame view = av_frame_alloc();
    try {
      view.width(bgr.cols());
      view.height(bgr.rows());
      view.format(AV_PIX_FMT_BGR24);
      view.data(0, bgr.data());
      view.linesize(0, (int) bgr.step());
      convert(src, view, colorSpace, colorRange);
    } finally {
      av_frame_free(view);
    }
    return bgr;
  }

  /**
   * Whether YUV pixels of one colour space and range convert to and from BGR exactly as those of the other
   * (the same swscale matrix and the same full or limited range).
   */
  public static boolean sameColour(int colorSpaceA, int colorRangeA, int colorSpaceB, int colorRangeB) {
    return matrix(colorSpaceA) == matrix(colorSpaceB)
        && (colorRangeA == AVCOL_RANGE_JPEG) == (colorRangeB == AVCOL_RANGE_JPEG);
  }

  /** The swscale matrix for a stream's colour space (its default where the stream names none). */
  private static int matrix(int colorSpace) {
    return colorSpace == AVCOL_SPC_UNSPECIFIED || colorSpace == AVCOL_SPC_RGB ? SWS_CS_DEFAULT : colorSpace;
  }

  private static boolean isRgb(int fmt) {
    return (av_pix_fmt_desc_get(fmt).flags() & AV_PIX_FMT_FLAG_RGB) != 0;
  }

  @Override
  public void close() {
    if (ctx != null) {
      sws_freeContext(ctx);
      ctx = null;
    }
  }
}
