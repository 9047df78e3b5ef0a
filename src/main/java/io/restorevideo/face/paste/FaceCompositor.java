package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Pastes restored faces back as {@code FaceRestoreHelper.paste_faces_to_input_image} does, with the same
 * pixels, but computes only inside each face's {@link PasteRegion} instead of over the whole frame in float.
 *
 * <p>Per face, in order: the restored crop warped to the output ({@code inv_restored}), the square soft mask
 * ({@link SquareSoftMask}), optionally lowered to the parse mask where that is smaller, and the blend
 * {@code soft * (erosion * inv_restored) + (1 - soft) * image}; float32 arithmetic without a parse mask,
 * float64 with one (numpy's promotions in the helper). Outside a region every mask is exactly zero, so the
 * whole-frame blend leaves those pixels unchanged. Faces whose regions overlap are blended in one shared
 * buffer, so a later face sees the earlier one's unrounded values; the result is truncated to 8 bits at the
 * end, as {@code astype(uint8)}. With {@code drawBox}, the helper's green frame around each face is blended on
 * the truncated image and rounded, as {@code cv2.imwrite} stores the float result.
 *
 * <p>Masks take the restored crop's own rows x columns (the helper shapes its all-ones mask from the
 * {@code (w, h)} size tuple, which only agrees for square crops, the default). 8-bit images only.
 */
public final class FaceCompositor {
  /**
   * One face to paste: the restored crop (CV_8UC3 BGR), its crop-to-output matrix (see {@link PasteAffine}),
   * and an optional parse mask (CV_64FC1 in [0, 1], see {@link ParseMask}; resized to the crop if its size
   * differs, as the helper does).
   */
  public record Face(Mat restored, AffineMatrix toOutput, Mat parseMask) {
    public Face(Mat restored, AffineMatrix toOutput) {
      this(restored, toOutput, null);
    }
  }

  private static final float[] BOX_COLOUR = {0f, 255f, 0f};

  private final int upscale;
  private final boolean drawBox;

  public FaceCompositor(int upscale, boolean drawBox) {
    if (upscale < 1) {
      throw new IllegalArgumentException("upscale must be >= 1, got " + upscale);
    }
    this.upscale = upscale;
    this.drawBox = drawBox;
  }

  /** The helper's background: {@code input} resized to {@code int(w*up) x int(h*up)}, INTER_LINEAR. */
  public static Mat background(Mat input, int upscale) {
    Mat out = new Mat();
    try (Size size = new Size(input.cols() * upscale, input.rows() * upscale)) {
      resize(input, out, size, 0, 0, INTER_LINEAR);
    }
    return out;
  }

  /** The helper's background from an upsampled image (Real-ESRGAN): resized to the output size, LANCZOS4. */
  public static Mat background(Mat input, int upscale, Mat upsampled) {
    Mat out = new Mat();
    try (Size size = new Size(input.cols() * upscale, input.rows() * upscale)) {
      resize(upsampled, out, size, 0, 0, INTER_LANCZOS4);
    }
    return out;
  }

  /** Pastes {@code faces} in order into {@code canvas} (CV_8UC3, the output size), in place. */
  public void paste(Mat canvas, List<Face> faces) {
    if (canvas.type() != CV_8UC3) {
      throw new IllegalArgumentException("canvas must be 8-bit BGR (CV_8UC3)");
    }
    int erosionKernel = 2 * upscale;
    List<Rect> regions = new ArrayList<>();
    for (Face f : faces) {
      if (f.restored().type() != CV_8UC3) {
        throw new IllegalArgumentException("restored faces must be 8-bit BGR (CV_8UC3)");
      }
      regions.add(PasteRegion.of(f.toOutput(), f.restored().cols(), f.restored().rows(), canvas.cols(),
          canvas.rows(), erosionKernel));
    }
    for (RegionClusters.Cluster cluster : RegionClusters.of(regions)) {
      pasteCluster(canvas, faces, regions, cluster, erosionKernel);
    }
  }

  private void pasteCluster(Mat canvas, List<Face> faces, List<Rect> regions, RegionClusters.Cluster cluster,
      int erosionKernel) {
    Rect box = cluster.bounds();
    double[] acc;
    try (Mat roi = new Mat(canvas, box); Mat copy = roi.clone()) {
      byte[] px = MatData.bytes(copy);
      acc = new double[px.length];
      for (int i = 0; i < px.length; i++) {
        acc[i] = px[i] & 0xff;
      }
    }
    List<float[]> boxMasks = new ArrayList<>();
    List<Rect> boxRegions = new ArrayList<>();
    for (int index : cluster.members()) {
      Face face = faces.get(index);
      Rect r = regions.get(index);
      try (RegionWarp warp = new RegionWarp(face.toOutput(), r)) {
        SquareSoftMask mask = SquareSoftMask.compute(warp, r, face.restored().cols(), face.restored().rows(),
            erosionKernel, canvas.cols(), canvas.rows());
        byte[] restored = warped(warp, r, face.restored());
        double[] parse = face.parseMask() == null ? null : warpedParse(warp, r, face);
        blend(acc, box, r, mask, restored, parse);
        if (drawBox && mask.area > 0) {
          boxMasks.add(warpedBorder(warp, r, face, mask.area));
          boxRegions.add(r);
        }
      }
    }
    for (int i = 0; i < acc.length; i++) {
      acc[i] = (int) Math.max(0, Math.min(255, acc[i]));
    }
    for (int i = 0; i < boxMasks.size(); i++) {
      blendBox(acc, box, boxRegions.get(i), boxMasks.get(i));
    }
    byte[] out = new byte[acc.length];
    for (int i = 0; i < acc.length; i++) {
      double v = drawBox ? Math.rint(acc[i]) : acc[i];
      out[i] = (byte) Math.max(0, Math.min(255, v));
    }
    try (Mat result = new Mat(box.height(), box.width(), CV_8UC3); Mat roi = new Mat(canvas, box)) {
      MatData.put(result, out);
      result.copyTo(roi);
    }
  }

  private static byte[] warped(RegionWarp warp, Rect r, Mat restored) {
    try (Mat inv = new Mat(r.height(), r.width(), CV_8UC3); Scalar zero = new Scalar(0.0)) {
      warp.warp(restored, inv, zero);
      return MatData.bytes(inv);
    }
  }

  private static double[] warpedParse(RegionWarp warp, Rect r, Face face) {
    Mat restored = face.restored();
    try (Mat parse64 = new Mat(); Mat sized = new Mat(); Mat inv = new Mat(r.height(), r.width(), CV_64FC1);
        Scalar zero = new Scalar(0.0)) {
      face.parseMask().convertTo(parse64, CV_64FC1);
      if (parse64.cols() != restored.cols() || parse64.rows() != restored.rows()) {
        try (Size size = new Size(restored.cols(), restored.rows())) {
          resize(parse64, sized, size, 0, 0, INTER_LINEAR);
        }
      } else {
        parse64.copyTo(sized);
      }
      // the helper passes flags=3 (INTER_AREA), which warpAffine treats as INTER_LINEAR
      warp.warp(sized, inv, zero);
      return MatData.doubles(inv);
    }
  }

  /** The helper's draw_box frame: {@code int(1400 / sqrt(area))} pixels wide inside the crop, warped. */
  private static float[] warpedBorder(RegionWarp warp, Rect r, Face face, float area) {
    int w = face.restored().cols();
    int h = face.restored().rows();
    int border = (int) (1400f / (float) Math.sqrt(area));
    float[] frame = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inner = y >= border && y < h - border && x >= border && x < w - border;
        frame[y * w + x] = inner ? 0f : 1f;
      }
    }
    try (Mat src = new Mat(h, w, CV_32FC1); Mat inv = new Mat(r.height(), r.width(), CV_32FC1);
        Scalar zero = new Scalar(0.0)) {
      MatData.put(src, frame);
      warp.warp(src, inv, zero);
      return MatData.floats(inv);
    }
  }

  private static void blend(double[] acc, Rect box, Rect r, SquareSoftMask mask, byte[] restored, double[] parse) {
    int ox = r.x() - box.x();
    int oy = r.y() - box.y();
    int rw = r.width();
    int bw = box.width();
    for (int y = 0; y < r.height(); y++) {
      for (int x = 0; x < rw; x++) {
        int k = y * rw + x;
        float soft = mask.soft[k];
        float erosion = mask.erosion[k];
        int a = ((y + oy) * bw + x + ox) * 3;
        if (parse == null) {
          if (soft == 0f) {
            continue;
          }
          for (int c = 0; c < 3; c++) {
            float pasted = erosion * (restored[3 * k + c] & 0xff);
            float image = (float) acc[a + c];
            acc[a + c] = soft * pasted + (1f - soft) * image;
          }
        } else {
          double m = parse[k] < soft ? parse[k] : soft;
          if (m == 0) {
            continue;
          }
          for (int c = 0; c < 3; c++) {
            float pasted = erosion * (restored[3 * k + c] & 0xff);
            acc[a + c] = m * pasted + (1 - m) * acc[a + c];
          }
        }
      }
    }
  }

  private static void blendBox(double[] acc, Rect box, Rect r, float[] border) {
    int ox = r.x() - box.x();
    int oy = r.y() - box.y();
    for (int y = 0; y < r.height(); y++) {
      for (int x = 0; x < r.width(); x++) {
        float b = border[y * r.width() + x];
        if (b == 0f) {
          continue;
        }
        int a = ((y + oy) * box.width() + x + ox) * 3;
        for (int c = 0; c < 3; c++) {
          acc[a + c] = b * BOX_COLOUR[c] + (1f - b) * (float) acc[a + c];
        }
      }
    }
  }
}
