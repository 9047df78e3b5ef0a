package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code FaceRestoreHelper.get_face_landmarks_5(only_center_face, resize=640, eye_dist_threshold=5)} around a
 * raw detector: detect on the copy resized to short side 640, map back to this image, drop faces under the
 * helper's eye-distance threshold, optionally keep only the face nearest the centre. The image given is the
 * helper's {@code input_img}, i.e. already enlarged by {@link InputUpsizer} when small.
 */
public final class HelperDetection implements FaceDetector {
  private final FaceDetector raw;
  private final int shortSide;
  private final double eyeDistThreshold;
  private final boolean onlyCenterFace;

  /**
   * @param raw detector returning faces in the pixels of the image it is given (e.g. RetinaFace with
   *     {@link DetectionDecoder})
   */
  public HelperDetection(FaceDetector raw, int shortSide, double eyeDistThreshold, boolean onlyCenterFace) {
    this.raw = raw;
    this.shortSide = shortSide;
    this.eyeDistThreshold = eyeDistThreshold;
    this.onlyCenterFace = onlyCenterFace;
  }

  /** The official settings of {@code inference_codeformer.py}. */
  public static HelperDetection official(FaceDetector raw, boolean onlyCenterFace) {
    return new HelperDetection(raw, DetectionResizer.DEFAULT_SHORT_SIDE, FaceSelection.DEFAULT_EYE_DIST_THRESHOLD,
        onlyCenterFace);
  }

  @Override
  public List<DetectedFace> detect(Mat bgr) {
    DetectionResizer resizer = DetectionResizer.forImage(bgr.cols(), bgr.rows(), shortSide);
    List<DetectedFace> found;
    try (Mat resized = resizer.resized(bgr)) {
      found = resizer.toOriginal(raw.detect(resized));
    }
    List<DetectedFace> kept = FaceSelection.dropSmall(found, eyeDistThreshold);
    if (onlyCenterFace && !kept.isEmpty()) {
      return List.of(kept.get(FaceSelection.centerFace(kept, bgr.cols(), bgr.rows())));
    }
    return kept;
  }

  @Override
  public void close() {
    raw.close();
  }
}
