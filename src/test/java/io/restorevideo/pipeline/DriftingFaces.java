package io.restorevideo.pipeline;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.detect.FaceDetector;
import java.util.ArrayList;
import java.util.List;

/** A stand-in detector for pipeline tests whose faces move, so the rectangles a paste changes differ per frame. */
final class DriftingFaces {
  private DriftingFaces() {}

  /**
   * Two faces moving {@code step} pixels per call towards each other, the second starting half off the right
   * edge of a 768-pixel-wide frame; on every {@code gapEvery}-th call (0: never) none.
   */
  static FaceDetector detector(float step, int gapEvery) {
    int[] call = {0};
    return bgr -> {
      int n = call[0]++;
      List<DetectedFace> out = new ArrayList<>();
      if (gapEvery > 0 && n % gapEvery == gapEvery - 1) {
        return out;
      }
      float shift = step * n;
      for (float[] c : new float[][] {{250 + shift, 280, 40}, {740 - shift, 200, 30}}) {
        float e = c[2];
        float cx = c[0];
        float cy = c[1];
        Landmarks5 l = new Landmarks5(new float[] {cx - e, cy - e, cx + e, cy - e, cx, cy, cx - 0.8f * e, cy + e,
            cx + 0.8f * e, cy + e});
        out.add(new DetectedFace(cx - 2 * e, cy - 2 * e, cx + 2 * e, cy + 2 * e, 0.99f, l));
      }
      return out;
    };
  }
}
