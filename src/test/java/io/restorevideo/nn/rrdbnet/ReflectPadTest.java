package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ReflectPadTest {
  /** PyTorch 'reflect' mirrors about the edge pixel without repeating it. */
  @Test
  void mirrorsRightThenBottomWithoutTheEdge() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.arange(12f).reshape(new Shape(1, 1, 3, 4));
      NDArray y = ReflectPad.bottomRight(x, 2, 1);
      assertArrayEquals(new long[] {1, 1, 4, 6}, y.getShape().getShape());
      assertArrayEquals(new float[] {
          0, 1, 2, 3, 2, 1,
          4, 5, 6, 7, 6, 5,
          8, 9, 10, 11, 10, 9,
          4, 5, 6, 7, 6, 5}, y.toFloatArray());
    }
  }

  @Test
  void padAsLargeAsTheImageIsRefused() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(1, 1, 3, 4));
      assertThrows(IllegalArgumentException.class, () -> ReflectPad.bottomRight(x, 4, 0));
    }
  }
}
