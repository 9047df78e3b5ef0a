package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.testutil.OfficialKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint with every key and shape of the official RealESRGAN_x2plus.pth (random values) loads and
 * runs. The safetensors reader takes the unwrapped state dict, so the keys are written without params_ema.
 */
class FullSizeRrdbNetTest {
  /** Uniform in +-0.01: small enough that 23 RRDBs of residual sums stay far from overflow. */
  private static final double AMPLITUDE = 0.01;

  @TempDir Path tmp;

  @Test
  void officialX2KeySetLoadsAndRuns() {
    assertEquals(702, OfficialKeys.shapes("RealESRGAN_x2plus.pth").size());
    Path file = RandomCheckpoint.write("RealESRGAN_x2plus.pth", tmp.resolve("RealESRGAN_x2plus-random.safetensors"),
        AMPLITUDE, 7);

    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = RrdbNet.load(file, m);
      assertEquals(new RrdbNetShape(2, 3, 3, 64, 23, 32), net.shape());
      NDArray x = m.randomUniform(0f, 1f, new Shape(1, 3, 128, 128));
      long start = System.nanoTime();
      NDArray y = net.forward(x);
      float[] v = y.toFloatArray();
      System.out.printf("full-size x2 on 128x128: %.2f s%n", (System.nanoTime() - start) / 1e9);
      assertArrayEquals(new long[] {1, 3, 256, 256}, y.getShape().getShape());
      double energy = 0;
      for (float f : v) {
        assertTrue(Float.isFinite(f));
        energy += Math.abs(f);
      }
      assertTrue(energy > 0, "output is all zeros");
    }
  }
}
