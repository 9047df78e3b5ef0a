package io.restorevideo.restore;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One processed image: the output ({@code upsized input * upscale}), the faces restored in it (detection in the
 * upsized input's pixels, crops), whether it was treated as gray, and the read_image enlargement (divide
 * detection coordinates by it for the original image's pixels). Owns the output and the faces.
 */
public record FrameResult(Mat output, List<RestoredFace> faces, boolean gray, double inputScale)
    implements AutoCloseable {
  public FrameResult {
    faces = List.copyOf(faces);
  }

  @Override
  public void close() {
    output.close();
    faces.forEach(RestoredFace::close);
  }
}
