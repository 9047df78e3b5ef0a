package io.restorevideo.api;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.DetectionDecoder;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.detect.InputUpsizer;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.media.StillImages;
import io.restorevideo.models.ModelRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The official helper's face detection on one image file ({@code read_image} upsizing below 512 px, RetinaFace
 * on the copy with short side 640, eye distance at least 5 px), in the file's own pixels with the detector's
 * raw confidences: the detection the restore path runs, without the restore.
 */
public final class FaceDetection {
  /** The official confidence threshold. */
  public static final float DEFAULT_THRESHOLD = DetectionDecoder.DEFAULT_CONF_THRESHOLD;

  /** The faces of one image, and its size. */
  public record Result(int width, int height, List<Face> faces) {
    public Result {
      faces = List.copyOf(faces);
    }
  }

  /**
   * One face in the file's pixels.
   *
   * @param landmarks x and y of the left eye, right eye, nose, left and right mouth corner (10 values)
   */
  public record Face(float x1, float y1, float x2, float y2, float score, float[] landmarks) {}

  private FaceDetection() {}

  /**
   * Detects the faces of {@code image} with the detector of {@code models}, keeping those scoring above
   * {@code threshold}.
   */
  public static Result detect(Path image, ModelCache models, float threshold) {
    checkThreshold(threshold);
    try (Mat original = StillImages.read(image, StillImages.DEFAULT_MAX_PIXELS)) {
      Path weights = models.path(ModelRole.DETECTOR);
      double f = InputUpsizer.factor(original.cols(), original.rows());
      List<Face> faces = new ArrayList<>();
      try (Mat input = InputUpsizer.upsizeIfSmall(original);
          HelperDetection detector = HelperDetection.official(
              RetinaFaceDetector.load(weights, threshold, DetectionDecoder.DEFAULT_NMS_THRESHOLD), false)) {
        for (DetectedFace d : detector.detect(input)) {
          faces.add(face(d.unscaled(f)));
        }
      }
      return new Result(original.cols(), original.rows(), faces);
    }
  }

  /** A confidence threshold must be in [0, 1). */
  public static float checkThreshold(float threshold) {
    if (!(threshold >= 0 && threshold < 1)) {
      throw new IllegalArgumentException("--threshold must be in [0, 1), got " + threshold);
    }
    return threshold;
  }

  private static Face face(DetectedFace d) {
    float[] marks = new float[10];
    for (int i = 0; i < 5; i++) {
      marks[2 * i] = d.landmarks().x(i);
      marks[2 * i + 1] = d.landmarks().y(i);
    }
    return new Face(d.x1(), d.y1(), d.x2(), d.y2(), d.score(), marks);
  }
}
