package io.restorevideo.face.track;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The flow on two plain gray frames, for tests that have no pyramids of their own (the tracker keeps them). */
final class PlainFrames {
  private PlainFrames() {}

  /** Carries {@code faces} from {@code prevGray} to {@code gray}; both frames stay open. */
  static List<OpticalFlowCarrier.Carried> carry(OpticalFlowCarrier flow, Mat prevGray, Mat gray,
      List<OpticalFlowCarrier.Face> faces) {
    // new headers: the pyramids close their level 0, the caller's frames stay open
    try (GrayPyramid prev = new GrayPyramid(new Mat(prevGray)); GrayPyramid next = new GrayPyramid(new Mat(gray))) {
      return flow.carry(prev, next, faces);
    }
  }
}
