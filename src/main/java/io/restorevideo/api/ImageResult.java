package io.restorevideo.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What restoring one image did: the files, the output size, each face restored (box and raw detector
 * confidence in the input file's pixels), whether the image was treated as gray, and warnings (e.g. no face).
 */
public record ImageResult(Path input, Path output, int outputWidth, int outputHeight, List<Face> faces,
    boolean gray, List<String> warnings) {
  public ImageResult {
    faces = List.copyOf(faces);
    warnings = List.copyOf(warnings);
  }

  /** A face box in the input file's pixels. */
  public record Face(float x1, float y1, float x2, float y2, float score) {}

  public int facesFound() {
    return faces.size();
  }
}
