package io.restorevideo.metrics;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * The motion from one frame back to the previous one, as Lai et al. (ECCV 2018) use it for the warping
 * error: dense optical flow (OpenCV's DIS) from frame t to frame t-1, a sampling map that brings any image
 * of frame t-1 into frame t, and a mask of the pixels the flow can be trusted at. A pixel is masked out when
 * its flow leaves the picture or when the forward and backward flows disagree (occlusions, flow failures):
 * {@code |f + b|^2 > 0.01 (|f|^2 + |b|^2) + 0.5}, the consistency test of Sundaram et al. used there.
 */
public final class FlowWarp implements AutoCloseable {
  private final Mat map;
  private final Mat valid;

  private FlowWarp(Mat map, Mat valid) {
    this.map = map;
    this.valid = valid;
  }

  /** Flow estimators, reused from frame to frame (DIS keeps buffers). Not thread-safe. */
  public static final class Estimator implements AutoCloseable {
    private final DISOpticalFlow dis;

    public Estimator() {
      this(DISOpticalFlow.PRESET_MEDIUM);
    }

    /** @param preset one of {@code DISOpticalFlow.PRESET_*} */
    public Estimator(int preset) {
      this.dis = DISOpticalFlow.create(preset);
    }

    /** Flow (CV_32FC2) with {@code from(x) ~ to(x + flow(x))}, both 8-bit gray of one size. */
    public Mat flow(Mat from, Mat to) {
      Mat flow = new Mat();
      dis.calc(from, to, flow);
      return flow;
    }

    /** The warp that brings frame t-1 (gray {@code previous}) into frame t (gray {@code current}). */
    public FlowWarp between(Mat current, Mat previous) {
      try (Mat forward = flow(current, previous); Mat backward = flow(previous, current)) {
        return FlowWarp.of(forward, backward);
      }
    }

    @Override
    public void close() {
      dis.close();
    }
  }

  /**
   * @param forward flow from frame t to t-1 (per pixel of t, where it was on t-1)
   * @param backward flow from frame t-1 to t
   */
  static FlowWarp of(Mat forward, Mat backward) {
    int w = forward.cols();
    int h = forward.rows();
    Mat map = new Mat(h, w, CV_32FC2);
    Mat valid = new Mat(h, w, CV_8U, Scalar.all(0));
    try (FloatIndexer f = forward.createIndexer(); FloatIndexer b = backward.createIndexer();
        FloatIndexer m = map.createIndexer(); UByteIndexer v = valid.createIndexer()) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float fx = f.get(y, x, 0);
          float fy = f.get(y, x, 1);
          float sx = x + fx;
          float sy = y + fy;
          m.put(y, x, 0, sx);
          m.put(y, x, 1, sy);
          if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
            continue;
          }
          // the backward flow where this pixel came from (bilinear)
          int x0 = Math.min((int) sx, w - 2 < 0 ? 0 : w - 2);
          int y0 = Math.min((int) sy, h - 2 < 0 ? 0 : h - 2);
          float ax = sx - x0;
          float ay = sy - y0;
          int x1 = Math.min(x0 + 1, w - 1);
          int y1 = Math.min(y0 + 1, h - 1);
          float bx = bilinear(b, x0, y0, x1, y1, ax, ay, 0);
          float by = bilinear(b, x0, y0, x1, y1, ax, ay, 1);
          float dx = fx + bx;
          float dy = fy + by;
          double lhs = dx * dx + dy * dy;
          double rhs = 0.01 * (fx * fx + fy * fy + bx * bx + by * by) + 0.5;
          if (lhs <= rhs) {
            v.put(y, x, 255);
          }
        }
      }
    }
    return new FlowWarp(map, valid);
  }

  private static float bilinear(FloatIndexer b, int x0, int y0, int x1, int y1, float ax, float ay, int c) {
    float top = b.get(y0, x0, c) * (1 - ax) + b.get(y0, x1, c) * ax;
    float bottom = b.get(y1, x0, c) * (1 - ax) + b.get(y1, x1, c) * ax;
    return top * (1 - ay) + bottom * ay;
  }

  /** An image of frame t-1 brought into frame t (bilinear; masked-out pixels hold whatever was sampled). */
  public Mat warp(Mat previous) {
    Mat out = new Mat();
    try (Mat none = new Mat(); Scalar border = new Scalar(0)) {
      remap(previous, out, map, none, INTER_LINEAR, BORDER_REPLICATE, border);
    }
    return out;
  }

  /** 255 where the flow is consistent and stays inside the picture, else 0 (CV_8U). Owned by this object. */
  public Mat valid() {
    return valid;
  }

  @Override
  public void close() {
    map.close();
    valid.close();
  }
}
