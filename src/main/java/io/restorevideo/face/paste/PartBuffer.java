package io.restorevideo.face.paste;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A working image for one part of a paste, as a view of a buffer kept between calls: the band around a face
 * is pasted as four strips of different sizes per face per frame, and a plain Mat would be reallocated for
 * each. The buffer only grows, to the largest part seen.
 */
final class PartBuffer {
  private PartBuffer() {}

  /** A {@code part}-sized view (top-left corner) of {@code buffer}, grown first if it is smaller; close it after use. */
  static Mat of(Mat buffer, Rect part, int type) {
    int rows = Math.max(buffer.rows(), part.height());
    int cols = Math.max(buffer.cols(), part.width());
    if (buffer.type() != type || rows > buffer.rows() || cols > buffer.cols()) {
      buffer.create(rows, cols, type);
    }
    try (Rect corner = new Rect(0, 0, part.width(), part.height())) {
      return new Mat(buffer, corner);
    }
  }
}
