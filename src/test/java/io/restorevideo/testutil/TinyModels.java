package io.restorevideo.testutil;

import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.DType;
import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelStore;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden sets' random-weight networks as files in a test's temporary folder, ready for {@code --weights
 * ROLE=PATH} or a {@link ModelResolver}: CodeFormer (tiny, 4 heads), ParseNet (tiny), Real-ESRGAN (tiny x2),
 * and a RetinaFace MobileNet-0.25 that finds faces.
 *
 * <p>The golden RetinaFace's random landmark regressions put the eyes of every detection less than 5 px
 * apart, so the helper's eye-distance rule drops them all. {@link #detectingRetinaFace} keeps its backbone and
 * its content-dependent scores, and replaces the landmark and box heads by constants: each detection is its
 * prior box with the FFHQ template's five points inside it, so faces survive the helper's filters and follow
 * what the scores respond to.
 */
public final class TinyModels {
  /** The tiny CodeFormer was built with 4 attention heads (golden README, set 1). */
  public static final int CODEFORMER_HEADS = 4;

  /** FFHQ 512 template points relative to the box centre, in box sizes. */
  private static final double[][] FACE_POINTS = {
      {192.98138 / 512 - 0.5, 239.94708 / 512 - 0.5}, {318.90277 / 512 - 0.5, 240.1936 / 512 - 0.5},
      {256.63416 / 512 - 0.5, 314.01935 / 512 - 0.5}, {201.26117 / 512 - 0.5, 371.41043 / 512 - 0.5},
      {313.08905 / 512 - 0.5, 371.15118 / 512 - 0.5}};
  /** RetinaFace's centre variance: landmark = prior centre + regression * 0.1 * prior size. */
  private static final double CENTER_VARIANCE = 0.1;

  private TinyModels() {}

  /** Copies a classpath resource to {@code dir}; returns the file. */
  public static Path copy(String resource, Path dir) {
    Path out = dir.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = TinyModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      Files.createDirectories(dir);
      Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path codeformer(Path dir) {
    return copy("/golden/codeformer-tiny/weights.pth", dir);
  }

  public static Path parsenet(Path dir) {
    return copy("/golden/parsenet-tiny/weights.pth", dir.resolve("parsenet"));
  }

  public static Path realesrganX2(Path dir) {
    return copy("/golden/rrdbnet-tiny/weights_x2.pth", dir);
  }

  /** The golden MobileNet-0.25 RetinaFace with constant box and landmark heads (see the class comment). */
  public static Path detectingRetinaFace(Path dir) {
    Path golden = copy("/golden/retinaface-mobile0.25/weights.pth", dir.resolve("retinaface-golden"));
    StateDict dict = CheckpointReader.read(golden);
    Map<String, TensorData> out = new LinkedHashMap<>();
    for (String key : dict.keys()) {
      TensorData t = dict.get(key);
      boolean landmark = key.contains("LandmarkHead.");
      boolean box = key.contains("BboxHead.");
      if ((landmark || box) && key.endsWith(".weight")) {
        out.put(key, floats(t.shape(), new float[Math.toIntExact(t.numel())]));
      } else if (landmark && key.endsWith(".bias")) {
        out.put(key, floats(t.shape(), landmarkBias(Math.toIntExact(t.numel()))));
      } else if (box && key.endsWith(".bias")) {
        out.put(key, floats(t.shape(), new float[Math.toIntExact(t.numel())]));
      } else {
        out.put(key, t);
      }
    }
    Path file = dir.resolve("retinaface-detecting.safetensors");
    SafetensorsWriter.write(file, out);
    return file;
  }

  /** Overrides for every role of the face path, as {@code --weights ROLE=PATH} would give them. */
  public static Map<String, Path> allRoles(Path dir) {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("codeformer", codeformer(dir));
    m.put("detector", detectingRetinaFace(dir));
    m.put("parsenet", parsenet(dir));
    m.put("realesrgan", realesrganX2(dir));
    return m;
  }

  /** {@code --weights} arguments for {@link #allRoles}, plus the tiny CodeFormer's head count. */
  public static List<String> cliArgs(Path dir) {
    List<String> args = new ArrayList<>();
    allRoles(dir).forEach((role, path) -> {
      args.add("--weights");
      args.add(role + "=" + path);
    });
    args.add("--codeformer-heads");
    args.add(String.valueOf(CODEFORMER_HEADS));
    return args;
  }

  /** A resolver that never touches the network and uses the tiny files for every role. */
  public static ModelResolver resolver(Path dir) {
    ModelStore store = new ModelStore(ModelRegistry.load(), dir.resolve("cache"), null, true,
        Downloader.defaults(), null);
    return new ModelResolver(store, allRoles(dir), null, line -> {});
  }

  private static float[] landmarkBias(int n) {
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      int point = (i % 10) / 2;
      int axis = i % 2;
      b[i] = (float) (FACE_POINTS[point][axis] / CENTER_VARIANCE);
    }
    return b;
  }

  private static TensorData floats(long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    b.flip();
    return new TensorData(DType.FLOAT32, shape, b);
  }
}
