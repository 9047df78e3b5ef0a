package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import java.util.ArrayList;
import java.util.List;

/** The helper's choices among detections ({@code get_face_landmarks_5}). */
public final class FaceSelection {
  /** {@code inference_codeformer.py} passes {@code eye_dist_threshold=5}. */
  public static final double DEFAULT_EYE_DIST_THRESHOLD = 5;

  private FaceSelection() {}

  /**
   * The helper's "eye distance": {@code np.linalg.norm([bbox[6] - bbox[8], bbox[7] - bbox[9]])} on the
   * detection row {@code [x1, y1, x2, y2, score, lx0, ly0, lx1, ly1, lx2, ...]}, which is
   * {@code ||(y_left_eye - y_right_eye, x_right_eye - x_nose)||}, not the distance between the eyes. Kept as
   * is for parity: for a frontal face it is about half the eye distance, so the cut is somewhat stricter.
   */
  public static float officialEyeDistance(DetectedFace face) {
    Landmarks5 l = face.landmarks();
    float a = l.y(0) - l.y(1);
    float b = l.x(1) - l.x(2);
    return (float) Math.sqrt(a * a + b * b);
  }

  /** Drops faces whose {@link #officialEyeDistance} is below {@code threshold}; order kept. */
  public static List<DetectedFace> dropSmall(List<DetectedFace> faces, double threshold) {
    List<DetectedFace> out = new ArrayList<>();
    for (DetectedFace f : faces) {
      if (!(officialEyeDistance(f) < threshold)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * {@code get_center_face}: the face whose box centre is nearest to the image centre {@code (w/2, h/2)}
   * (the first one on a tie), or -1 for an empty list.
   */
  public static int centerFace(List<DetectedFace> faces, int width, int height) {
    int best = -1;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int i = 0; i < faces.size(); i++) {
      DetectedFace f = faces.get(i);
      double cx = ((double) f.x1() + f.x2()) / 2 - width / 2.0;
      double cy = ((double) f.y1() + f.y2()) / 2 - height / 2.0;
      double d = Math.sqrt(cx * cx + cy * cy);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * {@code get_largest_face}: the face with the largest box area after clamping the box to the image (the
   * first one on a tie), or -1 for an empty list.
   */
  public static int largestFace(List<DetectedFace> faces, int width, int height) {
    int best = -1;
    double bestArea = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < faces.size(); i++) {
      DetectedFace f = faces.get(i);
      double left = clamp(f.x1(), width);
      double right = clamp(f.x2(), width);
      double top = clamp(f.y1(), height);
      double bottom = clamp(f.y2(), height);
      double area = (right - left) * (bottom - top);
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    return best;
  }

  private static double clamp(double v, int length) {
    return v < 0 ? 0 : Math.min(v, length);
  }
}
