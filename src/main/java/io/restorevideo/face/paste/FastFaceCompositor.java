package io.restorevideo.face.paste;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
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
 * per frame. Where the weight is 1 the face is warped straight into the frame and only the band around it
 * is blended ({@link PasteInterior}). The pixels differ slightly from the helper's (the mask is warped rather than eroded in the
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

  private final boolean splitInterior;

  public FastFaceCompositor(int upscale) {
    this(upscale, true);
  }

  /**
   * @param splitInterior warp the face straight into the frame where its weight is 1 and blend only the band
   *     around it ({@link PasteInterior}); false blends the whole footprint (the tests' reference)
   */
  FastFaceCompositor(int upscale, boolean splitInterior) {
    if (upscale < 1) {
      throw new IllegalArgumentException("upscale must be >= 1, got " + upscale);
    }
    this.upscale = upscale;
    this.splitInterior = splitInterior;
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
      // the mask is warped with the face, so nothing outside the face's own footprint changes
      int[] box = PasteRegion.footprint(f.toOutput(), restored.cols(), restored.rows(), canvas.cols(), canvas.rows());
      if (box == null) {
        continue;
      }
      try (Rect r = new Rect(box[0], box[1], box[2], box[3])) {
        pasteOne(canvas, f, r, erosionKernel);
      }
      remember(box);
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
    CropSoftMasks.Entry soft = softMasks.mask(restored.cols(), restored.rows(), scale, erosionKernel);
    Mat mask = soft.mask();
    PasteInterior.CropSquare interior = soft.interior();
    if (f.parseMask() != null) {
      mask = lowered(mask, f.parseMask(), restored);
      interior = splitInterior ? PasteInterior.of(mask) : null;
    }
    Rect inner = splitInterior ? PasteInterior.inFrame(interior, f.toOutput(), r) : null;
    if (inner == null) {
      blend(canvas, restored, mask, f.toOutput(), r);
      return;
    }
    try (inner) {
      warp(restored, f.toOutput(), inner, canvas);
      int rx1 = r.x() + r.width();
      int ry1 = r.y() + r.height();
      int ix1 = inner.x() + inner.width();
      int iy1 = inner.y() + inner.height();
      blendPart(canvas, restored, mask, f.toOutput(), r.x(), r.y(), rx1, inner.y());
      blendPart(canvas, restored, mask, f.toOutput(), r.x(), iy1, rx1, ry1);
      blendPart(canvas, restored, mask, f.toOutput(), r.x(), inner.y(), inner.x(), iy1);
      blendPart(canvas, restored, mask, f.toOutput(), ix1, inner.y(), rx1, iy1);
    }
  }

  /** The face alone, warped straight into {@code part} of the canvas. */
  private void warp(Mat restored, AffineMatrix forward, Rect part, Mat canvas) {
    try (Mat affine = forward.translated(-part.x(), -part.y()).toMat();
        Size size = new Size(part.width(), part.height()); Mat roi = new Mat(canvas, part)) {
      warpAffine(restored, roi, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
    }
  }

  private void blendPart(Mat canvas, Mat restored, Mat mask, AffineMatrix forward, int x0, int y0, int x1,
      int y1) {
    if (x1 > x0 && y1 > y0) {
      try (Rect part = new Rect(x0, y0, x1 - x0, y1 - y0)) {
        blend(canvas, restored, mask, forward, part);
      }
    }
  }

  /** Face over canvas through the mask, both warped, on {@code part} of the canvas. */
  private void blend(Mat canvas, Mat restored, Mat mask, AffineMatrix forward, Rect part) {
    try (Mat affine = forward.translated(-part.x(), -part.y()).toMat();
        Size size = new Size(part.width(), part.height()); Mat roi = new Mat(canvas, part);
        Mat face = PartBuffer.of(warpedFace, part, CV_8UC3);
        Mat weight = PartBuffer.of(warpedMask, part, CV_32FC1);
        Mat inverse = PartBuffer.of(inverseMask, part, CV_32FC1)) {
      warpAffine(restored, face, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
      warpAffine(mask, weight, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
      weight.convertTo(inverse, CV_32F, -1, 1);
      // elementwise, so the region may be both the second input and the output
      blendLinear(face, roi, weight, inverse, roi);
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
