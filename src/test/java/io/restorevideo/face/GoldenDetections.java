package io.restorevideo.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Test helper: detections against golden rows {@code [x1, y1, x2, y2, score, 10 landmark coords]}. */
final class GoldenDetections {
  private GoldenDetections() {}

  static float[] row(DetectedFace d) {
    float[] row = new float[15];
    row[0] = d.x1();
    row[1] = d.y1();
    row[2] = d.x2();
    row[3] = d.y2();
    row[4] = d.score();
    System.arraycopy(d.landmarks().toArray(), 0, row, 5, 10);
    return row;
  }

  /**
   * Asserts the same row count and returns the max |coordinate| and |score| differences, row by row in order;
   * the golden scores are ours divided by {@code scoreScale} (the helper's resize-640 rows).
   */
  static double[] maxDiffs(List<DetectedFace> dets, float[] golden, float scoreScale) {
    assertEquals(golden.length / 15, dets.size(), "rows");
    double coord = 0;
    double score = 0;
    for (int r = 0; r < dets.size(); r++) {
      float[] row = row(dets.get(r));
      row[4] /= scoreScale;
      for (int c = 0; c < 15; c++) {
        double d = Math.abs(row[c] - golden[15 * r + c]);
        if (c == 4) {
          score = Math.max(score, d);
        } else {
          coord = Math.max(coord, d);
        }
      }
    }
    return new double[] {coord, score};
  }
}
