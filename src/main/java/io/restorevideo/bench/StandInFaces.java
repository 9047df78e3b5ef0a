package io.restorevideo.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.subtract;

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
 * inverts the crop. Tracking, optical flow, alignment, batching, paste-back and encoding are the real ones,
 * so what a run measures is everything but PyTorch. Never used by a restoring job.
 */
public final class StandInFaces {
  private StandInFaces() {}

  public static FaceStages stages(TrackerOptions tracking, int batchSize) {
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).build();
    FrameFaceRestorer faces = new FrameFaceRestorer(options, null, StandInFaces::invert, null, null);
    return FaceStages.tracked(faces, centreFace(), tracking, batchSize);
  }

  private static FaceDetector centreFace() {
    return bgr -> {
      float w = bgr.cols();
      float cx = w / 2;
      float cy = bgr.rows() / 2f;
      float e = w / 16;
      float[] xy = {cx - e, cy - e, cx + e, cy - e, cx, cy, cx - 0.8f * e, cy + e, cx + 0.8f * e, cy + e};
      return List.of(NoisyOracleDetector.around(new Landmarks5(xy)));
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
