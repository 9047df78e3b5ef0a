package io.restorevideo.restore;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A stand-in network that paints every face the same BGR colour {@link #B}, {@link #G}, {@link #R}, as a
 * network that invents colour would; it says whether gray inputs stay gray (restoring) or not (colorizing).
 */
public final class PaintingRestorer implements FaceBatchRestorer {
  public static final int B = 40;
  public static final int G = 90;
  public static final int R = 200;

  private final boolean grayStaysGray;

  public PaintingRestorer(boolean grayStaysGray) {
    this.grayStaysGray = grayStaysGray;
  }

  @Override
  public List<Mat> restore(List<Mat> aligned, double fidelity) {
    return aligned.stream().map(m -> new Mat(m.rows(), m.cols(), CV_8UC3, new Scalar(B, G, R, 0))).toList();
  }

  @Override
  public boolean grayInputStaysGray() {
    return grayStaysGray;
  }
}
