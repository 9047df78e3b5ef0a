package io.restorevideo.restore;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.restorevideo.face.color.Grayscale;
import io.restorevideo.face.detect.InputUpsizer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An image as {@code FaceRestoreHelper.read_image} leaves it: {@link #input()} is the image enlarged when its
 * short side is under 512 (detection, alignment and paste-back all work on it), {@link #gray()} was decided
 * on the image as given, before enlarging, and {@link #original()} is the caller's image (the background
 * upsampler's input). Owns {@code input} only, which shares the caller's pixels when no enlarging was needed.
 *
 * <p>The gray test reads every pixel, so it runs on the first call of {@link #gray()}: the video path
 * decides gray once per face track and asks only on a track's first frame.
 */
public final class PreparedImage implements AutoCloseable {
  private final Mat original;
  private final Mat input;
  private final double grayThreshold;
  private Boolean gray;

  private PreparedImage(Mat original, Mat input, double grayThreshold) {
    this.original = original;
    this.input = input;
    this.grayThreshold = grayThreshold;
  }

  /** @param bgr a CV_8UC3 image (not modified, not owned; keep it open while this is used) */
  public static PreparedImage of(Mat bgr, double grayThreshold) {
    if (bgr.type() != CV_8UC3 || bgr.empty()) {
      throw new IllegalArgumentException("expected a non-empty 8-bit BGR image (CV_8UC3)");
    }
    return new PreparedImage(bgr, InputUpsizer.upsizeIfSmall(bgr), grayThreshold);
  }

  public Mat original() {
    return original;
  }

  public Mat input() {
    return input;
  }

  /** Whether the image as given is gray (the official is_gray); decided on the first call. */
  public boolean gray() {
    if (gray == null) {
      gray = Grayscale.isGray(original, grayThreshold);
    }
    return gray;
  }

  /** The enlargement from {@link #original()} to {@link #input()} ({@code f} of read_image; 1 when none). */
  public double scale() {
    if (!InputUpsizer.needsUpsizing(original.cols(), original.rows())) {
      return 1;
    }
    return (double) InputUpsizer.MIN_SHORT_SIDE / Math.min(original.cols(), original.rows());
  }

  @Override
  public void close() {
    input.close();
  }
}
