package io.restorevideo.face.paste;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.restorevideo.face.AffineMatrix;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The paste outside the exact mode: the same blend as {@link FaceCompositor} (restored face over the image
 * through the square soft mask, lowered to the parse mask where that is smaller), in float32 OpenCV calls
 * on each face's region only, with the soft mask made once per face geometry in crop coordinates
 * ({@link CropSoftMasks}) and warped with the face, instead of an erosion and a blur over the frame per face
 * per frame. The pixels differ slightly from the helper's (the mask is warped rather than eroded in the
 * frame, rounding to 8 bits after each face); the exact mode, which the parity tests check, stays with
 * {@link FaceCompositor}.
 *
 * <p>Working images are kept between calls (no per-frame allocation once sizes settle). Not thread-safe: one
 * instance per thread.
 */
public final class FastFaceCompositor implements AutoCloseable {
  private final int upscale;
  private final CropSoftMasks softMasks = new CropSoftMasks();
  private final Mat warpedFace = new Mat();
  private final Mat warpedMask = new Mat();
  private final Mat inverseMask = new Mat();
  private final Mat parse32 = new Mat();
  private final Mat parseSized = new Mat();
  private final Mat combined = new Mat();
  private final Scalar zero = new Scalar(0.0);
  /** x, y, width, height of each rectangle the last paste changed. */
  private int[] pasted = new int[4 * 4];
  private int pastedCount;

  /** Receives a rectangle of the canvas. */
  @FunctionalInterface
  public interface RegionSink {
    void region(int x, int y, int width, int height);
  }

  public FastFaceCompositor(int upscale) {
    if (upscale < 1) {
      throw new IllegalArgumentException("upscale must be >= 1, got " + upscale);
    }
    this.upscale = upscale;
  }

  /** Pastes {@code faces} in order into {@code canvas} (CV_8UC3, the output size), in place. */
  public void paste(Mat canvas, List<FaceCompositor.Face> faces) {
    if (canvas.type() != CV_8UC3) {
      throw new IllegalArgumentException("canvas must be 8-bit BGR (CV_8UC3)");
    }
    int erosionKernel = 2 * upscale;
    pastedCount = 0;
    for (FaceCompositor.Face f : faces) {
      Mat restored = f.restored();
      if (restored.type() != CV_8UC3) {
        throw new IllegalArgumentException("restored faces must be 8-bit BGR (CV_8UC3)");
      }
      Rect r = PasteRegion.of(f.toOutput(), restored.cols(), restored.rows(), canvas.cols(), canvas.rows(),
          erosionKernel);
      if (r == null) {
        continue;
      }
      try (r) {
        pasteOne(canvas, f, r, erosionKernel);
      }
      remember(PasteRegion.footprint(f.toOutput(), restored.cols(), restored.rows(), canvas.cols(), canvas.rows()));
    }
  }

  /**
   * The rectangles of the canvas the last {@link #paste} changed: each face's warped footprint, clipped to the
   * canvas. Outside it the warped mask is 0 and the blend gives the canvas's own value back, so every other
   * pixel keeps its value (the encoder then re-converts only these rectangles).
   */
  public void pastedRegions(RegionSink sink) {
    for (int i = 0; i < pastedCount; i++) {
      sink.region(pasted[4 * i], pasted[4 * i + 1], pasted[4 * i + 2], pasted[4 * i + 3]);
    }
  }

  private void remember(int[] box) {
    if (box == null) {
      return;
    }
    if (4 * pastedCount == pasted.length) {
      pasted = java.util.Arrays.copyOf(pasted, 2 * pasted.length);
    }
    System.arraycopy(box, 0, pasted, 4 * pastedCount, 4);
    pastedCount++;
  }

  private void pasteOne(Mat canvas, FaceCompositor.Face f, Rect r, int erosionKernel) {
    Mat restored = f.restored();
    double[] m = f.toOutput().toArray();
    double scale = Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
    Mat mask = softMasks.mask(restored.cols(), restored.rows(), scale, erosionKernel);
    if (f.parseMask() != null) {
      mask = lowered(mask, f.parseMask(), restored);
    }
    AffineMatrix inRegion = f.toOutput().translated(-r.x(), -r.y());
    try (Mat affine = inRegion.toMat(); Size size = new Size(r.width(), r.height());
        Mat roi = new Mat(canvas, r)) {
      warpAffine(restored, warpedFace, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
      warpAffine(mask, warpedMask, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
      warpedMask.convertTo(inverseMask, CV_32F, -1, 1);
      // elementwise, so the region may be both the second input and the output
      blendLinear(warpedFace, roi, warpedMask, inverseMask, roi);
    }
  }

  /** min(parse mask, soft mask) in crop coordinates, the parse mask resized to the crop as the helper does. */
  private Mat lowered(Mat soft, Mat parse, Mat restored) {
    parse.convertTo(parse32, CV_32F);
    Mat sized = parse32;
    if (parse32.cols() != restored.cols() || parse32.rows() != restored.rows()) {
      try (Size size = new Size(restored.cols(), restored.rows())) {
        resize(parse32, parseSized, size, 0, 0, INTER_LINEAR);
      }
      sized = parseSized;
    }
    min(sized, soft, combined);
    return combined;
  }

  @Override
  public void close() {
    softMasks.close();
    warpedFace.close();
    warpedMask.close();
    inverseMask.close();
    parse32.close();
    parseSized.close();
    combined.close();
    zero.close();
  }
}
