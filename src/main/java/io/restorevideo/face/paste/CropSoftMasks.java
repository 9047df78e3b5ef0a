package io.restorevideo.face.paste;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The helper's square soft mask ({@link SquareSoftMask}) approximated in the crop's own coordinates, so one
 * mask serves every frame on which a face keeps its size: the two erosions become an inset of the all-ones
 * crop by {@code (erosionKernel / 2 + edge) / scale} crop pixels and the blur a Gaussian of the frame blur's
 * sigma divided by the scale (OpenCV's sigma for a {@code 2*edge+1} kernel), where scale is the
 * crop-to-frame scale and {@code edge = int(sqrt(area)) // 20} with the area of the eroded footprint. The
 * result is warped with the face, so translation and rotation cost nothing; only a change of the rounded
 * inset or of the sigma (in quarter crop pixels) computes a new mask.
 *
 * <p>Masks are kept for the few most recent geometries (a bounded LRU): the memory is the same for a video
 * of any length, and a track whose scale drifts only replaces the entry it no longer uses. Not thread-safe.
 */
final class CropSoftMasks implements AutoCloseable {
  private static final int KEEP = 16;

  private record Key(int width, int height, int inset, int sigmaQuarters) {}

  /** A mask and the square of it where the weight is 1 ({@link PasteInterior}), found once with it. */
  record Entry(Mat mask, PasteInterior.CropSquare interior) {}

  private final Map<Key, Entry> masks = new LinkedHashMap<>(KEEP, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
      if (size() > KEEP) {
        eldest.getValue().mask().close();
        return true;
      }
      return false;
    }
  };

  /**
   * The mask (CV_32FC1, {@code height x width}, values in [0, 1]; owned by this cache, valid until the next
   * call) and its interior for a crop pasted at {@code scale} frame pixels per crop pixel.
   */
  Entry mask(int width, int height, double scale, int erosionKernel) {
    double eroded = Math.max(0, (width * scale - erosionKernel)) * Math.max(0, (height * scale - erosionKernel));
    int edge = (int) Math.sqrt(eroded) / 20;
    int inset = (int) Math.round((erosionKernel / 2.0 + Math.max(edge, 1)) / scale);
    double sigma = edge > 0 ? (0.3 * (edge - 1) + 0.8) / scale : 0;
    Key key = new Key(width, height, inset, (int) Math.round(sigma * 4));
    Entry e = masks.get(key);
    if (e == null) {
      Mat m = compute(key);
      e = new Entry(m, PasteInterior.of(m));
      masks.put(key, e);
    }
    return e;
  }

  private static Mat compute(Key key) {
    Mat m = new Mat(key.height(), key.width(), CV_32FC1, new Scalar(0.0));
    int w = key.width() - 2 * key.inset();
    int h = key.height() - 2 * key.inset();
    if (w <= 0 || h <= 0) {
      return m;
    }
    try (Rect inner = new Rect(key.inset(), key.inset(), w, h); Mat roi = new Mat(m, inner);
        Scalar one = new Scalar(1.0)) {
      roi.put(one);
    }
    if (key.sigmaQuarters() > 0) {
      double sigma = key.sigmaQuarters() / 4.0;
      try (Size auto = new Size(0, 0)) {
        GaussianBlur(m, m, auto, sigma);
      }
    }
    return m;
  }

  @Override
  public void close() {
    masks.values().forEach(e -> e.mask().close());
    masks.clear();
  }
}
