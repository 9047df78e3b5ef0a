package io.restorevideo.pipeline;

import io.restorevideo.restore.FaceBatchRestorer;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The golden set's stand-in network: restored = 255 - crop. Records each call's batch size and fidelity, and a
 * copy of the crops it was given.
 */
public final class InvertingRestorer implements FaceBatchRestorer {
  public final List<Integer> batchSizes = new ArrayList<>();
  public final List<Double> fidelities = new ArrayList<>();
  public final List<Mat> seen = new ArrayList<>();

  @Override
  public List<Mat> restore(List<Mat> aligned, double fidelity) {
    batchSizes.add(aligned.size());
    fidelities.add(fidelity);
    List<Mat> out = new ArrayList<>();
    for (Mat crop : aligned) {
      seen.add(crop.clone());
      Mat r = new Mat();
      try (Mat white = new Mat(crop.rows(), crop.cols(), CV_8UC3, new Scalar(255, 255, 255, 0))) {
        subtract(white, crop, r);
      }
      out.add(r);
    }
    return out;
  }
}
