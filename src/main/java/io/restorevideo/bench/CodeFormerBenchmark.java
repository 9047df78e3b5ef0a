package io.restorevideo.bench;

import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerRestorer;
import io.restorevideo.weights.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@link CodeFormerRestorer#restore} (tensor conversion, network, back to 8-bit) on batches of
 * 512x512 faces: one untimed warm-up call per batch size and precision (first-call allocations and kernel
 * choice), then {@code runs} timed calls. The face content does not change the arithmetic, so the faces are
 * fixed noise.
 */
public final class CodeFormerBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(CodeFormerBenchmark.class);

  /** One batch size at one precision; {@code memoryMiB} is the peak RSS (CPU) or device memory in use (GPU). */
  public record Row(String precision, int batch, Timings seconds, double facesPerSecond, double msPerFace,
      double memoryMiB) {}

  /** What was measured and how; {@code memory} says which memory figure the rows carry. */
  public record Report(String weights, boolean randomWeights, String device, String memory, int runs,
      List<Row> rows) {}

  private CodeFormerBenchmark() {}

  public static Report run(StateDict dict, boolean random, String device, List<Precision> precisions,
      List<Integer> batches, int runs, int heads) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    boolean gpu = !device.equals("cpu");
    int maxBatch = batches.stream().mapToInt(Integer::intValue).max().orElse(1);
    List<Mat> faces = faces(maxBatch);
    List<Row> rows = new ArrayList<>();
    for (Precision p : precisions) {
      try (CodeFormerRestorer net = CodeFormerRestorer.load(dict, device, p, heads)) {
        for (int b : batches) {
          List<Mat> batch = faces.subList(0, b);
          net.restore(batch, 0.5).forEach(Mat::close);
          double[] s = new double[runs];
          for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            net.restore(batch, 0.5).forEach(Mat::close);
            s[r] = (System.nanoTime() - t0) / 1e9;
            LOG.info("CodeFormer {} batch {} run {}: {} s", p, b, r + 1, String.format("%.3f", s[r]));
          }
          Timings t = Timings.of(s);
          double memory = gpu ? PeakMemory.gpuUsedMiB(gpuIndex(device)) : PeakMemory.rssMiB();
          rows.add(new Row(p.name().toLowerCase(java.util.Locale.ROOT), b, t, b / t.median(),
              t.median() * 1000 / b, memory));
        }
      }
    }
    faces.forEach(Mat::close);
    String memory = gpu ? "device memory in use after the runs (cudaMemGetInfo, includes PyTorch's cache), MiB"
        : "peak RSS of the process so far (VmHWM), MiB";
    return new Report(dict.source(), random, device, memory, runs, rows);
  }

  private static int gpuIndex(String device) {
    return device.startsWith("gpu:") ? Integer.parseInt(device.substring(4)) : 0;
  }

  static List<Mat> faces(int n) {
    SplittableRandom rnd = new SplittableRandom(8);
    List<Mat> out = new ArrayList<>(n);
    int size = CodeFormerRestorer.FACE_SIZE;
    for (int i = 0; i < n; i++) {
      byte[] px = new byte[size * size * 3];
      for (int k = 0; k < px.length; k++) {
        px[k] = (byte) rnd.nextInt(256);
      }
      Mat m = new Mat(size, size, opencv_core.CV_8UC3);
      m.data().put(px);
      out.add(m);
    }
    return out;
  }
}
