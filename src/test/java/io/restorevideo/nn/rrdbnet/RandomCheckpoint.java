package io.restorevideo.nn.rrdbnet;

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

/** A safetensors file with every key and shape of an official checkpoint, filled with uniform noise. */
final class RandomCheckpoint {
  private RandomCheckpoint() {}

  static Path write(String official, Path file, double amplitude, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, TensorData> tensors = new LinkedHashMap<>();
    OfficialKeys.shapes(official).forEach((key, shape) -> {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        b.putFloat((float) ((rnd.nextDouble() * 2 - 1) * amplitude));
      }
      tensors.put(key, new TensorData(DType.FLOAT32, shape, b.flip()));
    });
    SafetensorsWriter.write(file, tensors);
    return file;
  }
}
