package io.restorevideo.restore;

import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.DetectedFace;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One face after the restore step: where it was found (in {@link PreparedImage#input()} pixels), its aligned
 * crop with the image-to-crop matrix, and the restored crop (CV_8UC3, gray handling applied). Owns both crops.
 */
public final class RestoredFace implements AutoCloseable {
  private final DetectedFace detection;
  private final AlignedFace aligned;
  private final Mat restored;

  public RestoredFace(DetectedFace detection, AlignedFace aligned, Mat restored) {
    this.detection = detection;
    this.aligned = aligned;
    this.restored = restored;
  }

  public DetectedFace detection() {
    return detection;
  }

  public AlignedFace aligned() {
    return aligned;
  }

  public Mat restored() {
    return restored;
  }

  @Override
  public void close() {
    aligned.close();
    restored.close();
  }
}
