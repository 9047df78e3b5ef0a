package io.restorevideo.face.paste;

import io.restorevideo.face.MatData;
import io.restorevideo.face.NumpyFloatSum;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The helper's square paste mask, inside a {@link PasteRegion}: the warped all-ones face ({@code inv_mask}),
 * eroded by {@code int(2*upscale)} to drop the bilinear fringe ({@code inv_mask_erosion}, which also scales
 * the pasted face), its area {@code np.sum} in float32, the edge width {@code w_edge = int(sqrt(area)) // 20},
 * a second erosion by {@code 2*w_edge} and a Gaussian blur of size {@code 2*w_edge+1} ({@code inv_soft_mask}).
 * Arrays are row-major over the region.
 */
public final class SquareSoftMask {
  final float[] erosion;
  final float[] soft;
  final float area;
  final int edge;

  private SquareSoftMask(float[] erosion, float[] soft, float area, int edge) {
    this.erosion = erosion;
    this.soft = soft;
    this.area = area;
    this.edge = edge;
  }

  static SquareSoftMask compute(RegionWarp warp, Rect region, int faceWidth, int faceHeight, int erosionKernel,
      int frameWidth, int frameHeight) {
    try (Mat ones = new Mat(faceHeight, faceWidth, CV_32FC1, new Scalar(1.0));
        Mat inv = new Mat(region.height(), region.width(), CV_32FC1);
        Mat ero = new Mat();
        Mat center = new Mat();
        Mat soft = new Mat();
        Scalar zero = new Scalar(0.0)) {
      warp.warp(ones, inv, zero);
      try (Mat k = kernel(erosionKernel)) {
        erode(inv, ero, k);
      }
      float[] eroData = MatData.floats(ero);
      float area = NumpyFloatSum.sum(eroData, region.x(), region.y(), region.width(), region.height(), frameWidth,
          frameHeight);
      int edge = (int) (float) Math.sqrt(area) / 20;
      // np.ones((0, 0)) is an empty kernel, for which OpenCV erodes with its default 3x3 square
      try (Mat k = edge > 0 ? kernel(2 * edge) : new Mat(); Size blur = new Size(2 * edge + 1, 2 * edge + 1)) {
        erode(ero, center, k);
        GaussianBlur(center, soft, blur, 0);
      }
      return new SquareSoftMask(eroData, MatData.floats(soft), area, edge);
    }
  }

  private static Mat kernel(int side) {
    return new Mat(side, side, CV_8UC1, new Scalar(1.0));
  }
}
