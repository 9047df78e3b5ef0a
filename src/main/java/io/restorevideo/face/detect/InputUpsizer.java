package io.restorevideo.face.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code FaceRestoreHelper.read_image}'s size rule: an image whose short side is under 512 pixels is enlarged
 * by {@code f = 512 / short side} with {@code cv2.resize(img, (0,0), fx=f, fy=f, INTER_LINEAR)} (output
 * {@code round(w*f) x round(h*f)}; the scale factors, not the rounded sizes, place the samples). Everything
 * after it (detection, alignment, paste-back) works on the enlarged image.
 */
public final class InputUpsizer {
  public static final int MIN_SHORT_SIDE = 512;

  private InputUpsizer() {}

  public static boolean needsUpsizing(int width, int height) {
    return Math.min(width, height) < MIN_SHORT_SIDE;
  }

  /** The enlargement factor {@code 512 / short side} for a small image, else 1. */
  public static double factor(int width, int height) {
    return needsUpsizing(width, height) ? (double) MIN_SHORT_SIDE / Math.min(width, height) : 1.0;
  }

  /**
   * The enlarged image, or, when the short side is already at least 512, a new header on {@code bgr}'s own
   * pixels (OpenCV counts the reference, so closing either leaves the other valid): a video frame is not
   * copied just to be read. Callers that write into the result must clone it first.
   */
  public static Mat upsizeIfSmall(Mat bgr) {
    if (!needsUpsizing(bgr.cols(), bgr.rows())) {
      return new Mat(bgr);
    }
    double f = factor(bgr.cols(), bgr.rows());
    Mat out = new Mat();
    try (Size auto = new Size(0, 0)) {
      resize(bgr, out, auto, f, f, INTER_LINEAR);
    }
    return out;
  }
}
