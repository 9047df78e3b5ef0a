package io.restorevideo.metrics;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.detect.InputUpsizer;
import io.restorevideo.face.track.JitterMeter;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Face regions from a face detector run on every OUTPUT frame (enlarged first when small, as the official
 * helper does): the detector's boxes, tracked by overlap ({@link RegionTracks}), and the landmarks of each
 * track measured for jitter exactly as the restore job's {@code --json} does ({@link JitterMeter}). The output
 * is what is judged, so its faces are the ones found; a frame where none is found has no face figures.
 */
public final class DetectedRegions implements FaceRegions {
  private final FaceDetector detector;
  private final String name;
  private final RegionTracks tracks = new RegionTracks();
  private final JitterMeter jitter = new JitterMeter();
  private long frame;

  /** @param detector closed with this; @param name the detector, for the report */
  public DetectedRegions(FaceDetector detector, String name) {
    this.detector = detector;
    this.name = name;
  }

  @Override
  public List<FaceRegion> find(Mat input, Mat output) {
    int w = output.cols();
    int h = output.rows();
    double f = InputUpsizer.factor(w, h);
    List<DetectedFace> found = new ArrayList<>();
    try (Mat big = InputUpsizer.upsizeIfSmall(output)) {
      for (DetectedFace d : detector.detect(big)) {
        found.add(d.unscaled(f));
      }
    }
    List<FaceRegion> boxes = new ArrayList<>(found.size());
    List<DetectedFace> kept = new ArrayList<>(found.size());
    for (DetectedFace d : found) {
      int x1 = Math.max(0, (int) Math.floor(d.x1()));
      int y1 = Math.max(0, (int) Math.floor(d.y1()));
      int x2 = Math.min(w, (int) Math.ceil(d.x2()));
      int y2 = Math.min(h, (int) Math.ceil(d.y2()));
      if (x2 > x1 && y2 > y1) {
        boxes.add(new FaceRegion(-1, x1, y1, x2 - x1, y2 - y1));
        kept.add(d);
      }
    }
    List<FaceRegion> out = tracks.assign(boxes);
    for (int i = 0; i < out.size(); i++) {
      jitter.add(frame, out.get(i).track(), kept.get(i).landmarks());
    }
    frame++;
    return out;
  }

  @Override
  public String description() {
    return "faces found by " + name + " on the output";
  }

  /** The output's landmark jitter; null until a track has three consecutive frames. */
  @Override
  public Double jitter() {
    return jitter.samples() == 0 ? null : jitter.jitter();
  }

  @Override
  public void close() {
    detector.close();
  }
}
