package io.restorevideo.face.align;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.Landmarks5;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One aligned face: the crop (owned by this object; treat it as read-only), the image-to-crop affine matrix
 * and the landmarks it was fitted to.
 */
public final class AlignedFace implements AutoCloseable {
  private final Mat crop;
  private final AffineMatrix affine;
  private final Landmarks5 landmarks;

  public AlignedFace(Mat crop, AffineMatrix affine, Landmarks5 landmarks) {
    this.crop = crop;
    this.affine = affine;
    this.landmarks = landmarks;
  }

  public Mat crop() {
    return crop;
  }

  public AffineMatrix affine() {
    return affine;
  }

  public Landmarks5 landmarks() {
    return landmarks;
  }

  @Override
  public void close() {
    crop.close();
  }
}
