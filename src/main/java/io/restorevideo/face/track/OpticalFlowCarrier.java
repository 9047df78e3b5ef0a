package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Carries face landmarks and boxes from one frame to the next with sparse pyramidal Lucas-Kanade flow
 * ({@code calcOpticalFlowPyrLK}).
 *
 * <p>Per face it follows the 5 landmarks and a 3x3 grid of points inside the box, forward and then backward;
 * a point counts only if both passes converge and it comes back within {@link #maxBackError} of where it
 * started (the forward-backward check of Kalal et al.'s Median Flow tracker), which rejects points on flat
 * skin and occlusions. The box moves by the median flow of the good points and scales by the median ratio
 * of their pairwise distances. A landmark follows its own flow when that is good and agrees with the median
 * motion; otherwise it moves with the box. With too few good points, or an implausible scale jump, the
 * face is reported lost and keeps its previous position.
 */
public final class OpticalFlowCarrier {
  private static final int GRID = 3;
  private static final int POINTS = 5 + GRID * GRID;
  /** Pixels of motion per frame that a 21x21 window on 3 pyramid levels can follow (10 px x 2^3). */
  private static final int MAX_MOTION = 80;
  /** Fewer good points than this (of 14) and the motion estimate is not trusted. */
  static final int MIN_GOOD_POINTS = 4;
  /** Largest believable scale change from one frame to the next. */
  private static final double MAX_SCALE_STEP = 1.25;
  /**
   * Eye distance (pixels) a face keeps on the pyramid level its flow runs on, at least: a face twice this size
   * or more is followed on a halved frame (and so on), where the 21x21 window covers as much of it as of a
   * small face at full size. A face of 240 px on a 1080p frame is followed at a quarter size (60 px), for
   * about a sixteenth of the pixels; faces under 96 px (every test and benchmark clip of the tracker) stay at
   * full size.
   */
  static final double FLOW_EYE_DISTANCE = 48;
  private static final int MAX_LEVEL = 3;

  /** One face to carry: its landmarks and box on the previous frame. */
  public record Face(Landmarks5 landmarks, TrackBox box) {}

  /** Where a face went; {@code ok} false means the flow failed and the position is the previous one. */
  public record Carried(Landmarks5 landmarks, TrackBox box, boolean ok, int goodPoints) {}

  private final Size window = new Size(21, 21);
  private final TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01);
  private final int pyramidLevels = 3;

  /** Forward-backward error allowed for a face: a pixel, or 3% of its eye distance if larger. */
  static double maxBackError(Landmarks5 landmarks) {
    return Math.max(1.0, 0.03 * landmarks.eyeDistance());
  }

  /**
   * Carries every face from {@code prev} to {@code next} (8-bit gray frames of one size). Results are in the
   * order of {@code faces}.
   */
  List<Carried> carry(GrayPyramid prev, GrayPyramid next, List<Face> faces) {
    List<Carried> out = new ArrayList<>(faces.size());
    for (Face face : faces) {
      out.add(carryOne(prev, next, face));
    }
    return out;
  }

  /** The pyramid level a face's flow runs on ({@link #FLOW_EYE_DISTANCE}). */
  static int level(Landmarks5 landmarks) {
    double eyes = landmarks.eyeDistance();
    int k = 0;
    while (k < MAX_LEVEL && eyes / (2 << k) >= FLOW_EYE_DISTANCE) {
      k++;
    }
    return k;
  }

  /**
   * The flow runs on a window around the face only (the box widened by half its size plus the largest
   * motion the pyramid can follow), so its cost depends on the face size, not the frame size: on a 1080p
   * frame this is about 20 times cheaper than the whole frame.
   */
  private Carried carryOne(GrayPyramid prev, GrayPyramid next, Face face) {
    int k = level(face.landmarks());
    Mat prevGray = prev.level(k);
    Mat gray = next.level(k);
    int shrink = 1 << k;
    TrackBox b = face.box();
    // window and points in level-k pixels (full-size coordinate / 2^k); level 0 is the full frame as before
    float margin = (Math.max(b.width(), b.height()) / 2 + MAX_MOTION) / shrink;
    int x0 = clamp((int) Math.floor(b.x1() / shrink - margin), 0, gray.cols() - 1);
    int y0 = clamp((int) Math.floor(b.y1() / shrink - margin), 0, gray.rows() - 1);
    int x1 = clamp((int) Math.ceil(b.x2() / shrink + margin), x0 + 1, gray.cols());
    int y1 = clamp((int) Math.ceil(b.y2() / shrink + margin), y0 + 1, gray.rows());
    float[] start = new float[2 * POINTS];
    seedPoints(face, start);
    for (int i = 0; i < 2 * POINTS; i++) {
      start[i] /= shrink;
    }
    for (int i = 0; i < POINTS; i++) {
      start[2 * i] -= x0;
      start[2 * i + 1] -= y0;
    }
    float[] fwd = new float[2 * POINTS];
    boolean[] fwdOk = new boolean[POINTS];
    float[] back = new float[2 * POINTS];
    boolean[] backOk = new boolean[POINTS];
    try (Rect window = new Rect(x0, y0, x1 - x0, y1 - y0);
        Mat prevRoi = new Mat(prevGray, window);
        Mat roi = new Mat(gray, window)) {
      flow(prevRoi, roi, start, fwd, fwdOk);
      flow(roi, prevRoi, fwd, back, backOk);
    }
    for (float[] pts : List.of(start, fwd, back)) {
      for (int i = 0; i < POINTS; i++) {
        pts[2 * i] += x0;
        pts[2 * i + 1] += y0;
      }
      for (int i = 0; i < 2 * POINTS; i++) {
        pts[i] *= shrink;
      }
    }
    Mat full = next.full();
    return estimate(face, start, fwd, fwdOk, back, backOk, full.cols(), full.rows());
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static void seedPoints(Face face, float[] pts) {
    float[] lm = face.landmarks().toArray();
    System.arraycopy(lm, 0, pts, 0, 10);
    TrackBox b = face.box();
    int k = 5;
    for (int gy = 1; gy <= GRID; gy++) {
      for (int gx = 1; gx <= GRID; gx++) {
        pts[2 * k] = b.x1() + b.width() * gx / (GRID + 1);
        pts[2 * k + 1] = b.y1() + b.height() * gy / (GRID + 1);
        k++;
      }
    }
  }

  private void flow(Mat from, Mat to, float[] src, float[] dst, boolean[] ok) {
    int n = ok.length;
    try (Mat srcPts = new Mat(n, 1, CV_32FC2);
        Mat dstPts = new Mat();
        Mat status = new Mat();
        Mat err = new Mat()) {
      try (FloatIndexer idx = srcPts.createIndexer()) {
        idx.put(0L, src);
      }
      calcOpticalFlowPyrLK(from, to, srcPts, dstPts, status, err, window, pyramidLevels, criteria, 0, 1e-4);
      try (FloatIndexer idx = dstPts.createIndexer();
          UByteIndexer st = status.createIndexer()) {
        idx.get(0L, dst);
        for (int i = 0; i < n; i++) {
          ok[i] = st.get(i) != 0;
        }
      }
    }
  }

  private static Carried estimate(
      Face face, float[] start, float[] fwd, boolean[] fwdOk, float[] back, boolean[] backOk, int width,
      int height) {
    double maxErr = maxBackError(face.landmarks());
    boolean[] good = new boolean[POINTS];
    int goodCount = 0;
    for (int i = 0; i < POINTS; i++) {
      double fbErr = Math.hypot(back[2 * i] - start[2 * i], back[2 * i + 1] - start[2 * i + 1]);
      boolean inside =
          fwd[2 * i] >= 0 && fwd[2 * i] <= width - 1 && fwd[2 * i + 1] >= 0 && fwd[2 * i + 1] <= height - 1;
      good[i] = fwdOk[i] && backOk[i] && inside && fbErr <= maxErr;
      if (good[i]) {
        goodCount++;
      }
    }
    Carried lost = new Carried(face.landmarks(), face.box(), false, goodCount);
    if (goodCount < MIN_GOOD_POINTS) {
      return lost;
    }
    double[] dxs = new double[goodCount];
    double[] dys = new double[goodCount];
    int[] goodIdx = new int[goodCount];
    int g = 0;
    for (int i = 0; i < POINTS; i++) {
      if (good[i]) {
        dxs[g] = fwd[2 * i] - start[2 * i];
        dys[g] = fwd[2 * i + 1] - start[2 * i + 1];
        goodIdx[g++] = i;
      }
    }
    double mdx = median(dxs);
    double mdy = median(dys);
    double scale = medianScale(goodIdx, start, fwd);
    if (scale > MAX_SCALE_STEP || scale < 1 / MAX_SCALE_STEP) {
      return lost;
    }
    TrackBox box = face.box().moved(mdx, mdy, scale);
    // a landmark may move on its own (mouth opening, head turning) but not against the whole face
    double agree = Math.max(2.0, 0.1 * face.landmarks().eyeDistance());
    double cx = face.box().centerX();
    double cy = face.box().centerY();
    float[] lm = new float[10];
    for (int i = 0; i < 5; i++) {
      double rigidX = start[2 * i] + mdx + (scale - 1) * (start[2 * i] - cx);
      double rigidY = start[2 * i + 1] + mdy + (scale - 1) * (start[2 * i + 1] - cy);
      boolean own = good[i] && Math.hypot(fwd[2 * i] - rigidX, fwd[2 * i + 1] - rigidY) <= agree;
      lm[2 * i] = own ? fwd[2 * i] : (float) rigidX;
      lm[2 * i + 1] = own ? fwd[2 * i + 1] : (float) rigidY;
    }
    return new Carried(new Landmarks5(lm), box, true, goodCount);
  }

  /** Median ratio of pairwise distances after/before, over pairs far enough apart to measure. */
  private static double medianScale(int[] idx, float[] start, float[] fwd) {
    List<Double> ratios = new ArrayList<>();
    for (int a = 0; a < idx.length; a++) {
      for (int b = a + 1; b < idx.length; b++) {
        int i = idx[a];
        int j = idx[b];
        double before = Math.hypot(start[2 * i] - start[2 * j], start[2 * i + 1] - start[2 * j + 1]);
        if (before < 4) {
          continue;
        }
        double after = Math.hypot(fwd[2 * i] - fwd[2 * j], fwd[2 * i + 1] - fwd[2 * j + 1]);
        ratios.add(after / before);
      }
    }
    if (ratios.isEmpty()) {
      return 1.0;
    }
    return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
