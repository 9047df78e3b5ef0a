package io.restorevideo.bench;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.JitterMeter;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.track.TrackedFace;
import io.restorevideo.face.track.TrackerOptions;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How far the tracker's alignment landmarks are from the truth, and how much they jitter, for each keyframe
 * interval: the evidence for {@code --detect-every}'s default. A still picture with one face's landmarks is
 * moved along a {@link CameraPath}; a {@link NoisyOracleDetector} stands in for RetinaFace on keyframes and
 * the real optical flow carries the landmarks in between, so the error of a run is the detector's noise
 * (reduced by the smoothing) plus the flow's drift between keyframes.
 */
public final class TrackingBenchmark {
  /**
   * One tracking of the clip. Errors are distances to the true landmarks over the true inter-ocular
   * distance, for the smoothed landmarks (the ones used for alignment). {@code jitter} is the job summary's
   * measure (second difference of the landmarks), which also counts the camera's own acceleration;
   * {@code errorJitter} is the second difference of the error alone, the shake the tracking adds to the
   * true motion. {@code lostFrames} counts frames on which the tracker reported no face.
   */
  public record Row(int detectEvery, double smoothing, double detectorCallsPerFrame, double meanError,
      double p95Error, double maxError, double jitter, double errorJitter, long lostFrames, double seconds) {}

  public record Report(String image, int frames, double fps, double speed, double noise, List<Row> rows) {}

  private TrackingBenchmark() {}

  /**
   * @param picture 8-bit BGR picture, not modified
   * @param landmarks the 5 landmarks of one face in {@code picture}
   */
  public static Report run(String name, Mat picture, Landmarks5 landmarks, int frames, double fps, double speed,
      double noise, List<Integer> detectEvery, List<Double> smoothings, long seed) {
    if (frames < 3) {
      throw new IllegalArgumentException("--frames must be at least 3, got " + frames);
    }
    CameraPath path = new CameraPath(picture.cols(), picture.rows(), speed);
    List<Row> rows = new ArrayList<>();
    for (int every : detectEvery) {
      for (double smoothing : smoothings) {
        TrackerOptions options = TrackerOptions.defaults().withDetectEvery(every).withSmoothing(smoothing);
        // the same seed for every row: each tracking sees the same detector noise on the same frames
        rows.add(track(picture, frames, path, landmarks, fps, options, new NoisyOracleDetector(noise, seed)));
      }
    }
    return new Report(name, frames, fps, speed, noise, rows);
  }

  private static Row track(Mat picture, int frames, CameraPath path, Landmarks5 landmarks, double fps,
      TrackerOptions options, NoisyOracleDetector detector) {
    JitterMeter meter = new JitterMeter();
    ErrorShake shake = new ErrorShake();
    List<Double> errors = new ArrayList<>();
    long lost = 0;
    long t0 = System.nanoTime();
    try (FaceTracker tracker = new FaceTracker(detector, options)) {
      for (int t = 0; t < frames; t++) {
        float[] xy = path.apply(t, landmarks.toArray());
        detector.truth(xy);
        Landmarks5 truth = new Landmarks5(xy);
        List<TrackedFace> found;
        try (Mat frame = render(picture, path, t)) {
          found = tracker.track(frame, t / fps);
        }
        meter.addSmoothed(t, found);
        if (found.isEmpty()) {
          lost++;
          shake.gap();
          continue;
        }
        errors.add(error(found.get(0).landmarks(), truth));
        shake.add(found.get(0).landmarks(), truth);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> sorted = errors.stream().sorted().toList();
    double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double p95 = percentile(sorted, 0.95);
    double max = percentile(sorted, 1.0);
    return new Row(options.detectEvery(), options.smoothing(), detector.calls() / (double) frames, mean, p95,
        max, meter.jitter(), shake.mean(), lost, seconds);
  }

  /** Mean length of the second difference of the landmark error, over the true inter-ocular distance. */
  private static final class ErrorShake {
    private float[] older;
    private float[] last;
    private double sum;
    private long samples;

    void add(Landmarks5 got, Landmarks5 truth) {
      float[] e = got.toArray();
      float[] t = truth.toArray();
      for (int i = 0; i < 10; i++) {
        e[i] -= t[i];
      }
      if (older != null) {
        for (int i = 0; i < 5; i++) {
          double dx = e[2 * i] - 2.0 * last[2 * i] + older[2 * i];
          double dy = e[2 * i + 1] - 2.0 * last[2 * i + 1] + older[2 * i + 1];
          sum += Math.hypot(dx, dy) / truth.eyeDistance();
          samples++;
        }
      }
      older = last;
      last = e;
    }

    void gap() {
      older = null;
      last = null;
    }

    double mean() {
      return samples == 0 ? 0 : sum / samples;
    }
  }

  /** The nearest-rank percentile of an ascending list; NaN when it is empty. */
  private static double percentile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }

  /** Mean distance of the 5 points to the truth, over the true inter-ocular distance. */
  static double error(Landmarks5 got, Landmarks5 truth) {
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += Math.hypot(got.x(i) - truth.x(i), got.y(i) - truth.y(i));
    }
    return sum / 5 / truth.eyeDistance();
  }

  /** Frame {@code t}: the picture moved by the camera, its border reflected. */
  private static Mat render(Mat picture, CameraPath path, int t) {
    try (Size size = new Size(picture.cols(), picture.rows()); Scalar black = new Scalar(0, 0, 0, 0);
        Mat affine = path.matrix(t).toMat()) {
      Mat frame = new Mat();
      warpAffine(picture, frame, affine, size, INTER_LINEAR, BORDER_REFLECT, black);
      return frame;
    }
  }
}
