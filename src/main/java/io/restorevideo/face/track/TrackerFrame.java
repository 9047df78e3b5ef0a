package io.restorevideo.face.track;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What {@link FaceTracker} needs of one frame besides the frame itself: the gray frame (the optical flow's
 * full-size level) and the scene-cut thumbnail. {@link #of} depends on nothing but the frame, so a video
 * pipeline makes these for several frames at once on other threads, and the tracker, which must see frames in
 * order, only compares and follows. Owns its gray image until {@link FaceTracker#track(TrackerFrame, Mat,
 * double, long)} takes it; {@link #close} frees it if that never happens.
 */
public final class TrackerFrame implements AutoCloseable {
  private Mat gray;
  private final CutThumbnail thumbnail;

  private TrackerFrame(Mat gray, CutThumbnail thumbnail) {
    this.gray = gray;
    this.thumbnail = thumbnail;
  }

  /**
   * The tracker's input for {@code image} (8-bit BGR, or already gray), which is read, not kept.
   * Thread-safe: it touches no shared state.
   */
  public static TrackerFrame of(Mat image) {
    Mat gray = new Mat();
    try {
      if (image.channels() == 1) {
        image.copyTo(gray);
      } else {
        cvtColor(image, gray, COLOR_BGR2GRAY);
      }
      return new TrackerFrame(gray, SceneCutDetector.thumbnail(gray));
    } catch (RuntimeException e) {
      gray.close();
      throw e;
    }
  }

  CutThumbnail thumbnail() {
    return thumbnail;
  }

  /** Hands the gray image over to the caller, who then owns it; this frame can be used once. */
  Mat takeGray() {
    if (gray == null) {
      throw new IllegalStateException("this tracker frame was already tracked");
    }
    Mat out = gray;
    gray = null;
    return out;
  }

  @Override
  public void close() {
    if (gray != null) {
      gray.close();
      gray = null;
    }
  }
}
