package io.restorevideo.pipeline;

import io.restorevideo.restore.PreparedImage;
import io.restorevideo.restore.RestoredFace;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.track.TrackedFace;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the face stages hand each other on one slot: the prepared image (track), the tracked faces and each
 * one's gray decision (track), their aligned crops (restore, until they move into the restored faces) and
 * the restored faces (restore, pasted by composite). Owns every image it holds; the composite stage closes it.
 */
final class FaceFrame implements AutoCloseable {
  static final String KEY = "faces";

  private final PreparedImage image;
  private final List<TrackedFace> faces;
  private final List<Boolean> gray;
  private final boolean keyframe;
  private List<AlignedFace> aligned = List.of();
  private List<RestoredFace> restored = List.of();
  private List<Mat> masks;

  FaceFrame(PreparedImage image, List<TrackedFace> faces, List<Boolean> gray, boolean keyframe) {
    this.image = image;
    this.faces = List.copyOf(faces);
    this.gray = List.copyOf(gray);
    this.keyframe = keyframe;
  }

  PreparedImage image() {
    return image;
  }

  List<TrackedFace> faces() {
    return faces;
  }

  /** The tracked faces as detections with their smoothed landmarks, for the still-image steps. */
  List<DetectedFace> detections() {
    List<DetectedFace> out = new ArrayList<>(faces.size());
    for (TrackedFace f : faces) {
      out.add(f.asDetection());
    }
    return out;
  }

  boolean gray(int face) {
    return gray.get(face);
  }

  /** Whether the detector ran on this frame. */
  boolean keyframe() {
    return keyframe;
  }

  List<AlignedFace> aligned() {
    return aligned;
  }

  void aligned(List<AlignedFace> crops) {
    this.aligned = crops;
  }

  List<RestoredFace> restored() {
    return restored;
  }

  /** The restored faces, in face order; they now own the aligned crops. */
  void restored(List<RestoredFace> faces) {
    this.restored = faces;
    this.aligned = List.of();
  }

  /** The faces' parse masks, from {@link MaskStage}; null when the paste makes its own (or uses none). */
  List<Mat> masks() {
    return masks;
  }

  /** Sets the parse masks, now owned by this frame (headers of the track's masks). */
  void masks(List<Mat> perFace) {
    this.masks = perFace;
  }

  @Override
  public void close() {
    if (masks != null) {
      masks.forEach(Mat::close);
      masks = null;
    }
    aligned.forEach(AlignedFace::close);
    restored.forEach(RestoredFace::close);
    aligned = List.of();
    restored = List.of();
    image.close();
  }
}
