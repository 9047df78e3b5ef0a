package io.restorevideo.bench;

import io.restorevideo.weights.DType;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Full-size state dicts with the key set and shapes of an official checkpoint and random values, built in
 * memory, so benchmarks run where the real files are absent. The values follow PyTorch's default ranges
 * (uniform +-1/sqrt(fan_in) for weights of rank >= 2, norm weights and running variances 1, other vectors 0):
 * the arithmetic is that of the real network, the pictures are noise. The shapes come from
 * {@code official-keys.json}, read from the official files.
 */
public final class RandomWeights {
  /** Prefix of every state dict's source, so a report can never present these as the real weights. */
  public static final String SOURCE_PREFIX = "random weights with the shapes of ";

  private static final String RESOURCE = "/io/restorevideo/bench/official-keys.json";

  private RandomWeights() {}

  /** Key to shape, in file order, of the official {@code file} (e.g. {@code codeformer.pth}). */
  public static Map<String, long[]> shapes(String file) {
    try (InputStream in = RandomWeights.class.getResourceAsStream(RESOURCE)) {
      JsonObject all = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonObject entry = all.getAsJsonObject(file);
      if (entry == null) {
        throw new WeightsException("no official key list for " + file + " (known: " + all.keySet() + ")");
      }
      Map<String, long[]> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : entry.getAsJsonObject("tensors").entrySet()) {
        var dims = e.getValue().getAsJsonArray();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = dims.get(i).getAsLong();
        }
        out.put(e.getKey(), shape);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state dict of the official {@code file} with random values drawn from {@code seed}. */
  public static StateDict of(String file, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, TensorData> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : shapes(file).entrySet()) {
      tensors.put(e.getKey(), tensor(e.getKey(), e.getValue(), rnd));
    }
    return new StateDict(SOURCE_PREFIX + file, tensors);
  }

  /** Whether {@code dict} was made here rather than read from a file. */
  public static boolean isRandom(StateDict dict) {
    return dict.source().startsWith(SOURCE_PREFIX);
  }

  private static TensorData tensor(String key, long[] shape, SplittableRandom rnd) {
    if (shape.length == 0) {
      // num_batches_tracked: an int64 counter that inference never reads
      return new TensorData(DType.INT64, shape, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN));
    }
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * 4)).order(ByteOrder.LITTLE_ENDIAN);
    if (shape.length >= 2) {
      double bound = 1 / Math.sqrt((double) n / shape[0]);
      for (long i = 0; i < n; i++) {
        b.putFloat((float) ((rnd.nextDouble() * 2 - 1) * bound));
      }
    } else {
      float v = key.endsWith("weight") || key.endsWith("running_var") ? 1f : 0f;
      for (long i = 0; i < n; i++) {
        b.putFloat(v);
      }
    }
    return new TensorData(DType.FLOAT32, shape, b.flip());
  }
}
