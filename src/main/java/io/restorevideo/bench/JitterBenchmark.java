package io.restorevideo.bench;

import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.JitterMeter;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.face.track.TrackedFace;
import io.restorevideo.media.ClipFrames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmark jitter ({@link JitterMeter}: second difference of the alignment landmarks over the inter-ocular
 * distance) of one clip under three trackings: the detector on every frame (the official behaviour), the
 * tracker without smoothing, and the tracker with smoothing. DESIGN.md's target: the tracked, smoothed
 * jitter at most half of per-frame detection's.
 */
public final class JitterBenchmark {
  /** One tracking of the clip; {@code relative} is the jitter over per-frame detection's (null if that is 0). */
  public record Row(String mode, int detectEvery, double smoothing, double jitter, Double relative,
      long samples, long keyframes, long faces, double seconds) {}

  public record Report(String clip, String detectorWeights, long frames, List<Row> rows) {}

  private JitterBenchmark() {}

  /**
   * @param detector the helper-wrapped detector (stays owned by the caller)
   * @param tracked the tracker's settings; its detect-every is kept, smoothing is run at 0 and at its value
   */
  public static Report run(String clip, String detectorWeights, FaceDetector detector, TrackerOptions tracked,
      long maxFrames) {
    Map<String, TrackerOptions> modes = new LinkedHashMap<>();
    modes.put("per-frame detection", TrackerOptions.officialParity());
    modes.put("tracked, no smoothing", tracked.withSmoothing(0));
    modes.put("tracked, smoothed", tracked);
    List<Row> rows = new ArrayList<>();
    long frames = 0;
    double base = Double.NaN;
    for (Map.Entry<String, TrackerOptions> m : modes.entrySet()) {
      JitterMeter meter = new JitterMeter();
      long[] faces = {0};
      long t0 = System.nanoTime();
      long keyframes;
      try (FaceTracker tracker = new FaceTracker(detector, m.getValue())) {
        frames = ClipFrames.forEach(clip, maxFrames, (index, seconds, bgr) -> {
          List<TrackedFace> found = tracker.track(bgr, seconds);
          faces[0] += found.size();
          meter.addSmoothed(index, found);
        });
        keyframes = tracker.keyframes();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (rows.isEmpty()) {
        base = meter.jitter();
      }
      Double rel = base > 0 ? meter.jitter() / base : null;
      rows.add(new Row(m.getKey(), m.getValue().detectEvery(), m.getValue().smoothing(), meter.jitter(), rel,
          meter.samples(), keyframes, faces[0], s));
    }
    return new Report(clip, detectorWeights, frames, rows);
  }
}
