package io.restorevideo.face.track;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cheap hard-cut detection between consecutive frames, so the tracker re-detects and starts new tracks
 * instead of carrying a face across a cut.
 *
 * <p>Each frame is reduced to a {@value #THUMB_WIDTH}-pixel-wide gray thumbnail (area averaging, which also
 * removes grain and compression noise). The score is the mean absolute difference of two consecutive
 * thumbnails, in gray levels of 255, minimised over shifts of up to {@value #MAX_SHIFT} thumbnail pixels
 * (about 3% of the width each way), so a pan or a shake scores near 0 while two unrelated shots score tens of
 * levels. The default threshold {@value #DEFAULT_THRESHOLD} sits between the two: on the synthetic frames of
 * the tests a pan of 4 px per frame with grain scores about 2 and a cut between unrelated shots about 41.
 * Flashes and fast fades may also count as cuts; that costs one extra detection and new track ids.
 */
public final class SceneCutDetector {
  static final int THUMB_WIDTH = 64;
  static final int MAX_SHIFT = 2;
  public static final double DEFAULT_THRESHOLD = 20.0;

  private final double threshold;
  private float[] previous;
  private int prevW;
  private int prevH;
  private double lastScore;

  public SceneCutDetector() {
    this(DEFAULT_THRESHOLD);
  }

  /** @param threshold cut when the shift-compensated mean absolute difference exceeds this (gray levels) */
  public SceneCutDetector(double threshold) {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("scene cut threshold must be positive, got " + threshold);
    }
    this.threshold = threshold;
  }

  /**
   * Feeds the next frame, as its thumbnail ({@link #thumbnail(Mat)}, which may be made beforehand on another
   * thread), and says whether it starts a new shot. The first frame and a frame whose size differs from the
   * previous one are cuts. Frames must come in order.
   */
  public boolean isCut(CutThumbnail frame) {
    int w = frame.width();
    int h = frame.height();
    boolean cut;
    if (previous == null || prevW != w || prevH != h) {
      lastScore = Double.POSITIVE_INFINITY;
      cut = true;
    } else {
      lastScore = shiftedDifference(previous, frame.pixels(), w, h);
      cut = lastScore > threshold;
    }
    previous = frame.pixels();
    prevW = w;
    prevH = h;
    return cut;
  }

  /** The score of the last frame fed (infinite for the first frame). */
  public double lastScore() {
    return lastScore;
  }

  /** Score of two 8-bit gray frames of the same size, without touching this detector's state. */
  public static double score(Mat grayA, Mat grayB) {
    int h = thumbnailHeight(grayA);
    return shiftedDifference(thumbnail(grayA, THUMB_WIDTH, h), thumbnail(grayB, THUMB_WIDTH, h), THUMB_WIDTH, h);
  }

  /**
   * The thumbnail {@link #isCut} compares, of an 8-bit gray frame (read, not kept). Pure and thread-safe: the
   * part of cut detection that does not depend on the frame before.
   */
  public static CutThumbnail thumbnail(Mat gray) {
    int h = thumbnailHeight(gray);
    return new CutThumbnail(thumbnail(gray, THUMB_WIDTH, h), THUMB_WIDTH, h);
  }

  private static int thumbnailHeight(Mat gray) {
    return Math.max(8, (int) Math.round((double) THUMB_WIDTH * gray.rows() / gray.cols()));
  }

  static float[] thumbnail(Mat gray, int w, int h) {
    if (gray.channels() != 1 || gray.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
      throw new IllegalArgumentException("scene cut detection needs an 8-bit gray frame");
    }
    float[] out = new float[w * h];
    try (Mat half = halvedWhileWhole(gray, w, h); Mat small = new Mat(); Size size = new Size(w, h)) {
      resize(half, small, size, 0, 0, INTER_AREA);
      try (UByteIndexer idx = small.createIndexer()) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            out[y * w + x] = idx.get(y, x);
          }
        }
      }
    }
    return out;
  }

  /**
   * The frame halved (2x2 means, OpenCV's fast area path) while each thumbnail pixel still covers a whole
   * number of pixels: the area resize over 30x30 blocks of a 1080p frame costs several times more per pixel
   * than a halving and a resize over 15x15 blocks, and the rounded 2x2 means move a thumbnail pixel by under a
   * level. A new header on the frame itself when no halving fits.
   */
  private static Mat halvedWhileWhole(Mat gray, int w, int h) {
    Mat m = new Mat(gray);
    while (m.cols() % (2 * w) == 0 && m.rows() % (2 * h) == 0 && m.cols() / 2 >= 2 * w) {
      Mat half = new Mat();
      try (Mat larger = m; Size size = new Size(m.cols() / 2, m.rows() / 2)) {
        resize(larger, half, size, 0, 0, INTER_AREA);
      }
      m = half;
    }
    return m;
  }

  /** Mean |a - b shifted| over the interior that every shift covers, minimised over the shifts. */
  private static double shiftedDifference(float[] a, float[] b, int w, int h) {
    double best = Double.POSITIVE_INFINITY;
    int s = MAX_SHIFT;
    int count = (w - 2 * s) * (h - 2 * s);
    for (int dy = -s; dy <= s; dy++) {
      for (int dx = -s; dx <= s; dx++) {
        double sum = 0;
        for (int y = s; y < h - s; y++) {
          int rowA = y * w;
          int rowB = (y + dy) * w + dx;
          for (int x = s; x < w - s; x++) {
            sum += Math.abs(a[rowA + x] - b[rowB + x]);
          }
        }
        best = Math.min(best, sum / count);
      }
    }
    return best;
  }
}
