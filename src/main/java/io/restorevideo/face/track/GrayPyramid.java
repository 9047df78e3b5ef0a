package io.restorevideo.face.track;

import static org.bytedeco.opencv.global.opencv_imgproc.pyrDown;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A gray frame and its halvings ({@code pyrDown}), made on first use: the optical flow follows a large face on
 * a smaller level, where its features span as many pixels as a small face's do at full size. Level {@code k}'s
 * pixel {@code i} sits at full-size coordinate {@code i * 2^k}. The levels are kept with the frame, so the next
 * frame's flow finds the previous frame's halvings made. Owns its images. Not thread-safe.
 */
final class GrayPyramid implements AutoCloseable {
  private final List<Mat> levels = new ArrayList<>();

  /** @param gray 8-bit gray frame, now owned by this pyramid */
  GrayPyramid(Mat gray) {
    levels.add(gray);
  }

  /** Level 0, the frame itself. */
  Mat full() {
    return levels.get(0);
  }

  /** Level {@code k} (0 = full size), made from the one above it on first use. */
  Mat level(int k) {
    while (levels.size() <= k) {
      Mat smaller = new Mat();
      pyrDown(levels.get(levels.size() - 1), smaller);
      levels.add(smaller);
    }
    return levels.get(k);
  }

  @Override
  public void close() {
    levels.forEach(Mat::close);
    levels.clear();
  }
}
