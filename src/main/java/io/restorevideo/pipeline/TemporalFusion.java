package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.restore.RestoredFace;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Temporal stabilisation of the restored faces ({@code --temporal S}): per face track, the restored face of
 * frame t is blended with the track's previous (already blended) face brought into frame t's aligned space,
 * so the frame-to-frame changes that the network invents (texture, eyes, teeth) are damped while real motion
 * passes.
 *
 * <p>Bringing the previous face over: the alignment matrices are known, so {@code A(t-1) A(t)^-1} maps this
 * crop onto the previous one; what the landmarks missed is then found by optical flow (DIS) between the two
 * aligned INPUT crops, at a quarter of the crop's size where the input's noise averages out. Flow under
 * {@value #MIN_FLOW} crop pixels is taken as none, so a still face is copied exactly rather than resampled
 * (a resampled copy, blended in again on every frame, would blur a still face a little more each time), and
 * flow over {@value #MAX_FLOW} is not a residual of the alignment and is not used either.
 *
 * <p>Weight per pixel: {@code S * agree}, {@code agree = exp(-(d / k)^2)}, where d is the difference of the
 * two input crops after the warp actually used, at the quarter size, and k is {@value #AGREE_NOISE} times the
 * crop's median d (the input's own frame-to-frame noise, robustly), at least {@value #AGREE_LEVELS} levels. So
 * the INPUT decides whether the face changed: an opening mouth, a blink, an occlusion or a wrong warp stands
 * far above the noise and is taken from frame t alone, not smeared, while the restored face's own flicker,
 * which the input does not have, is averaged away. Where the forward and backward flows disagree or leave
 * the crop, the flow is not used (the alignment alone brings the face over, and the agreement judges that).
 *
 * <p>The state is reset, and the face passed unchanged, on a track's first frame, after a gap, and so on a scene
 * cut (the tracker starts new tracks there). Blending is in float and recursive: the output is an
 * exponential average along the motion whose memory is about {@code 1 / (1 - S)} frames.
 */
final class TemporalFusion implements AutoCloseable {
  /** Side of the crops the flow and the agreement are computed on (the 512 crop over 4). */
  static final int SMALL = 128;
  /** Flow (in 512-crop pixels) below this is taken as no motion. */
  static final double MIN_FLOW = 0.25;
  /**
   * Flow (in 512-crop pixels) above this is not a residual of the alignment but the flow matching a changed
   * face to something else that looks alike (a dark opened mouth to a dark nostril): not used.
   */
  static final double MAX_FLOW = 12;
  /** Least input difference (gray levels at the quarter size) at which the weight has fallen to 1/e. */
  static final double AGREE_LEVELS = 4;
  /** The 1/e difference in multiples of the median input difference (noise allowance). */
  static final double AGREE_NOISE = 3;

  private final double strength;
  private final DISOpticalFlow dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);
  private Map<Integer, State> states = new HashMap<>();
  private final Map<Integer, State> seen = new HashMap<>();

  /** What a track carries to its next frame. */
  private static final class State implements AutoCloseable {
    final long frame;
    final AffineMatrix affine;
    final Mat fused;
    final Mat smallGray;

    State(long frame, AffineMatrix affine, Mat fused, Mat smallGray) {
      this.frame = frame;
      this.affine = affine;
      this.fused = fused;
      this.smallGray = smallGray;
    }

    @Override
    public void close() {
      fused.close();
      smallGray.close();
    }
  }

  /** @param strength S in [0, 1]: the most weight the previous face gets (0 = off) */
  TemporalFusion(double strength) {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("--temporal must be in [0, 1], got " + strength);
    }
    this.strength = strength;
  }

  boolean on() {
    return strength > 0;
  }

  /**
   * Stabilises one face of frame {@code frame} in place (its restored crop is overwritten). Frames must come
   * in order; call {@link #endFrame} after each frame's faces.
   */
  void fuse(long frame, int track, RestoredFace face) {
    Mat restored = face.restored();
    AffineMatrix affine = face.aligned().affine();
    Mat small = smallGray(face.aligned().crop());
    Mat current = new Mat();
    restored.convertTo(current, CV_32FC3);
    State prev = states.remove(track);
    Mat fused = current;
    if (prev != null && prev.frame == frame - 1 && restored.cols() == prev.fused.cols()
        && restored.rows() == prev.fused.rows()) {
      fused = blend(current, small, affine, prev);
      current.close();
      fused.convertTo(restored, CV_8UC3);
    }
    if (prev != null) {
      prev.close();
    }
    State old = seen.put(track, new State(frame, affine, fused, small));
    if (old != null) {
      old.close();
    }
  }

  /** Ends a frame: tracks absent from it are dropped. */
  void endFrame() {
    states.values().forEach(State::close);
    states.clear();
    states.putAll(seen);
    seen.clear();
  }

  private Mat blend(Mat current, Mat small, AffineMatrix affine, State prev) {
    int w = current.cols();
    int h = current.rows();
    double scale = (double) SMALL / w;
    // this crop's pixels -> the previous crop's pixels
    AffineMatrix toPrev = compose(prev.affine, affine.invert());
    AffineMatrix toPrevSmall = compose(compose(AffineMatrix.of(scale, 0, 0, 0, scale, 0), toPrev),
        AffineMatrix.of(1 / scale, 0, 0, 0, 1 / scale, 0));
    try (Mat prevFused = warp(prev.fused, toPrev, w, h); Mat prevSmall = warp(prev.smallGray, toPrevSmall, SMALL,
        SMALL); Mat forward = new Mat(); Mat backward = new Mat()) {
      dis.calc(small, prevSmall, forward);
      dis.calc(prevSmall, small, backward);
      try (Mat smallFlow = new Mat(SMALL, SMALL, CV_32FC2); Mat weightSmall = new Mat(SMALL, SMALL, CV_32F)) {
        smallWeights(forward, backward, small, prevSmall, smallFlow, weightSmall);
        try (Mat map = new Mat(); Mat weight = new Mat(); Mat moved = new Mat(); Mat none = new Mat();
            Scalar border = new Scalar(0); Size full = new Size(w, h)) {
          // the flow field at full size (a zero flow stays exactly zero), then in full-size pixels
          resize(smallFlow, map, full, 0, 0, INTER_LINEAR);
          resize(weightSmall, weight, full, 0, 0, INTER_LINEAR);
          boolean moving = toFullMap(map, 1 / scale);
          if (moving) {
            remap(prevFused, moved, map, none, INTER_LINEAR, BORDER_REPLICATE, border);
          } else {
            prevFused.copyTo(moved);
          }
          return mix(current, moved, weight);
        }
      }
    }
  }

  /**
   * The flow at the small size (zero under the threshold) and the weight {@code S * agree * consistent} per
   * small pixel.
   */
  private void smallWeights(Mat forward, Mat backward, Mat small, Mat prevSmall, Mat flow, Mat weight) {
    double minFlow = MIN_FLOW * SMALL / 512.0;
    double maxFlow = MAX_FLOW * SMALL / 512.0;
    float[] diff = new float[SMALL * SMALL];
    try (FloatIndexer f = forward.createIndexer(); FloatIndexer b = backward.createIndexer();
        UByteIndexer cur = small.createIndexer(); UByteIndexer prev = prevSmall.createIndexer();
        FloatIndexer m = flow.createIndexer(); FloatIndexer wt = weight.createIndexer()) {
      for (int y = 0; y < SMALL; y++) {
        for (int x = 0; x < SMALL; x++) {
          float fx = f.get(y, x, 0);
          float fy = f.get(y, x, 1);
          int px = Math.round(x + fx);
          int py = Math.round(y + fy);
          boolean inside = px >= 0 && py >= 0 && px < SMALL && py < SMALL;
          if (inside) {
            float bx = b.get(py, px, 0);
            float by = b.get(py, px, 1);
            double fb = (fx + bx) * (fx + bx) + (fy + by) * (fy + by);
            inside = fb <= 0.01 * (fx * fx + fy * fy + bx * bx + by * by) + 0.5;
          }
          // an inconsistent or tiny flow is no refinement: the alignment alone brings the face over
          double length = Math.hypot(fx, fy);
          if (!inside || length < minFlow || length > maxFlow) {
            fx = 0;
            fy = 0;
            px = x;
            py = y;
          }
          m.put(y, x, 0, fx);
          m.put(y, x, 1, fy);
          diff[y * SMALL + x] = Math.abs(cur.get(y, x) - prev.get(py, px));
        }
      }
      float[] sorted = diff.clone();
      java.util.Arrays.sort(sorted);
      double scale = Math.max(AGREE_LEVELS, AGREE_NOISE * sorted[sorted.length / 2]);
      for (int y = 0; y < SMALL; y++) {
        for (int x = 0; x < SMALL; x++) {
          double r = diff[y * SMALL + x] / scale;
          wt.put(y, x, (float) (strength * Math.exp(-r * r)));
        }
      }
    }
  }

  /** Turns the resized small flow into full-size absolute coordinates, in place; false when all is still. */
  private static boolean toFullMap(Mat map, double up) {
    boolean moving = false;
    try (FloatIndexer m = map.createIndexer()) {
      long rows = map.rows();
      long cols = map.cols();
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          double fx = m.get(y, x, 0) * up;
          double fy = m.get(y, x, 1) * up;
          if (fx != 0 || fy != 0) {
            moving = true;
          }
          m.put(y, x, 0, (float) (x + fx));
          m.put(y, x, 1, (float) (y + fy));
        }
      }
    }
    return moving;
  }

  private static Mat mix(Mat current, Mat previous, Mat weight) {
    Mat out = new Mat(current.rows(), current.cols(), CV_32FC3);
    try (FloatIndexer c = current.createIndexer(); FloatIndexer p = previous.createIndexer();
        FloatIndexer w = weight.createIndexer(); FloatIndexer o = out.createIndexer()) {
      for (int y = 0; y < current.rows(); y++) {
        for (int x = 0; x < current.cols(); x++) {
          float a = w.get(y, x);
          for (int ch = 0; ch < 3; ch++) {
            o.put(y, x, ch, (1 - a) * c.get(y, x, ch) + a * p.get(y, x, ch));
          }
        }
      }
    }
    return out;
  }

  /** {@code src} sampled at {@code m(x)} for each output pixel x; an exact copy when m is the identity. */
  private static Mat warp(Mat src, AffineMatrix m, int w, int h) {
    Mat out = new Mat();
    if (isIdentity(m)) {
      src.copyTo(out);
      return out;
    }
    try (Mat mat = m.toMat(); Size size = new Size(w, h); Scalar border = new Scalar(0)) {
      warpAffine(src, out, mat, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_REPLICATE, border);
    }
    return out;
  }

  private static boolean isIdentity(AffineMatrix m) {
    double[] a = m.toArray();
    return Math.abs(a[0] - 1) < 1e-9 && Math.abs(a[1]) < 1e-9 && Math.abs(a[2]) < 1e-6 && Math.abs(a[3]) < 1e-9
        && Math.abs(a[4] - 1) < 1e-9 && Math.abs(a[5]) < 1e-6;
  }

  /** {@code a} after {@code b}: x -> a(b(x)). */
  static AffineMatrix compose(AffineMatrix a, AffineMatrix b) {
    double[] p = a.toArray();
    double[] q = b.toArray();
    return AffineMatrix.of(p[0] * q[0] + p[1] * q[3], p[0] * q[1] + p[1] * q[4], p[0] * q[2] + p[1] * q[5] + p[2],
        p[3] * q[0] + p[4] * q[3], p[3] * q[1] + p[4] * q[4], p[3] * q[2] + p[4] * q[5] + p[5]);
  }

  private static Mat smallGray(Mat crop) {
    Mat small = new Mat();
    try (Mat gray = new Mat(); Size s = new Size(SMALL, SMALL)) {
      cvtColor(crop, gray, COLOR_BGR2GRAY);
      resize(gray, small, s, 0, 0, INTER_AREA);
    }
    return small;
  }

  @Override
  public void close() {
    states.values().forEach(State::close);
    seen.values().forEach(State::close);
    states.clear();
    seen.clear();
    dis.close();
  }
}
