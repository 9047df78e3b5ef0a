package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a BGR 8-bit image (CV_8UC3); coordinates are in that image's pixels. */
public interface FaceDetector extends AutoCloseable {
  List<DetectedFace> detect(Mat bgr);

  @Override
  default void close() {}
}
