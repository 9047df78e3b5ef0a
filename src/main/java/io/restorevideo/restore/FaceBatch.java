package io.restorevideo.restore;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.color.Grayscale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The restore step: every aligned face of a frame in one call of the network (the official script runs one
 * face at a time), then the helper's {@code add_restored_face}: for a gray input the restored face is made
 * gray and given the input crop's colour statistics, without the official overflow (see
 * {@link Grayscale#restoredFaceForGrayInput}), unless the restorer colorizes
 * ({@link FaceBatchRestorer#grayInputStaysGray()}). Whole frames decide gray per frame
 * ({@link #restore}); faces given already aligned, in stills or video, per face ({@link #restoreAligned}).
 */
public final class FaceBatch {
  private FaceBatch() {}

  /** One new restored crop per aligned face, in order; no network call when there is no face. */
  static List<Mat> restore(FaceBatchRestorer restorer, List<AlignedFace> faces, double fidelity, boolean gray) {
    if (faces.isEmpty()) {
      return List.of();
    }
    List<Mat> crops = new ArrayList<>(faces.size());
    for (AlignedFace f : faces) {
      crops.add(f.crop());
    }
    return restoreCrops(restorer, crops, fidelity, i -> gray);
  }

  /**
   * Faces given already aligned ({@code --has-aligned}), stills and video frames alike: one network call,
   * then {@code add_restored_face}'s gray rule decided per face, as the official script decides it per input
   * image. One new restored crop per input, in order; the caller closes them.
   *
   * @param crops aligned CV_8UC3 BGR faces at the network's size; not modified
   */
  public static List<Mat> restoreAligned(FaceBatchRestorer restorer, List<Mat> crops, double fidelity) {
    if (crops.isEmpty()) {
      return List.of();
    }
    return restoreCrops(restorer, crops, fidelity,
        i -> Grayscale.isGray(crops.get(i), Grayscale.DEFAULT_THRESHOLD));
  }

  private static List<Mat> restoreCrops(FaceBatchRestorer restorer, List<Mat> crops, double fidelity,
      IntPredicate gray) {
    List<Mat> restored = restorer.restore(crops, fidelity);
    check(restored, crops);
    if (!restorer.grayInputStaysGray()) {
      return restored;
    }
    List<Mat> out = new ArrayList<>(restored.size());
    for (int i = 0; i < restored.size(); i++) {
      if (!gray.test(i)) {
        out.add(restored.get(i));
        continue;
      }
      try (Mat colour = restored.get(i)) {
        out.add(Grayscale.restoredFaceForGrayInput(colour, crops.get(i)));
      }
    }
    return out;
  }

  private static void check(List<Mat> restored, List<Mat> crops) {
    if (restored == null || restored.size() != crops.size()) {
      throw new IllegalStateException("the face restorer returned " + (restored == null ? 0 : restored.size())
          + " faces for " + crops.size());
    }
    for (int i = 0; i < crops.size(); i++) {
      Mat r = restored.get(i);
      Mat c = crops.get(i);
      if (r.type() != CV_8UC3 || r.cols() != c.cols() || r.rows() != c.rows()) {
        throw new IllegalStateException("the face restorer returned face " + i + " as " + r.cols() + "x" + r.rows()
            + " of type " + r.type() + ", expected " + c.cols() + "x" + c.rows() + " CV_8UC3");
      }
    }
  }
}
