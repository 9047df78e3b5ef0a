package io.restorevideo.restore;

import org.bytedeco.opencv.opencv_core.Mat;

/** A super-resolution network (Real-ESRGAN) used for the background and, optionally, the restored faces. */
public interface BackgroundUpsampler {
  /**
   * @param bgr CV_8UC3 image; not modified
   * @param outscale the wanted enlargement ({@code RealESRGANer.enhance(img, outscale)})
   * @return a new CV_8UC3 image about {@code outscale} times larger (the caller resizes it to the exact size)
   */
  Mat upsample(Mat bgr, int outscale);
}
