package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The port against basicsr's own outputs for the random-weight x2 and x4 networks (README section 4). */
class RrdbNetGoldenTest {
  /** The golden README's suggested tolerance; its f64-vs-f32 spread is 5e-8. */
  private static final double ATOL = 1e-5;

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void rawOutputMatchesBasicsr(int scale) {
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = TinyRrdb.net(scale, m);
      NDArray want = TinyRrdb.array("out_x" + scale + ".npy", m);
      NDArray got = net.forward(TinyRrdb.array("input.npy", m));
      assertArrayEquals(want.getShape().getShape(), got.getShape().getShape());
      double diff = TinyRrdb.maxAbsDiff(want.toFloatArray(), got.toFloatArray());
      System.out.printf("rrdbnet-tiny x%d: max abs diff %.3e%n", scale, diff);
      assertTrue(diff <= ATOL, "max abs diff " + diff);
    }
  }

  @Test
  void shapeIsReadFromTheCheckpoint() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertEquals(new RrdbNetShape(2, 3, 3, 16, 2, 8), TinyRrdb.net(2, m).shape());
      assertEquals(new RrdbNetShape(4, 3, 3, 16, 2, 8), TinyRrdb.net(4, m).shape());
    }
  }
}
