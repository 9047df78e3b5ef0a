package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * Rectangles converted alone equal the whole-frame conversion inside them, bit for bit, and leave the rest of
 * the frame as it was: 4:2:0, 4:2:2 and 4:4:4, limited and full range, BT.601 and BT.709, rectangles at odd
 * positions, over the frame's edges and larger than the size steps of the windows.
 */
class BgrRegionWriterTest {
  private static final int W = 480;
  private static final int H = 270;
  private static final int[][] RECTS = {{101, 37, 55, 81}, {0, 0, 17, 9}, {400, 200, 200, 200},
      {-5, 150, 130, 40}, {33, 1, 300, 260}, {240, 131, 1, 1}};

  private static Mat picture(int w, int h) {
    Random rnd = new Random(3);
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          // smooth areas and noise, so both the chroma filter's edges and its rounding show
          px[(y * w + x) * 3 + c] = (byte) ((x / 8 + y / 5) % 7 == 0 ? rnd.nextInt(256) : (x * (c + 1) + 3 * y) / 5);
        }
      }
    }
    Mat m = new Mat(h, w, CV_8UC3);
    m.data().put(px);
    return m;
  }

  private static AVFrame view(Mat bgr) {
    AVFrame f = av_frame_alloc();
    f.width(bgr.cols());
    f.height(bgr.rows());
    f.format(AV_PIX_FMT_BGR24);
    f.data(0, bgr.data());
    f.linesize(0, (int) bgr.step());
    return f;
  }

  private static AVFrame frame(int format, int w, int h, int fill) {
    AVFrame f = av_frame_alloc();
    f.format(format);
    f.width(w);
    f.height(h);
    assertEquals(0, av_frame_get_buffer(f, 0));
    int chromaRows = (h + (1 << av_pix_fmt_desc_get(format).log2_chroma_h()) - 1)
        >> av_pix_fmt_desc_get(format).log2_chroma_h();
    for (int p = 0; p < 3; p++) {
      Pointer.memset(f.data(p), fill, (long) f.linesize(p) * (p == 0 ? h : chromaRows));
    }
    return f;
  }

  private static byte[] plane(AVFrame f, int p, int w, int h) {
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      f.data(p).position((long) y * f.linesize(p)).get(out, y * w, w);
    }
    return out;
  }

  private static void check(int format, int colorSpace, int colorRange) {
    int h = H;
    try (Mat bgr = picture(W, h); FrameConverter whole = new FrameConverter(true);
        BgrRegionWriter writer = new BgrRegionWriter()) {
      AVFrame src = view(bgr);
      AVFrame full = frame(format, W, h, 0);
      AVFrame dst = frame(format, W, h, 7);
      try {
        assertTrue(BgrRegionWriter.supports(format, W, h));
        whole.convert(src, full, colorSpace, colorRange);
        var d = av_pix_fmt_desc_get(format);
        int cw = 1 << d.log2_chroma_w();
        int ch = 1 << d.log2_chroma_h();
        // each rectangle widened to whole chroma samples
        boolean[] inside = new boolean[W * h];
        for (int[] r : RECTS) {
          writer.write(src, dst, r[0], r[1], r[2], r[3], colorSpace, colorRange);
          for (int y = Math.max(0, r[1]) / ch * ch; y < Math.min(h, r[1] + r[3]); y++) {
            for (int x = Math.max(0, r[0]) / cw * cw; x < Math.min(W, r[0] + r[2]); x++) {
              for (int k = 0; k < cw * ch; k++) {
                inside[Math.min(h - 1, y / ch * ch + k / cw) * W + Math.min(W - 1, x / cw * cw + k % cw)] = true;
              }
            }
          }
        }
        for (int p = 0; p < 3; p++) {
          int sx = p == 0 ? 0 : d.log2_chroma_w();
          int sy = p == 0 ? 0 : d.log2_chroma_h();
          int pw = W >> sx;
          int ph = h >> sy;
          byte[] want = plane(full, p, pw, ph);
          byte[] got = plane(dst, p, pw, ph);
          int written = 0;
          for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
              int i = y * pw + x;
              if (inside[(y << sy) * W + (x << sx)]) {
                written++;
                assertEquals(want[i], got[i], "plane " + p + " at " + x + "," + y + " inside");
              } else {
                assertEquals(7, got[i], "plane " + p + " at " + x + "," + y + " outside");
              }
            }
          }
          assertTrue(written > pw * ph / 4, "plane " + p + " written");
        }
      } finally {
        av_frame_free(src);
        av_frame_free(full);
        av_frame_free(dst);
      }
    }
  }

  @Test
  void yuv420LimitedRange601() {
    check(AV_PIX_FMT_YUV420P, AVCOL_SPC_UNSPECIFIED, AVCOL_RANGE_MPEG);
  }

  @Test
  void yuv420FullRange709() {
    check(AV_PIX_FMT_YUVJ420P, AVCOL_SPC_BT709, AVCOL_RANGE_JPEG);
  }

  @Test
  void yuv422AndYuv444() {
    check(AV_PIX_FMT_YUV422P, AVCOL_SPC_BT709, AVCOL_RANGE_MPEG);
    check(AV_PIX_FMT_YUV444P, AVCOL_SPC_SMPTE170M, AVCOL_RANGE_MPEG);
  }

  @Test
  void refusesFormatsItCannotWriteExactly() {
    assertFalse(BgrRegionWriter.supports(AV_PIX_FMT_YUV420P10LE, W, 270));
    assertFalse(BgrRegionWriter.supports(AV_PIX_FMT_NV12, W, 270));
    assertFalse(BgrRegionWriter.supports(AV_PIX_FMT_YUVA420P, W, 270));
    assertFalse(BgrRegionWriter.supports(AV_PIX_FMT_BGR24, W, 270));
    assertFalse(BgrRegionWriter.supports(AV_PIX_FMT_YUV420P, W + 1, 270));
  }
}
