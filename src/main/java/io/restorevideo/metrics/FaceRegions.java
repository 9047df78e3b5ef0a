package io.restorevideo.metrics;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Where the faces are on each frame, with track ids that continue from frame to frame. */
public interface FaceRegions extends AutoCloseable {
  /** The face regions of the next frame (frames come in order), from its input and output images. */
  List<FaceRegion> find(Mat input, Mat output);

  /** How the regions are found, for the report. */
  String description();

  /** Landmark jitter of the output's faces (the restore job's {@code --json} definition), or null if unknown. */
  Double jitter();

  @Override
  default void close() {}
}
