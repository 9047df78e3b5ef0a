package io.restorevideo.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.OfficialKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path tmp;

  private static TensorData tensor(DType dtype, long[] shape, SplittableRandom rnd) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    byte[] bytes = new byte[Math.toIntExact(n * dtype.bytes())];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) rnd.nextInt(256);
    }
    if (dtype == DType.BOOL) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] &= 1;
      }
    }
    return new TensorData(dtype, shape, ByteBuffer.wrap(bytes));
  }

  @Test
  void roundTripKeepsOrderDtypesShapesAndBytes() throws IOException {
    SplittableRandom rnd = new SplittableRandom(7);
    Map<String, TensorData> in = new LinkedHashMap<>();
    DType[] types = DType.values();
    for (int i = 0; i < types.length; i++) {
      in.put("z.layer" + i + ".weight", tensor(types[i], new long[] {3, i + 1, 2}, rnd));
    }
    in.put("a.scalar", tensor(DType.INT64, new long[0], rnd));
    in.put("b.empty", tensor(DType.FLOAT32, new long[] {0, 4}, rnd));
    Path file = tmp.resolve("round.safetensors");
    SafetensorsWriter.write(file, in);

    // The layout is the published one: 8-byte LE length, JSON header, data starting 8-byte aligned.
    byte[] raw = Files.readAllBytes(file);
    long headerLength = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    assertEquals(0, headerLength % 8);
    JsonObject header = JsonParser.parseString(new String(raw, 8, (int) headerLength, StandardCharsets.UTF_8))
        .getAsJsonObject();
    assertEquals("I64", header.getAsJsonObject("a.scalar").get("dtype").getAsString());
    long dataBytes = in.values().stream().mapToLong(t -> t.numel() * t.dtype().bytes()).sum();
    assertEquals(8 + headerLength + dataBytes, raw.length);

    StateDict out = CheckpointReader.read(file);
    assertEquals(new ArrayList<>(in.keySet()), new ArrayList<>(out.keys()));
    for (String key : in.keySet()) {
      assertEquals(in.get(key).dtype(), out.get(key).dtype(), key);
      assertArrayEquals(in.get(key).shape(), out.get(key).shape(), key);
      assertEquals(in.get(key).data(), out.get(key).data(), key);
    }
  }

  @Test
  void dataParallelPrefixIsStripped() {
    SplittableRandom rnd = new SplittableRandom(3);
    Map<String, TensorData> in = new LinkedHashMap<>();
    in.put("module.body.conv1.weight", tensor(DType.FLOAT32, new long[] {2, 3}, rnd));
    in.put("module.body.bn1.num_batches_tracked", tensor(DType.INT64, new long[0], rnd));
    in.put("head.bias", tensor(DType.FLOAT32, new long[] {2}, rnd));
    Path file = tmp.resolve("dp.safetensors");
    SafetensorsWriter.write(file, in);
    StateDict out = CheckpointReader.read(file);
    assertEquals(List.of("body.conv1.weight", "body.bn1.num_batches_tracked", "head.bias"),
        new ArrayList<>(out.keys()));
    assertEquals(in.get("module.body.conv1.weight").data(), out.get("body.conv1.weight").data());
  }

  /**
   * A full-size CodeFormer state dict (the official key set and shapes) written and read back: the tensors
   * must stay memory-mapped, so reading must not grow the heap by anything near the file size.
   */
  @Test
  void fullSizeCheckpointIsReadWithoutLoadingItIntoTheHeap() throws IOException {
    Map<String, long[]> shapes = OfficialKeys.shapes("codeformer.pth");
    assertEquals(515, shapes.size());
    long values = 0;
    for (long[] s : shapes.values()) {
      long n = 1;
      for (long d : s) {
        n *= d;
      }
      values += n;
    }
    assertEquals(94_112_707L, values);

    // Tensors are windows at random places of one random pool (the largest tensor has 2.36 M values).
    int poolFloats = 4 << 20;
    ByteBuffer pool = ByteBuffer.allocateDirect(poolFloats * 4).order(ByteOrder.LITTLE_ENDIAN);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < poolFloats; i++) {
      pool.putFloat(i * 4, (float) (rnd.nextDouble() * 2 - 1));
    }
    Map<String, TensorData> in = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      long n = 1;
      for (long d : e.getValue()) {
        n *= d;
      }
      int start = rnd.nextInt(poolFloats - (int) n + 1);
      in.put(e.getKey(), new TensorData(DType.FLOAT32, e.getValue(), pool.slice(start * 4, (int) n * 4)));
    }
    Path file = tmp.resolve("codeformer-random.safetensors");
    try {
      SafetensorsWriter.write(file, in);
      long size = Files.size(file);
      assertTrue(size > values * 4, "size " + size);

      long before = usedHeap();
      StateDict read = CheckpointReader.read(file);
      long after = usedHeap();
      long growth = after - before;
      assertTrue(growth < size / 4, "heap grew by " + growth + " bytes reading a file of " + size);

      assertEquals(new ArrayList<>(in.keySet()), new ArrayList<>(read.keys()));
      for (String key : in.keySet()) {
        assertArrayEquals(in.get(key).shape(), read.get(key).shape(), key);
        assertEquals(in.get(key).data(), read.get(key).data(), key);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
