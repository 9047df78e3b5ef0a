package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The rectangle of the output frame that pasting one face can change, with enough margin that the masks
 * computed inside it equal the whole-frame ones: the warped face square (its bilinear footprint reaches one
 * source pixel past the edge), plus the reach of both erosions and of the Gaussian blur. The left edge is
 * aligned to 32 columns and 32 columns are added on the right so OpenCV's SIMD/scalar split of the blur rows
 * falls at the same frame columns as in a whole-frame blur, or in the zeros of the margin.
 */
public final class PasteRegion {
  private static final int ALIGN = 32;

  private PasteRegion() {}

  /**
   * @param forward crop-to-frame matrix (as given to warpAffine)
   * @param erosionKernel side of the first erosion kernel ({@code int(2 * upscale)})
   * @return the rectangle, or null when the face lies entirely outside the frame
   */
  static Rect of(AffineMatrix forward, int faceWidth, int faceHeight, int frameWidth, int frameHeight,
      int erosionKernel) {
    int[] box = footprint(forward, faceWidth, faceHeight, frameWidth, frameHeight);
    if (box == null) {
      return null;
    }
    int x0 = box[0];
    int y0 = box[1];
    int x1 = box[0] + box[2];
    int y1 = box[1] + box[3];
    // The mask is at most 1, so its area (and with it the blur edge) is bounded by the footprint's size.
    int maxEdge = (int) Math.sqrt((double) (x1 - x0) * (y1 - y0)) / 20;
    long margin = erosionKernel + 2L * maxEdge + 4;
    long rx0 = Math.max(0, x0 - margin) / ALIGN * ALIGN;
    long ry0 = Math.max(0, y0 - margin);
    long rx1 = Math.min(frameWidth, x1 + margin + ALIGN);
    long ry1 = Math.min(frameHeight, y1 + margin);
    return new Rect((int) rx0, (int) ry0, (int) (rx1 - rx0), (int) (ry1 - ry0));
  }

  /**
   * The warped face square's bilinear footprint in the frame (x, y, width, height), clipped to the frame: a
   * warp of the crop (or of a mask in crop coordinates) is 0 outside it. Null when it misses the frame.
   */
  static int[] footprint(AffineMatrix forward, int faceWidth, int faceHeight, int frameWidth, int frameHeight) {
    double[] sx = {-1.1, faceWidth + 0.1};
    double[] sy = {-1.1, faceHeight + 0.1};
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double x : sx) {
      for (double y : sy) {
        double fx = forward.applyX(x, y);
        double fy = forward.applyY(x, y);
        minX = Math.min(minX, fx);
        maxX = Math.max(maxX, fx);
        minY = Math.min(minY, fy);
        maxY = Math.max(maxY, fy);
      }
    }
    if (!(maxX >= -2 && maxY >= -2 && minX <= frameWidth + 1 && minY <= frameHeight + 1)) {
      return null;
    }
    long x0 = Math.max(0, (long) Math.floor(minX) - 2);
    long y0 = Math.max(0, (long) Math.floor(minY) - 2);
    long x1 = Math.min(frameWidth, (long) Math.ceil(maxX) + 3);
    long y1 = Math.min(frameHeight, (long) Math.ceil(maxY) + 3);
    if (x1 <= x0 || y1 <= y0) {
      return null;
    }
    return new int[] {(int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0)};
  }
}
