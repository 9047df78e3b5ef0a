package io.restorevideo.face.align;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_calib3d.LMEDS;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Aligns a face to the template as {@code FaceRestoreHelper.align_warp_face}: a 4-parameter similarity fitted
 * with {@code estimateAffinePartial2D(..., LMEDS)} (LMEDS rejects outlying landmarks, e.g. a smiling mouth;
 * a plain least-squares fit differs there) and a bilinear warp with the helper's gray border.
 */
public final class FaceAligner {
  /** BGR border value of the official crops. */
  private static final Scalar BORDER_VALUE = new Scalar(135, 133, 132, 0);

  private final FaceTemplate template;

  public FaceAligner(FaceTemplate template) {
    this.template = template;
  }

  public FaceTemplate template() {
    return template;
  }

  /** The image-to-crop similarity for {@code landmarks}; OpenCV's defaults besides LMEDS, as the helper. */
  public AffineMatrix estimate(Landmarks5 landmarks) {
    try (Mat from = new Mat(5, 1, CV_32FC2); Mat to = template.toPoints(); Mat inliers = new Mat()) {
      MatData.put(from, landmarks.toArray());
      try (Mat m = estimateAffinePartial2D(from, to, inliers, LMEDS, 3, 2000, 0.99, 10)) {
        if (m.empty()) {
          throw new IllegalArgumentException("no similarity fits the landmarks " + landmarks);
        }
        return AffineMatrix.fromMat(m);
      }
    }
  }

  /** Warps {@code bgr} (8-bit, any channel count) into the template's crop. */
  public AlignedFace align(Mat bgr, Landmarks5 landmarks) {
    return warp(bgr, estimate(landmarks), landmarks);
  }

  /**
   * Warps {@code bgr} with a given image-to-crop matrix: for callers that reuse an alignment (a tracked face
   * between keyframes) instead of fitting one; {@code landmarks} are recorded with the crop.
   */
  public AlignedFace warp(Mat bgr, AffineMatrix affine, Landmarks5 landmarks) {
    Mat crop = new Mat();
    try (Mat m = affine.toMat(); Size size = new Size(template.width(), template.height())) {
      warpAffine(bgr, crop, m, size, INTER_LINEAR, BORDER_CONSTANT, BORDER_VALUE);
    }
    return new AlignedFace(crop, affine, landmarks);
  }
}
