package io.restorevideo.bench;

import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.weights.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@link RetinaFaceDetector#detect} (mean subtraction, network, priors, decode, NMS) on one 16:9 frame
 * of the given short side, as the helper feeds it after its resize: one untimed warm-up, then timed runs.
 * The frame is a smooth gradient, so random weights do not flood NMS with noise detections.
 */
public final class DetectorBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(DetectorBenchmark.class);

  public record Row(String detector, String weights, int width, int height, Timings seconds,
      double imagesPerSecond, int detections) {}

  public record Report(int shortSide, int runs, double peakRssMiB, List<Row> rows) {}

  private DetectorBenchmark() {}

  /** @param detectors model name to its state dict, in report order */
  public static Report run(Map<String, StateDict> detectors, int shortSide, int runs) {
    if (runs < 1 || shortSide < 32) {
      throw new IllegalArgumentException("need runs >= 1 and a short side >= 32, got " + runs + ", " + shortSide);
    }
    int h = shortSide;
    int w = (int) Math.round(shortSide * 16.0 / 9.0);
    Mat frame = gradient(w, h);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, StateDict> e : detectors.entrySet()) {
      try (RetinaFaceDetector det = RetinaFaceDetector.load(e.getValue())) {
        int found = det.detect(frame).size();
        double[] s = new double[runs];
        for (int r = 0; r < runs; r++) {
          long t0 = System.nanoTime();
          found = det.detect(frame).size();
          s[r] = (System.nanoTime() - t0) / 1e9;
          LOG.info("{} {}x{} run {}: {} s", e.getKey(), w, h, r + 1, String.format("%.3f", s[r]));
        }
        Timings t = Timings.of(s);
        rows.add(new Row(e.getKey(), e.getValue().source(), w, h, t, 1 / t.median(), found));
      }
    }
    frame.close();
    return new Report(shortSide, runs, PeakMemory.rssMiB(), rows);
  }

  /** A smooth BGR gradient: structured enough for a network, with no noise to flood a detector. */
  static Mat gradient(int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        px[i] = (byte) (x * 255 / w);
        px[i + 1] = (byte) (y * 255 / h);
        px[i + 2] = (byte) ((x + y) * 127 / (w + h) + 64);
      }
    }
    Mat m = new Mat(h, w, opencv_core.CV_8UC3);
    m.data().put(px);
    return m;
  }
}
