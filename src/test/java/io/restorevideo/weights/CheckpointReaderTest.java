package io.restorevideo.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointReaderTest {
  @TempDir Path tmp;

  static Path golden(String name) {
    try {
      return Path.of(CheckpointReaderTest.class.getResource("/golden/codeformer-tiny/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void zipAndLegacyFormatsGiveTheSameTensorsInTheSameOrder() {
    StateDict zip = CheckpointReader.read(golden("weights.pth"));
    StateDict legacy = CheckpointReader.read(golden("weights-legacy.pth"));
    assertEquals(419, zip.size());
    assertEquals(new ArrayList<>(zip.keys()), new ArrayList<>(legacy.keys()));
    // The official state dict starts with these keys (file order, from the unwrapped params_ema).
    assertEquals(List.of("position_emb", "encoder.blocks.0.weight", "encoder.blocks.0.bias"),
        zip.keys().stream().limit(3).toList());
    for (String key : zip.keys()) {
      TensorData a = zip.get(key);
      TensorData b = legacy.get(key);
      assertEquals(DType.FLOAT32, a.dtype(), key);
      assertArrayEquals(a.shape(), b.shape(), key);
      assertEquals(a.data(), b.data(), key);
    }
    assertArrayEquals(new long[] {256, 64}, zip.get("position_emb").shape());
  }

  @Test
  void halfPrecisionTensorsAreTheFloatOnesRoundedToNearestEven() {
    StateDict fp32 = CheckpointReader.read(golden("weights.pth"));
    StateDict fp16 = CheckpointReader.read(golden("weights-fp16.pth"));
    assertEquals(new ArrayList<>(fp32.keys()), new ArrayList<>(fp16.keys()));
    long checked = 0;
    for (String key : fp32.keys()) {
      TensorData h = fp16.get(key);
      assertEquals(DType.FLOAT16, h.dtype(), key);
      assertArrayEquals(fp32.get(key).shape(), h.shape(), key);
      float[] f = fp32.get(key).toFloatArray();
      ByteBuffer hb = h.data();
      for (int i = 0; i < f.length; i++) {
        short bits = hb.getShort(2 * i);
        assertNearestHalf(f[i], bits, key + "[" + i + "]");
        checked++;
      }
    }
    assertTrue(checked > 1_000_000, "checked " + checked);
  }

  /** The half value is the one nearest to f: no neighbouring half is closer, and a tie goes to even. */
  private static void assertNearestHalf(float f, short bits, String where) {
    double h = Half.toFloat(bits);
    int mag = bits & 0x7fff;
    int sign = bits & 0x8000;
    double err = Math.abs(f - h);
    if (mag < 0x7bff) {
      double up = Half.toFloat((short) (sign | (mag + 1)));
      assertTrue(err <= Math.abs(f - up), where);
      if (err == Math.abs(f - up)) {
        assertEquals(0, mag & 1, where + " tie not rounded to even");
      }
    }
    if (mag > 0) {
      double down = Half.toFloat((short) (sign | (mag - 1)));
      assertTrue(err <= Math.abs(f - down), where);
      if (err == Math.abs(f - down)) {
        assertEquals(0, mag & 1, where + " tie not rounded to even");
      }
    }
    assertTrue(f == 0 || Math.signum(f) == Math.signum(h) || h == 0, where);
  }

  @Test
  void paramsWrapperAnyZipPrefixAndCompressedEntriesAreRead() throws IOException {
    // Re-pack the golden zip: prefix "archive/", deflated entries, and the wrapper key renamed to "params".
    Path repacked = tmp.resolve("repacked.pth");
    byte[] emaKey = "X\n\0\0\0params_ema".getBytes(StandardCharsets.ISO_8859_1);
    byte[] plainKey = "X\6\0\0\0params".getBytes(StandardCharsets.ISO_8859_1);
    try (ZipFile in = new ZipFile(golden("weights.pth").toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(repacked))) {
      out.setMethod(ZipOutputStream.DEFLATED);
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (e.getName().endsWith("/data.pkl")) {
          bytes = replaceOnce(bytes, emaKey, plainKey);
        }
        out.putNextEntry(new ZipEntry(e.getName().replaceFirst("^weights/", "archive/")));
        out.write(bytes);
        out.closeEntry();
      }
    }
    StateDict original = CheckpointReader.read(golden("weights.pth"));
    StateDict read = CheckpointReader.read(repacked);
    assertEquals(new ArrayList<>(original.keys()), new ArrayList<>(read.keys()));
    for (String key : original.keys()) {
      assertEquals(original.get(key).data(), read.get(key).data(), key);
    }
  }

  private static byte[] replaceOnce(byte[] data, byte[] from, byte[] to) {
    for (int i = 0; i + from.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
        byte[] out = new byte[data.length - from.length + to.length];
        System.arraycopy(data, 0, out, 0, i);
        System.arraycopy(to, 0, out, i, to.length);
        System.arraycopy(data, i + from.length, out, i + to.length, data.length - i - from.length);
        return out;
      }
    }
    throw new AssertionError("pattern not found");
  }

  @Test
  void truncatedCheckpointsFailWithTheFileName() throws IOException {
    for (String name : List.of("weights.pth", "weights-legacy.pth")) {
      byte[] all = Files.readAllBytes(golden(name));
      for (int cut : new int[] {0, 1, 3, 40, 1000, all.length / 3, all.length / 2, all.length - 1000,
          all.length - 23, all.length - 1}) {
        Path part = tmp.resolve(name + "." + cut);
        try (OutputStream out = Files.newOutputStream(part)) {
          out.write(all, 0, cut);
        }
        WeightsException e = assertThrows(WeightsException.class, () -> CheckpointReader.read(part),
            name + " cut at " + cut);
        assertTrue(e.getMessage().startsWith(part.toString() + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        if (cut == 0) {
          assertTrue(e.getMessage().contains("empty"), e.getMessage());
        } else if (cut >= 3) {
          assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
      }
    }
  }

  @Test
  void aFileThatIsNoCheckpointFailsWithTheFileName() throws IOException {
    Path text = tmp.resolve("notes.pth");
    Files.writeString(text, "these are not weights\n");
    WeightsException e = assertThrows(WeightsException.class, () -> CheckpointReader.read(text));
    assertTrue(e.getMessage().startsWith(text + ": not a PyTorch or safetensors checkpoint"), e.getMessage());

    Path missing = tmp.resolve("missing.pth");
    e = assertThrows(WeightsException.class, () -> CheckpointReader.read(missing));
    assertTrue(e.getMessage().startsWith(missing + ": ") && e.getMessage().contains("not found"), e.getMessage());

    Path empty = tmp.resolve("empty.safetensors");
    SafetensorsWriter.write(empty, Map.of());
    e = assertThrows(WeightsException.class, () -> CheckpointReader.read(empty));
    assertEquals(empty + ": checkpoint holds no tensors", e.getMessage());
  }

  @Test
  void nonContiguousViewsAreCompacted() {
    // Storage [0..5] as float32 viewed as the transpose of a 2x3 matrix: size (3,2), stride (1,3), offset 0.
    ByteBuffer storage = ByteBuffer.allocate(6 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 6; i++) {
      storage.putFloat(i);
    }
    storage.flip();
    StorageRef ref = new StorageRef("0", DType.FLOAT32, 0);
    TensorData t = new PendingTensor(ref, 0, new long[] {3, 2}, new long[] {1, 3}).materialize(storage);
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toFloatArray());
    // A contiguous view with an offset: elements 2..5 as 2x2.
    TensorData s = new PendingTensor(ref, 2, new long[] {2, 2}, new long[] {2, 1}).materialize(storage);
    assertArrayEquals(new float[] {2, 3, 4, 5}, s.toFloatArray());
    // A 0-d tensor (BatchNorm num_batches_tracked) is one element.
    TensorData scalar = new PendingTensor(ref, 5, new long[0], new long[0]).materialize(storage);
    assertArrayEquals(new float[] {5}, scalar.toFloatArray());
    assertThrows(IllegalArgumentException.class,
        () -> new PendingTensor(ref, 4, new long[] {2, 2}, new long[] {2, 1}).materialize(storage));
  }
}
