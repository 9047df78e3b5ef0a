package io.restorevideo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ResizeTest {
  @Test
  void nearestUsesFloorOfDstTimesRatio() {
    try (NDManager m = NDManager.newBaseManager()) {
      // one row of 3 values resized to 7 columns: source column floor(j * 3 / 7)
      NDArray x = m.create(new float[] {10, 20, 30}, new Shape(1, 1, 1, 3));
      float[] got = Resize.nearest(x, 2, 7).toFloatArray();
      float[] row = new float[7];
      for (int j = 0; j < 7; j++) {
        row[j] = 10 * (1 + (int) Math.floor(j * 3.0 / 7));
      }
      float[] want = new float[14];
      System.arraycopy(row, 0, want, 0, 7);
      System.arraycopy(row, 0, want, 7, 7);
      assertArrayEquals(want, got);
    }
  }

  @Test
  void nearest2xRepeatsEachPixel() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
      assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
          Resize.nearest2x(x).toFloatArray());
    }
  }
}
