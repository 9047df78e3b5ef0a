package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
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
 * crop onto the previous one. The tracker's landmarks are smoothed and lag a moving face, so what they missed
 * as a whole (a shift, a little zoom and roll: {@link ResidualMotion}) is found next between the two aligned
 * INPUT crops, and what is left per pixel by optical flow (DIS), all at a quarter of the crop's size. Flow
 * under {@value #MIN_FLOW} crop pixels is taken as none, so a still face is copied exactly rather than
 * resampled (a resampled copy, blended in again on every frame, would blur a still face a little more each
 * time), and per-pixel flow over {@value #MAX_FLOW} is a mismatch, not a residual, and is not used either.
 *
 * <p>Weight per pixel: {@code S * agree}, {@code agree = exp(-(d / k)^2)}, where d is the difference of the
 * two input crops after the warp actually used, low-passed (sigma {@value #LOW_PASS} at the quarter size) so
 * the input's pixel noise averages out, and k is {@value #AGREE_NOISE} times the crop's median d (the input's
 * own frame-to-frame noise, robustly), at least {@value #AGREE_LEVELS} levels. So the INPUT decides whether
 * the face changed: an opening mouth, a blink, an occlusion or a wrong warp stands far above the noise and is
 * taken from frame t alone, not smeared, while the restored face's own flicker, which the input does not
 * have, is averaged away. Where the forward and backward flows disagree or leave the crop, the per-pixel flow
 * is not used (the whole-face warp alone brings the face over, and the agreement judges that).
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
  /**
   * Largest shift of the whole face (512-crop pixels) taken as what the landmarks missed; beyond a quarter
   * of the crop the two crops no longer show the same face.
   */
  static final double MAX_SHIFT = 128;
  /** Gaussian sigma (small-crop pixels) of the low-pass before the agreement, so input noise does not veto. */
  static final double LOW_PASS = 1;
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
    AffineMatrix down = AffineMatrix.of(scale, 0, 0, 0, scale, 0);
    AffineMatrix up = AffineMatrix.of(1 / scale, 0, 0, 0, 1 / scale, 0);
    // this crop's pixels -> the previous crop's pixels: the alignment matrices, then what they missed
    AffineMatrix toPrevSmall = refine(small, prev.smallGray,
        compose(compose(down, compose(prev.affine, affine.invert())), up), scale);
    AffineMatrix toPrev = compose(compose(up, toPrevSmall), down);
    try (Mat prevSmall = warp(prev.smallGray, toPrevSmall, SMALL, SMALL); Mat forward = new Mat();
        Mat backward = new Mat()) {
      flows(small, prevSmall, forward, backward);
      try (Mat prevFused = warp(prev.fused, toPrev, w, h); Mat smallFlow = new Mat(SMALL, SMALL, CV_32FC2);
          Mat weightSmall = new Mat(SMALL, SMALL, CV_32F)) {
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
   * {@code toPrevSmall} followed by the {@link ResidualMotion} the landmarks missed: first a shift (phase
   * correlation finds a large one), then a similarity fitted to the dense flow; each is kept only when it
   * brings the two input crops closer, so a wrong estimate costs nothing.
   */
  private AffineMatrix refine(Mat small, Mat prevGray, AffineMatrix toPrevSmall, double scale) {
    AffineMatrix best = toPrevSmall;
    try (Mat prevSmall = warp(prevGray, best, SMALL, SMALL)) {
      double error = meanAbs(small, prevSmall);
      AffineMatrix shift = ResidualMotion.shift(small, prevSmall, MIN_FLOW * scale, MAX_SHIFT * scale);
      if (shift != null) {
        AffineMatrix candidate = compose(best, shift);
        try (Mat moved = warp(prevGray, candidate, SMALL, SMALL)) {
          double e = meanAbs(small, moved);
          if (e < error) {
            error = e;
            best = candidate;
            moved.copyTo(prevSmall);
          }
        }
      }
      try (Mat forward = new Mat(); Mat backward = new Mat()) {
        flows(small, prevSmall, forward, backward);
        AffineMatrix similarity = ResidualMotion.fit(forward, backward, MIN_FLOW * scale, MAX_SHIFT * scale);
        if (similarity != null) {
          AffineMatrix candidate = compose(best, similarity);
          try (Mat moved = warp(prevGray, candidate, SMALL, SMALL)) {
            if (meanAbs(small, moved) < error) {
              best = candidate;
            }
          }
        }
      }
    }
    return best;
  }

  private static double meanAbs(Mat a, Mat b) {
    try (Mat d = new Mat()) {
      absdiff(a, b, d);
      try (Scalar mean = mean(d)) {
        return mean.get(0);
      }
    }
  }

  private static Mat lowPass(Mat gray) {
    Mat out = new Mat();
    try (Size auto = new Size(0, 0)) {
      GaussianBlur(gray, out, auto, LOW_PASS);
    }
    return out;
  }

  private void flows(Mat small, Mat prevSmall, Mat forward, Mat backward) {
    dis.calc(small, prevSmall, forward);
    dis.calc(prevSmall, small, backward);
  }

  /**
   * Whether the flow {@code (fx, fy)} at {@code (x, y)} lands inside the other image on a backward flow that
   * brings it back (to half a pixel, or a hundredth of the flows' squared lengths).
   */
  static boolean consistent(FloatIndexer backward, int x, int y, float fx, float fy, int w, int h) {
    int px = Math.round(x + fx);
    int py = Math.round(y + fy);
    if (px < 0 || py < 0 || px >= w || py >= h) {
      return false;
    }
    float bx = backward.get(py, px, 0);
    float by = backward.get(py, px, 1);
    double fb = (fx + bx) * (fx + bx) + (fy + by) * (fy + by);
    return fb <= 0.01 * (fx * fx + fy * fy + bx * bx + by * by) + 0.5;
  }

  /**
   * The flow at the small size (zero under the threshold) and the weight {@code S * agree * consistent} per
   * small pixel.
   */
  private void smallWeights(Mat forward, Mat backward, Mat small, Mat prevSmall, Mat flow, Mat weight) {
    double minFlow = MIN_FLOW * SMALL / 512.0;
    double maxFlow = MAX_FLOW * SMALL / 512.0;
    float[] diff = new float[SMALL * SMALL];
    try (Mat curLow = lowPass(small); Mat prevLow = lowPass(prevSmall); FloatIndexer f = forward.createIndexer(); FloatIndexer b = backward.createIndexer();
        UByteIndexer cur = curLow.createIndexer(); UByteIndexer prev = prevLow.createIndexer();
        FloatIndexer m = flow.createIndexer(); FloatIndexer wt = weight.createIndexer()) {
      for (int y = 0; y < SMALL; y++) {
        for (int x = 0; x < SMALL; x++) {
          float fx = f.get(y, x, 0);
          float fy = f.get(y, x, 1);
          int px = Math.round(x + fx);
          int py = Math.round(y + fy);
          // an inconsistent, tiny or large flow is no refinement: the alignment alone brings the face over
          double length = Math.hypot(fx, fy);
          if (!consistent(b, x, y, fx, fy, SMALL, SMALL) || length < minFlow || length > maxFlow) {
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
