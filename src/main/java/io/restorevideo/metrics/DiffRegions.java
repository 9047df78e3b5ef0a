package io.restorevideo.metrics;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Face regions without a detector: the places where the output differs from the input. A face restorer
 * changes the faces and (up to the encoder's noise) nothing else, so the blobs of the difference are the
 * pasted faces.
 *
 * <p>The per-pixel difference (largest over the channels) is box-averaged over 5x5 pixels, so the
 * encoder's scattered few-level errors fall under {@value #THRESHOLD} levels while a restored face, changed
 * by tens of levels over its whole area, stays above. Nearby blobs are joined (closing over 2 % of the width)
 * and blobs under {@value #MIN_AREA_FRACTION} of the frame are dropped. Blobs are tracked by overlap
 * ({@link RegionTracks}).
 */
public final class DiffRegions implements FaceRegions {
  static final double THRESHOLD = 6;
  static final double MIN_AREA_FRACTION = 0.002;

  private final RegionTracks tracks = new RegionTracks();

  /** The regions of one frame, with track ids continued from the previous call. */
  @Override
  public List<FaceRegion> find(Mat input, Mat output) {
    return tracks.assign(blobs(input, output));
  }

  @Override
  public String description() {
    return "where the output differs from the input";
  }

  @Override
  public Double jitter() {
    return null;
  }

  private static List<FaceRegion> blobs(Mat input, Mat output) {
    int w = input.cols();
    int h = input.rows();
    int k = Math.max(3, (int) Math.round(0.02 * w)) | 1;
    List<FaceRegion> out = new ArrayList<>();
    try (Mat d = new Mat(); MatVector ch = new MatVector(); Mat m = new Mat(); Mat smooth = new Mat();
        Mat bin = new Mat(); Mat closed = new Mat(); Size five = new Size(5, 5); Size ks = new Size(k, k);
        Mat kernel = getStructuringElement(MORPH_RECT, ks); Mat labels = new Mat(); Mat stats = new Mat();
        Mat centroids = new Mat()) {
      absdiff(input, output, d);
      split(d, ch);
      ch.get(0).copyTo(m);
      for (int c = 1; c < ch.size(); c++) {
        max(m, ch.get(c), m);
      }
      blur(m, smooth, five);
      threshold(smooth, bin, THRESHOLD, 255, THRESH_BINARY);
      morphologyEx(bin, closed, MORPH_CLOSE, kernel);
      int n = connectedComponentsWithStats(closed, labels, stats, centroids, 8, org.bytedeco.opencv.global.opencv_core.CV_32S);
      try (IntIndexer s = stats.createIndexer()) {
        for (int i = 1; i < n; i++) {
          if (s.get(i, CC_STAT_AREA) >= MIN_AREA_FRACTION * w * h) {
            out.add(new FaceRegion(-1, s.get(i, CC_STAT_LEFT), s.get(i, CC_STAT_TOP), s.get(i, CC_STAT_WIDTH),
                s.get(i, CC_STAT_HEIGHT)));
          }
        }
      }
    }
    return out;
  }

  /** A CV_8U mask of the given size, 255 inside the regions' boxes. */
  public static Mat mask(int width, int height, List<FaceRegion> regions) {
    Mat mask = new Mat(height, width, CV_8U, org.bytedeco.opencv.opencv_core.Scalar.all(0));
    for (FaceRegion r : regions) {
      try (org.bytedeco.opencv.opencv_core.Rect rect = new org.bytedeco.opencv.opencv_core.Rect(r.x(), r.y(),
          r.width(), r.height()); Mat roi = mask.apply(rect)) {
        roi.put(org.bytedeco.opencv.opencv_core.Scalar.all(255));
      }
    }
    return mask;
  }
}
