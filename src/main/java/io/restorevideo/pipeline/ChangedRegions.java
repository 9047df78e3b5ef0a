package io.restorevideo.pipeline;

/**
 * Which pixels of a slot's picture the stages changed since decoding: none, a few rectangles the stages
 * declared, or the whole frame. Only declared rectangles are converted back to the encoder's format where
 * the formats allow (see {@link EncoderFormat}); anything not declared counts as the whole frame, so a stage
 * that knows nothing of this is encoded as before. Reused from frame to frame (no allocation once it has
 * grown).
 */
final class ChangedRegions {
  /** More rectangles than this and their bookkeeping would gain nothing over one full-frame conversion. */
  private static final int MAX_RECTANGLES = 64;

  private int[] rects = new int[4 * 8];
  private int count;
  private boolean whole;

  void clear() {
    count = 0;
    whole = false;
  }

  /** The whole frame may have changed. */
  void wholeFrame() {
    whole = true;
    count = 0;
  }

  /**
   * Adds a changed rectangle, clipped to a frame of {@code frameWidth x frameHeight}; an empty one is ignored.
   */
  void add(int x, int y, int width, int height, int frameWidth, int frameHeight) {
    if (whole) {
      return;
    }
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(frameWidth, x + width);
    int y1 = Math.min(frameHeight, y + height);
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    if (count == MAX_RECTANGLES) {
      wholeFrame();
      return;
    }
    if (4 * count == rects.length) {
      rects = java.util.Arrays.copyOf(rects, 2 * rects.length);
    }
    rects[4 * count] = x0;
    rects[4 * count + 1] = y0;
    rects[4 * count + 2] = x1 - x0;
    rects[4 * count + 3] = y1 - y0;
    count++;
  }

  boolean whole() {
    return whole;
  }

  /** True when no stage changed a pixel. */
  boolean none() {
    return !whole && count == 0;
  }

  /** Declared rectangles (0 when {@link #whole()}). */
  int count() {
    return count;
  }

  int x(int i) {
    return rects[4 * i];
  }

  int y(int i) {
    return rects[4 * i + 1];
  }

  int width(int i) {
    return rects[4 * i + 2];
  }

  int height(int i) {
    return rects[4 * i + 3];
  }
}
