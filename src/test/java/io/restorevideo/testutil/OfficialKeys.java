package io.restorevideo.testutil;

import io.restorevideo.weights.DType;
import io.restorevideo.bench.RandomWeights;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.TensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Checkpoints with the exact key set and shapes of an official file (main resource
 * {@code io/restorevideo/bench/official-keys.json}, also read by --random-weights) and
 * random values in PyTorch's default ranges (uniform +-1/sqrt(fan_in) for weights, norm weights 1, biases 0),
 * so that a full-size network can be built and run without the real weights.
 */
public final class OfficialKeys {
  private OfficialKeys() {}

  /** Key to shape, in file order, of {@code checkpoint} (e.g. "codeformer.pth"). */
  public static Map<String, long[]> shapes(String checkpoint) {
    return RandomWeights.shapes(checkpoint);
  }

  /** Writes a float32 safetensors file with every key of {@code checkpoint}; returns {@code file}. */
  public static Path writeRandom(String checkpoint, Path file, long seed) {
    return writeRandom(shapes(checkpoint), file, seed);
  }

  /** Writes a float32 safetensors file with the given keys and shapes, random as above; returns {@code file}. */
  public static Path writeRandom(Map<String, long[]> shapes, Path file, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, TensorData> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      long[] shape = e.getValue();
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      long fanIn = shape.length >= 2 ? n / shape[0] : 0;
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
      boolean normWeight = shape.length == 1 && e.getKey().endsWith("weight");
      double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      for (long i = 0; i < n; i++) {
        b.putFloat(normWeight ? 1f : (float) ((rnd.nextDouble() * 2 - 1) * bound));
      }
      b.flip();
      tensors.put(e.getKey(), new TensorData(DType.FLOAT32, shape, b));
    }
    SafetensorsWriter.write(file, tensors);
    return file;
  }
}
