package io.restorevideo.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.restore.FrameFaceRestorer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The face stages with stand-ins for the networks, for benchmarks of the pipeline itself: a detector that
 * reports one face in the middle of every frame (eye distance an eighth of the width) and a "restorer" that
 * inverts the crop (or several faces, on a grid). Tracking, optical flow, alignment, batching, paste-back and encoding are the real ones,
 * so what a run measures is everything but PyTorch. Never used by a restoring job.
 */
public final class StandInFaces {
  private StandInFaces() {}

  public static FaceStages stages(TrackerOptions tracking, int batchSize) {
    return stages(tracking, batchSize, 1);
  }

  /** With {@code faces} stand-in faces per frame, one in the middle of each cell of a near-square grid. */
  public static FaceStages stages(TrackerOptions tracking, int batchSize, int faces) {
    if (faces < 1) {
      throw new IllegalArgumentException("stand-in faces must be at least 1, got " + faces);
    }
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).build();
    FrameFaceRestorer restorer = new FrameFaceRestorer(options, null, StandInFaces::invert, null, null);
    return FaceStages.tracked(restorer, gridFaces(faces), tracking, batchSize);
  }

  /** One face per grid cell, its eye distance an eighth of the cell's width (one cell: the whole frame). */
  private static FaceDetector gridFaces(int n) {
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    return bgr -> {
      float cw = (float) bgr.cols() / cols;
      float ch = (float) bgr.rows() / rows;
      float e = cw / 16;
      List<DetectedFace> found = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        float cx = cw * (i % cols + 0.5f);
        float cy = ch * (i / cols + 0.5f);
        float[] xy = {cx - e, cy - e, cx + e, cy - e, cx, cy, cx - 0.8f * e, cy + e, cx + 0.8f * e, cy + e};
        found.add(NoisyOracleDetector.around(new Landmarks5(xy)));
      }
      return found;
    };
  }

  private static List<Mat> invert(List<Mat> crops, double fidelity) {
    List<Mat> out = new ArrayList<>(crops.size());
    for (Mat crop : crops) {
      Mat r = new Mat();
      try (Mat white = new Mat(crop.rows(), crop.cols(), CV_8UC3, new Scalar(255, 255, 255, 0))) {
        subtract(white, crop, r);
      }
      out.add(r);
    }
    return out;
  }
}
