package io.restorevideo.face;

import io.restorevideo.face.detect.PriorBox;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.face.detect.RetinaFaceInput;
import io.restorevideo.face.paste.FaceParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.nn.retinaface.RetinaFace;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.DType;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.TensorData;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints with every key and shape of the official files (main resource
 * io/restorevideo/bench/official-keys.json) and random values load
 * into the ports and run once on the CPU; prints the per-image times.
 */
class OfficialSizeNetworksTest {
  @TempDir Path tmp;

  @Test
  void retinaFaceResNet50WithTheOfficialKeysRuns() {
    // keys carry the module. prefix, as the released file's do
    Path file = randomCheckpoint("detection_Resnet50_Final.pth", "module.", 1);
    try (RetinaFaceDetector d = RetinaFaceDetector.load(CheckpointReader.read(file), 0.8f, 0.4);
        Mat group = GoldenImages.read("/golden/align-paste/group.png");
        Mat small = new Mat();
        Mat large = GoldenImages.read("/golden/retinaface-mobile0.25/input_resized640.png")) {
      assertSame(RetinaFace.Kind.RESNET_50, d.kind());
      org.bytedeco.opencv.global.opencv_imgproc.resize(group, small, new Size(640, 360));
      d.detect(small); // warm-up
      long t0 = System.nanoTime();
      d.detect(small);
      long t1 = System.nanoTime();
      d.detect(large);
      long t2 = System.nanoTime();
      System.out.printf("retinaface resnet50 (official shapes): 640x360 %.0f ms, 1137x640 %.0f ms%n",
          (t1 - t0) / 1e6, (t2 - t1) / 1e6);
      checkHeads(d, small);
    }
  }

  @Test
  void retinaFaceMobileNetWithTheOfficialKeysRuns() {
    Path file = randomCheckpoint("detection_mobilenet0.25_Final.pth", "module.", 2);
    try (RetinaFaceDetector d = RetinaFaceDetector.load(CheckpointReader.read(file), 0.8f, 0.4);
        Mat group = GoldenImages.read("/golden/align-paste/group.png")) {
      assertSame(RetinaFace.Kind.MOBILENET_0_25, d.kind());
      checkHeads(d, group);
    }
  }

  @Test
  void parseNetWithTheOfficialKeysRuns() {
    Path file = randomCheckpoint("parsing_parsenet.pth", "", 3);
    try (FaceParser p = FaceParser.load(CheckpointReader.read(file));
        Mat face = GoldenImages.read("/golden/parsenet-tiny/face_aligned.png")) {
      long t0 = System.nanoTime();
      float[] logits = p.logits(List.of(face));
      long t1 = System.nanoTime();
      System.out.printf("parsenet (official shapes): 512x512 %.0f ms%n", (t1 - t0) / 1e6);
      assertEquals(19 * 512 * 512, logits.length);
      assertAllFinite(logits, "parsenet logits");
    }
  }

  private static void checkHeads(RetinaFaceDetector d, Mat image) {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      var out = d.heads(RetinaFaceInput.of(List.of(image), m));
      int p = PriorBox.count(image.rows(), image.cols());
      assertEquals(new ai.djl.ndarray.types.Shape(1, p, 4), out.loc().getShape());
      assertEquals(new ai.djl.ndarray.types.Shape(1, p, 2), out.conf().getShape());
      assertEquals(new ai.djl.ndarray.types.Shape(1, p, 10), out.landms().getShape());
      assertAllFinite(out.loc().toFloatArray(), "loc");
      assertAllFinite(out.landms().toFloatArray(), "landms");
      float[] conf = out.conf().toFloatArray();
      assertAllFinite(conf, "conf");
      for (int i = 0; i < p; i++) {
        assertEquals(1f, conf[2 * i] + conf[2 * i + 1], 1e-5, "softmax row " + i);
      }
    }
  }

  private static void assertAllFinite(float[] v, String what) {
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new AssertionError(what + "[" + i + "] = " + v[i]);
      }
    }
    assertTrue(v.length > 0, what + " is empty");
  }

  /**
   * A safetensors file with the official keys and shapes: conv weights He-normal (so activations neither vanish
   * nor blow up through 50 layers), BatchNorm weight near 1, running_var positive, other vectors small.
   */
  private Path randomCheckpoint(String official, String prefix, long seed) {
    JsonObject keys;
    try (var in = new InputStreamReader(
        getClass().getResourceAsStream("/io/restorevideo/bench/official-keys.json"),
        StandardCharsets.UTF_8)) {
      keys = JsonParser.parseReader(in).getAsJsonObject().getAsJsonObject(official).getAsJsonObject("tensors");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Random rnd = new Random(seed);
    Map<String, TensorData> tensors = new LinkedHashMap<>();
    for (String key : keys.keySet()) {
      long[] shape = new long[keys.getAsJsonArray(key).size()];
      long n = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = keys.getAsJsonArray(key).get(i).getAsLong();
        n *= shape[i];
      }
      if (key.endsWith("num_batches_tracked")) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 100);
        tensors.put(prefix + key, new TensorData(DType.INT64, shape, b));
        continue;
      }
      ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(4 * n)).order(ByteOrder.LITTLE_ENDIAN);
      double fanIn = shape.length == 4 ? shape[1] * shape[2] * shape[3] : 1;
      for (long i = 0; i < n; i++) {
        double g = rnd.nextGaussian();
        double v;
        if (shape.length == 4) {
          v = g * Math.sqrt(2 / fanIn);
        } else if (key.endsWith("running_var")) {
          v = 1 + 0.1 * rnd.nextDouble();
        } else if (key.endsWith("norm.weight") || (key.endsWith(".weight") && shape.length == 1)) {
          v = 1 + 0.1 * g;
        } else {
          v = 0.1 * g;
        }
        b.putFloat((float) v);
      }
      b.flip();
      tensors.put(prefix + key, new TensorData(DType.FLOAT32, shape, b));
    }
    assertEquals(keys.size(), tensors.size());
    Path file = tmp.resolve(official + ".safetensors");
    SafetensorsWriter.write(file, tensors);
    return file;
  }
}
