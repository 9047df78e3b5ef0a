package io.restorevideo.face.track;

/**
 * One frame as {@link SceneCutDetector} compares it: a small gray thumbnail (row-major gray levels). Made by
 * the pure {@link SceneCutDetector#thumbnail(org.bytedeco.opencv.opencv_core.Mat)}, so several threads may
 * make the thumbnails of different frames while one detector compares them in order.
 */
public final class CutThumbnail {
  private final float[] pixels;
  private final int width;
  private final int height;

  CutThumbnail(float[] pixels, int width, int height) {
    if (pixels.length != width * height) {
      throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " thumbnail");
    }
    this.pixels = pixels;
    this.width = width;
    this.height = height;
  }

  /** The gray levels; not copied, and never written after construction. */
  float[] pixels() {
    return pixels;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
