package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.testutil.OfficialKeys;
import io.restorevideo.weights.DType;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
    Map<String, long[]> shapes = OfficialKeys.shapes("RealESRGAN_x2plus.pth");
    assertEquals(702, shapes.size());
    SplittableRandom rnd = new SplittableRandom(7);
    Map<String, TensorData> tensors = new LinkedHashMap<>();
    shapes.forEach((key, shape) -> {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        b.putFloat((float) ((rnd.nextDouble() * 2 - 1) * AMPLITUDE));
      }
      tensors.put(key, new TensorData(DType.FLOAT32, shape, b.flip()));
    });
    Path file = tmp.resolve("RealESRGAN_x2plus-random.safetensors");
    SafetensorsWriter.write(file, tensors);

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
