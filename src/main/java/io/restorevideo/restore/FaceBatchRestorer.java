package io.restorevideo.restore;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face restoration network (CodeFormer) as the per-frame path sees it: aligned crops in, restored crops
 * out, one network batch per call.
 */
public interface FaceBatchRestorer {
  /**
   * @param aligned aligned face crops, CV_8UC3 BGR (512x512 with the default template); not modified
   * @param fidelity CodeFormer's {@code w} in [0, 1]
   * @return one new CV_8UC3 BGR crop of the same size per input, in the same order (the caller closes them)
   */
  List<Mat> restore(List<Mat> aligned, double fidelity);

  /**
   * Whether the restored faces of a gray input are made gray again (the helper's {@code is_gray} handling).
   * True for restoration; a colorizing restorer says false, or its colour would be removed again.
   */
  default boolean grayInputStaysGray() {
    return true;
  }
}
