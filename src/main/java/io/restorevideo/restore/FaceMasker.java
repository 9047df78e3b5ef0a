package io.restorevideo.restore;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The face parsing network (ParseNet) reduced to the helper's paste mask (see {@code face.ParseMask}). */
public interface FaceMasker {
  /**
   * @param restoredFaces restored faces, CV_8UC3 BGR 512x512; not modified
   * @return one new mask per face, CV_64FC1 in [0, 1], in the same order (the caller closes them)
   */
  List<Mat> masks(List<Mat> restoredFaces);
}
