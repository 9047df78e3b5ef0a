package io.restorevideo.nn.codeformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Precision;
import io.restorevideo.testutil.OfficialKeys;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.DType;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CodeFormer checkpoints: the fp16 file, batching, and the errors for files that do not fit. */
class CodeFormerCheckpointTest {
  @TempDir Path dir;

  private static StateDict tiny() {
    return CheckpointReader.read(TinyCodeFormer.resource("weights.pth"));
  }

  @Test
  void fp16FileHoldsTheFloat32WeightsRoundedToHalfAndRuns() {
    StateDict f32 = tiny();
    StateDict f16 = CheckpointReader.read(TinyCodeFormer.resource("weights-fp16.pth"));
    assertEquals(f32.keys(), f16.keys());
    for (String k : f32.keys()) {
      TensorData a = f32.get(k);
      TensorData h = f16.get(k);
      assertEquals(DType.FLOAT16, h.dtype(), k);
      assertArrayEquals(a.shape(), h.shape(), k);
      float[] x = a.toFloatArray();
      float[] y = h.toFloatArray();
      for (int i = 0; i < x.length; i++) {
        // Nearest half: within half a half-precision ulp (2^-24 spacing below the normal range).
        float halfUlp = Math.max(Math.ulp(y[i]) * 4096f, (float) Math.pow(2, -25));
        assertTrue(Math.abs(x[i] - y[i]) <= halfUlp, k + "[" + i + "]: " + x[i] + " read as " + y[i]);
      }
    }
    try (NDManager m = NDManager.newBaseManager()) {
      CodeFormer net = CodeFormer.load(new Params(f16, m), TinyCodeFormer.HEADS);
      try (CodeFormerOutput out = net.forward(TinyCodeFormer.batch(m, List.of(TinyCodeFormer.images().get(0))),
          0.5f, true)) {
        assertArrayEquals(new long[] {1, 3, 512, 512}, out.output().getShape().getShape());
        assertTrue(out.output().isInfinite().logicalOr(out.output().isNaN()).none().getBoolean());
      }
    }
  }

  @Test
  void batchOfFourEqualsFourSingleRuns() {
    List<Mat> img = TinyCodeFormer.images();
    List<Mat> four = List.of(img.get(1), img.get(0), img.get(0), img.get(1));
    try (NDManager m = NDManager.newBaseManager()) {
      CodeFormer net = CodeFormer.load(new Params(tiny(), m), TinyCodeFormer.HEADS);
      try (CodeFormerOutput batch = net.forward(TinyCodeFormer.batch(m, four), 0.7f, true)) {
        for (int i = 0; i < 4; i++) {
          try (CodeFormerOutput one = net.forward(TinyCodeFormer.batch(m, List.of(four.get(i))), 0.7f, true)) {
            NDIndex at = new NDIndex(i + ":" + (i + 1));
            assertArrayEquals(one.topIdx().toLongArray(), batch.topIdx().get(at).toLongArray(), "top_idx " + i);
            float d = TinyCodeFormer.maxAbsDiff(one.output().toFloatArray(), batch.output().get(at).toFloatArray());
            System.out.println("codeformer-tiny batch of 4 vs single run " + i + ": max|diff| output " + d);
            assertTrue(d <= 1e-4f, "image " + i + ": " + d);
          }
        }
      }
    }
  }

  @Test
  void missingKeyIsNamed() {
    Path f = rewrite(t -> assertNotNull(t.remove("generator.blocks.4.conv2.bias")));
    WeightsException e = assertThrows(WeightsException.class, () -> load(f));
    assertEquals(f + ": missing key 'generator.blocks.4.conv2.bias'", e.getMessage());
  }

  @Test
  void unexpectedKeyIsNamed() {
    Path f = rewrite(t -> t.put("ft_layers.0.extra.weight", t.get("ft_layers.0.norm1.weight")));
    WeightsException e = assertThrows(WeightsException.class, () -> load(f));
    assertEquals(f + ": unexpected key 'ft_layers.0.extra.weight' (not part of this network)", e.getMessage());
  }

  @Test
  void shapeMismatchIsNamed() {
    Path f = rewrite(t -> t.put("fuse_convs_dict.64.scale.0.bias", floats(new long[] {31})));
    WeightsException e = assertThrows(WeightsException.class, () -> load(f));
    assertEquals(f + ": shape mismatch for 'fuse_convs_dict.64.scale.0.bias': checkpoint has [31], the network "
        + "expects [32]", e.getMessage());
  }

  @Test
  void retinaFaceFileIsNotACodeFormer() {
    Path f = OfficialKeys.writeRandom("detection_mobilenet0.25_Final.pth", dir.resolve("retina.safetensors"), 1);
    WeightsException e = assertThrows(WeightsException.class, () -> load(f));
    assertEquals(f + ": not a CodeFormer checkpoint: missing key 'encoder.blocks.0.weight'", e.getMessage());
  }

  @Test
  void truncatedFileIsReported() throws IOException {
    byte[] all = Files.readAllBytes(TinyCodeFormer.resource("weights.pth"));
    Path f = Files.write(dir.resolve("cut.pth"), java.util.Arrays.copyOf(all, all.length / 2));
    WeightsException e = assertThrows(WeightsException.class, () -> load(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
  }

  @Test
  void headsMustDivideTheWidth() {
    WeightsException e = assertThrows(WeightsException.class,
        () -> CodeFormerRestorer.load(TinyCodeFormer.resource("weights.pth"), "cpu", Precision.FP32, 5).close());
    assertTrue(e.getMessage().endsWith("'ft_layers.0.self_attn': embedding width 64 is not divisible by 5 heads"),
        e.getMessage());
  }

  @Test
  void fp16IsRefusedOnTheCpu() {
    assertThrows(IllegalArgumentException.class,
        () -> CodeFormerRestorer.load(TinyCodeFormer.resource("weights.pth"), "cpu", Precision.FP16, 4));
  }

  private static void load(Path f) {
    CodeFormerRestorer.load(f, "cpu", Precision.FP32, TinyCodeFormer.HEADS).close();
  }

  private Path rewrite(Consumer<Map<String, TensorData>> edit) {
    Map<String, TensorData> t = new LinkedHashMap<>(tiny().asMap());
    edit.accept(t);
    Path f = dir.resolve("edited.safetensors");
    SafetensorsWriter.write(f, t);
    return f;
  }

  private static TensorData floats(long[] shape) {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(4 * shape[0])).order(ByteOrder.LITTLE_ENDIAN);
    return new TensorData(DType.FLOAT32, shape, b);
  }
}
