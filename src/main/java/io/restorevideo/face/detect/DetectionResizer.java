package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code get_face_landmarks_5(resize=640)}: the detector sees a copy whose short side is 640
 * ({@code scale = 640 / min(h, w)}, sizes {@code int(h*scale) x int(w*scale)} truncated, INTER_LINEAR, or
 * INTER_AREA when shrinking), and its boxes and landmarks are divided by the scale (in float32, as numpy does
 * with a float32 array). The helper divides the score too; we keep the detector's raw confidence.
 */
public final class DetectionResizer {
  public static final int DEFAULT_SHORT_SIDE = 640;

  private final double scale;
  private final int width;
  private final int height;

  private DetectionResizer(double scale, int width, int height) {
    this.scale = scale;
    this.width = width;
    this.height = height;
  }

  /** The rule for an image of {@code width x height} and a detector short side (640 in the official run). */
  public static DetectionResizer forImage(int width, int height, int shortSide) {
    double scale = (double) shortSide / Math.min(width, height);
    return new DetectionResizer(scale, (int) (width * scale), (int) (height * scale));
  }

  public static DetectionResizer forImage(Mat bgr) {
    return forImage(bgr.cols(), bgr.rows(), DEFAULT_SHORT_SIDE);
  }

  public double scale() {
    return scale;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The image the detector sees. */
  public Mat resized(Mat bgr) {
    Mat out = new Mat();
    try (Size size = new Size(width, height)) {
      resize(bgr, out, size, 0, 0, scale < 1 ? INTER_AREA : INTER_LINEAR);
    }
    return out;
  }

  /** Detections on the resized image back in the original image's pixels (score unchanged). */
  public List<DetectedFace> toOriginal(List<DetectedFace> detections) {
    float s = (float) scale;
    List<DetectedFace> out = new ArrayList<>(detections.size());
    for (DetectedFace d : detections) {
      float[] lm = d.landmarks().toArray();
      for (int i = 0; i < lm.length; i++) {
        lm[i] /= s;
      }
      out.add(new DetectedFace(d.x1() / s, d.y1() / s, d.x2() / s, d.y2() / s, d.score(), new Landmarks5(lm)));
    }
    return out;
  }
}
